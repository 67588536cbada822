package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code qj bench runner} in its quick mode, as a user runs it: the table has
 * every row with a figure for each engine, and the engines agree on what the
 * kernels did. How fast they were is not checked: the figures are for reading.
 */
class BenchIT {

    /** The rows of the table, in order. */
    private static final List<String> ROWS = List.of(
            "start-up: boot to halt, ms",
            "compute: instructions", "compute: whole run, s", "compute: MIPS",
            "interrupts: instructions", "interrupts: whole run, s", "interrupts: MIPS",
            "hello: boot to first byte, ms");

    /** A positive figure: a count with thousands separators, or a decimal. */
    private static final String FIGURE = "\\d{1,3}(,\\d{3})*|\\d+(\\.\\d+)?";

    /** The table's lines split at its column gaps, the header first. */
    private static List<List<String>> table(String stdout) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            boolean header = !line.isBlank() && line.startsWith(" ");
            if (header || ROWS.stream().anyMatch(line::startsWith)) {
                rows.add(List.of(line.strip().split(" {3,}")));
            }
        }
        return rows;
    }

    private static Optional<List<String>> row(List<List<String>> table, String label) {
        return table.stream().filter(r -> r.get(0).equals(label)).findFirst();
    }

    @Test
    void bothEnginesGetAFigureInEveryRowAndCountTheSameInstructions() {
        QjProcess.Result result = QjProcess.run("bench", "runner", "--quick", "--repetitions", "1");
        assertEquals(0, result.exitStatus(), result::toString);
        List<List<String>> table = table(result.stdout());
        assertEquals(List.of("runner", "QEMU", "runner/QEMU"), table.get(0), result::toString);
        for (String label : ROWS) {
            List<String> row = row(table, label).orElseThrow(() -> new AssertionError("no row " + label + "\n"
                    + result));
            boolean counted = label.endsWith("instructions");
            assertEquals(counted ? 3 : 4, row.size(), () -> label + ": " + row);
            for (String figure : row.subList(1, row.size())) {
                assertTrue(figure.matches(FIGURE), () -> label + ": not a figure: " + figure + "\n" + result);
            }
            if (counted) {
                assertEquals(row.get(1), row.get(2), () -> label + ": the engines count differently\n" + result);
            }
        }
        assertAll(
                () -> assertFalse(result.stderr().contains("warning"), result::toString),
                () -> assertTrue(result.stderr().contains("qj bench: compute: 1 warm-up and 1 measured run"),
                        result::toString),
                () -> assertTrue(result.stdout().contains("--quick"), result::toString));
    }

    @Test
    void oneEngineGetsATableOfItsOwn() {
        QjProcess.Result result = QjProcess.run("bench", "runner", "--quick", "--repetitions", "1",
                "--engine", "runner");
        assertEquals(0, result.exitStatus(), result::toString);
        List<List<String>> table = table(result.stdout());
        assertEquals(List.of(List.of("runner")), table.subList(0, 1), result::toString);
        for (String label : ROWS) {
            List<String> row = row(table, label).orElseThrow(() -> new AssertionError("no row " + label + "\n"
                    + result));
            assertEquals(2, row.size(), () -> label + ": " + row);
        }
        assertFalse(result.stdout().contains("QEMU:"), result::toString);
    }
}
