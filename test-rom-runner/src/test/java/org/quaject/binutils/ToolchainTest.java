package org.quaject.binutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds the tools run under: a tool that never ends is stopped, and says so. */
class ToolchainTest {

    @TempDir
    Path dir;

    @Test
    void aToolThatNeverEndsIsStoppedAtTheTimeLimitWithAMessageNamingIt() throws IOException {
        Path pidFile = dir.resolve("pid");
        tool("as", "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 600\n");
        Toolchain toolchain = Toolchain.in(dir, Duration.ofSeconds(1));

        ToolchainException e = assertThrows(ToolchainException.class,
                () -> toolchain.run("as", List.of("x.s"), dir));
        assertEquals("m68k-linux-gnu-as did not finish within 1 s and was stopped", e.getMessage());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertTrue(ProcessHandle.of(pid).map(p -> p.onExit().join()).map(p -> !p.isAlive()).orElse(true),
                "the tool's process is gone");
    }

    @Test
    void aToolThatEndsInTimeGivesItsOutput() throws IOException {
        tool("objdump", "#!/bin/sh\necho \"out $1\"\necho err >&2\nexit 3\n");
        Toolchain.Result result = Toolchain.in(dir, Duration.ofSeconds(30)).run("objdump", List.of("a"), dir);
        assertEquals(new Toolchain.Result(3, "out a\n", "err\n"), result);
    }

    private void tool(String name, String script) throws IOException {
        Path file = dir.resolve(Toolchain.PREFIX + name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
