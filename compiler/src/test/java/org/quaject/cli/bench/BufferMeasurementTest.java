package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The measurements read back from the buffers kernel's console, as the runner reports it. */
class BufferMeasurementTest {

    /** A run whose console lines started at the given instruction counts. */
    private static BenchRun run(String console, long... lineInstructions) {
        List<ConsoleWatch.LineStart> starts = new ArrayList<>();
        for (long count : lineInstructions) {
            starts.add(new ConsoleWatch.LineStart(count, OptionalLong.of(count)));
        }
        return new BenchRun(1, console, starts);
    }

    @Test
    void eachLineWithTheStopwatchLinesAfterItIsOneMeasurementCountedByTheMachine() throws BenchFailure {
        String console = """
                # buffers: loop, capacity 0, 400 puts
                # bench: started
                # bench: 999 instructions, result 0x00000000
                # buffers: synthesized, capacity 64, 512 puts
                # bench: started
                # bench: 999 instructions, result 0x00000200
                # qj-exit: 0
                """;
        List<BufferMeasurement> measurements = BufferMeasurement.parse(run(console, 10, 20, 1_220, 1_300, 1_400,
                6_000, 6_100));
        assertEquals(List.of(new BufferMeasurement("loop", 0, 400, 1_200, 0),
                new BufferMeasurement("synthesized", 64, 512, 4_600, 512)), measurements);
    }

    @Test
    void aMeasurementLineWithoutStopwatchLinesRightAfterItFails() {
        String console = """
                # buffers: loop, capacity 0, 400 puts
                something else
                # bench: started
                # bench: 999 instructions, result 0x00000000
                """;
        assertThrows(BenchFailure.class, () -> BufferMeasurement.parse(run(console, 1, 2, 3, 4)));
    }

    @Test
    void aConsoleWithoutMeasurementsFails() {
        assertThrows(BenchFailure.class, () -> BufferMeasurement.parse(run("# qj-exit: 0\n", 1)));
    }
}
