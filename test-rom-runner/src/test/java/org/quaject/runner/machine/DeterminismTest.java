package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same image with the same console input runs the same way every time:
 * byte for byte the same console output, the same instruction count. The
 * images read the RTC and take interrupts from it and from the console, where
 * time and input could make runs differ.
 */
class DeterminismTest {

    @TempDir
    Path dir;

    private record Run(MachineStop stop, byte[] console) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // Arms an alarm from the time it reads, sleeps in STOP, prints the times.
        "stop, ''",
        // Reads input by polling and by interrupt.
        "tty, abcdef",
        // Two interrupt levels, priority and nesting, with input.
        "interrupts, x",
    })
    void twoRunsGiveTheSameOutputAndCount(String fixture, String input) throws Exception {
        Path image = Fixtures.link(dir, fixture);
        Run first = run(image, input);
        Run second = run(image, input);
        assertEquals(MachineStop.Kind.HALT, first.stop().kind(), first.stop().detail());
        Fixtures.assertAllPass(new String(first.console(), US_ASCII));
        assertArrayEquals(first.console(), second.console(), new String(second.console(), US_ASCII));
        assertEquals(first.stop(), second.stop());
    }

    private static Run run(Path image, String input) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Fixtures.boot(image, console)) {
            machine.type(input.getBytes(US_ASCII));
            return new Run(Fixtures.runToEnd(machine), console.toByteArray());
        }
    }
}
