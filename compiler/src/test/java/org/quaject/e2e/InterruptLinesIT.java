package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupt lines bound in the kernel (docs/language.md, "Interrupt
 * handlers"): installed and enabled by the compiler, dispatched among the
 * instances that share a level, the same on both engines.
 */
class InterruptLinesIT {

    @Test
    void twoInstancesOnOneLevelEachGetTheirOwnInterrupts() {
        BothEngines.assertPassesAlike("shared-level.qj", 2);
    }

    /** The example of docs/language.md §7.1 builds as printed. */
    @Test
    void theLanguageReferencesExampleBuilds(@TempDir Path out) throws IOException {
        String doc = Files.readString(QjProcess.ROOT.resolve("docs/language.md"));
        int start = doc.indexOf("device Ticker {");
        String example = doc.substring(start, doc.indexOf("```", start));
        Path source = Files.writeString(out.resolve("ticking.qj"), example);
        QjProcess.Result result = QjProcess.run("build", source, "-o", out.resolve("ticking"));
        assertEquals(0, result.exitStatus(), result::toString);
    }
}
