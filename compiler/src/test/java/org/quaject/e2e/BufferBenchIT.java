package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code qj bench buffers} as a user runs it: a table of both buffers'
 * instruction counts next to Massalin's cycles. The counts are not written
 * here, only what the code guarantees: every figure is a positive number,
 * and the synthesized put takes fewer instructions than the conventional one.
 */
class BufferBenchIT {

    private static final String PUT = "put, no flush: instructions";
    private static final String FLUSH = "flush: instructions";
    private static final String SHARED = "put, a flush every ";
    private static final String MASSALIN = "Massalin, Table 3.1: ";

    /** A positive count, or a share of flushes to two decimals. */
    private static final String FIGURE = "\\d+(\\.\\d\\d)?";

    private static Optional<List<String>> row(String stdout, String label) {
        return stdout.lines().filter(l -> l.startsWith(label)).findFirst().map(l -> List.of(l.split(" {3,}")));
    }

    private static double figure(List<String> row, int column) {
        return Double.parseDouble(row.get(column));
    }

    @Test
    void theSynthesizedPutTakesFewerInstructionsThanTheConventionalOne() {
        QjProcess.Result result = QjProcess.run("bench", "buffers");
        assertEquals(0, result.exitStatus(), result::toString);
        String header = result.stdout().lines().filter(l -> l.startsWith(" ")).findFirst()
                .orElseThrow(() -> new AssertionError("no table header\n" + result));
        assertEquals(List.of("conventional", "synthesized", "synthesized/conventional"),
                List.of(header.strip().split(" {3,}")), result::toString);
        for (String label : List.of(PUT, FLUSH, SHARED, MASSALIN)) {
            List<String> row = row(result.stdout(), label)
                    .orElseThrow(() -> new AssertionError("no row " + label + "\n" + result));
            assertEquals(4, row.size(), () -> label + ": " + row);
            for (int column = 1; column <= 3; column++) {
                String cell = row.get(column);
                assertTrue(cell.matches(FIGURE) && Double.parseDouble(cell) > 0,
                        () -> label + ": not a figure: " + cell + "\n" + result);
            }
            assertEquals(figure(row, 2) / figure(row, 1), figure(row, 3), 0.005, () -> label + ": " + row);
        }
        for (String label : List.of(PUT, FLUSH, SHARED)) {
            List<String> row = row(result.stdout(), label).orElseThrow();
            assertTrue(figure(row, 2) < figure(row, 1), () -> label + ": the synthesized buffer is not shorter\n"
                    + result);
        }
        List<String> put = row(result.stdout(), PUT).orElseThrow();
        List<String> shared = row(result.stdout(), SHARED).orElseThrow();
        for (int column = 1; column <= 2; column++) {
            assertTrue(figure(shared, column) > figure(put, column),
                    "sharing out the flushes adds to a put\n" + result);
        }
        assertEquals(List.of("28", "20", "0.71"), row(result.stdout(), MASSALIN).orElseThrow().subList(1, 4),
                result::toString);
    }
}
