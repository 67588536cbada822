package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the linker rejects is reported at the .qj line that caused it, and nothing is written. */
class LinkErrorsIT {

    @TempDir
    Path out;

    @Test
    void linkerErrorsPointAtTheirQjLines() {
        assertLinkErrorsAt(QjProcess.fixture("link-errors.qj"));
    }

    /** ld names a relative source as ./FILE; the diagnostics name it as the user did. */
    @Test
    void linkerErrorsPointAtTheirQjLinesWhenTheSourceIsGivenRelatively() {
        assertLinkErrorsAt(QjProcess.ROOT.relativize(QjProcess.fixture("link-errors.qj")));
    }

    private void assertLinkErrorsAt(Path source) {
        QjProcess.Result result = QjProcess.run("build", source, "-o", out.resolve("image"));
        assertEquals(1, result.exitStatus(), result::toString);
        String file = source.toString();
        assertTrue(result.stderr().contains(file + ":6:9: error: relocation truncated to fit: R_68K_8 against"),
                result::toString);
        assertTrue(result.stderr().contains(file + ":11:9: error: undefined reference to `qj_no_such_routine'"),
                result::toString);
        assertTrue(result.stderr().contains(file + ":19:17: error: undefined reference to `qj_nowhere_either'"),
                result::toString);
        assertTrue(result.stderr().contains(file + ":27:9: error: undefined reference to `qj_nor_this_one'"),
                result::toString);
        assertTrue(result.stderr().lines().noneMatch(line -> line.startsWith("qj: error: link:")), result::toString);
        assertTrue(Files.notExists(out.resolve("image.elf")), "no image after a link error");
    }
}
