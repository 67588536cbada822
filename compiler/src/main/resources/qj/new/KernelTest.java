import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.quaject.runner.junit.GuestEnd;
import org.quaject.runner.junit.GuestSession;

/**
 * Drives the {{name}} kernel from Java (docs/junit.md in the toolchain): boots
 * its image, which qj:build wrote in the compile phase, and watches main run.
 */
class {{testClass}} {

    private static final Path IMAGE = Path.of("target/images/{{name}}.elf");

    @Test
    void mainGreetsAndCountsOnce() {
        try (GuestSession kernel = GuestSession.boot(IMAGE)) {
            kernel.waitFor("{{name}} is up\n");
            GuestEnd end = kernel.runToEnd();
            assertTrue(end.halted(), end::toString);
            assertEquals(OptionalInt.of(0), end.exitStatus());
            assertEquals(12, kernel.readLong("counter$count"));
        }
    }
}
