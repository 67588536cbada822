package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code qj test --only NAME} as a user runs it: the image's own harness runs
 * the one test, with its own input, so QEMU runs the same test as the runner
 * and prints the same TAP.
 */
class OnlyTestIT {

    /** The echo example's second test reads "x"; the first test's "hello\n" must not reach it. */
    private static final String EXPECTED = "1..1\nok 1 - reads input by polling\n# qj-exit: 0\n1 passed, 0 failed\n";

    @Test
    void bothEnginesRunTheNamedTestAloneWithItsOwnInput() {
        QjProcess.Result runner = QjProcess.run("test", QjProcess.example("echo"), "--only",
                "reads input by polling", "--engine", "runner");
        QjProcess.Result qemu = QjProcess.run("test", QjProcess.example("echo"), "--only",
                "reads input by polling", "--engine", "qemu", "--timeout", QjProcess.EXAMPLE_TIMEOUT_SECONDS);
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertEquals(EXPECTED, runner.stdout(), runner::toString);
        assertEquals(0, qemu.exitStatus(), qemu::toString);
        assertEquals(EXPECTED, qemu.stdout(), qemu::toString);
    }
}
