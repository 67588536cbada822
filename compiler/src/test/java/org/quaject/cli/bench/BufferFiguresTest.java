package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures made of given measurements, in the order and shape the buffers kernel makes them. */
class BufferFiguresTest {

    /**
     * The kernel's measurements for costs per put (the loop's turn included)
     * and per flush, with a fixed overhead of 100 instructions each.
     */
    private static List<BufferMeasurement> measurements(long loop, long conventionalPut, long conventionalFlush,
                                                        long synthesizedPut, long synthesizedFlush) {
        List<BufferMeasurement> all = new ArrayList<>();
        for (long puts : List.of(400L, 800L)) {
            all.add(new BufferMeasurement("loop", 0, puts, 100 + puts * loop, 0));
        }
        add(all, "synthesized", synthesizedPut, synthesizedFlush);
        add(all, "conventional", conventionalPut, conventionalFlush);
        return all;
    }

    private static void add(List<BufferMeasurement> all, String kind, long put, long flush) {
        for (long puts : List.of(400L, 800L)) {
            all.add(new BufferMeasurement(kind, 1024, puts, 100 + puts * put, 0));
        }
        for (long puts : List.of(512L, 1024L)) {
            all.add(new BufferMeasurement(kind, 64, puts, 100 + puts * put + puts / 64 * flush, puts));
        }
    }

    @Test
    void theLoopIsTakenOutOfEveryPutAndTheFlushesAreSharedOut() throws BenchFailure {
        BufferFigures figures = BufferFigures.of(measurements(3, 10, 12, 9, 7));
        assertEquals(new BufferFigures.Costs(7, 12, 7 + 12 / 64.0, 64), figures.costs("conventional"));
        assertEquals(new BufferFigures.Costs(6, 7, 6 + 7 / 64.0, 64), figures.costs("synthesized"));
    }

    @Test
    void theTableHasBothBuffersTheirRatioAndMassalinsFigures() throws BenchFailure {
        String table = BufferFigures.of(measurements(3, 10, 12, 9, 7)).table();
        List<String> lines = table.lines().toList();
        assertEquals(List.of("conventional", "synthesized", "synthesized/conventional"),
                List.of(lines.get(0).strip().split(" {3,}")), table);
        assertEquals(List.of("put, no flush: instructions", "7", "6", "0.86"), List.of(lines.get(1).split(" {3,}")));
        assertEquals(List.of("flush: instructions", "12", "7", "0.58"), List.of(lines.get(2).split(" {3,}")));
        assertEquals(List.of("put, a flush every 64: instructions", "7.19", "6.11", "0.85"),
                List.of(lines.get(3).split(" {3,}")));
        assertTrue(lines.get(4).matches("Massalin, Table 3.1: .* {3,}28 {3,}20 {3,}0.71"), table);
    }

    @Test
    void aBufferThatFlushedSomeOfItsBytesFails() {
        List<BufferMeasurement> all = new ArrayList<>(measurements(3, 10, 12, 9, 7));
        BufferMeasurement last = all.remove(all.size() - 1);
        all.add(new BufferMeasurement(last.kind(), last.capacity(), last.puts(), last.instructions(),
                last.puts() - 1));
        BenchFailure failure = assertThrows(BenchFailure.class, () -> BufferFigures.of(all));
        assertTrue(failure.getMessage().contains("flushed 1023 bytes"), failure::getMessage);
    }

    @Test
    void aMissingMeasurementFails() {
        List<BufferMeasurement> all = new ArrayList<>(measurements(3, 10, 12, 9, 7));
        all.remove(all.size() - 1);
        assertThrows(BenchFailure.class, () -> BufferFigures.of(all));
    }
}
