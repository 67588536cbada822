package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code qj bench threads} as a user runs it: a row per thread operation, next
 * to Synthesis' figure. The counts are not written here, only what the code
 * guarantees: every count is a whole positive number, of the parts the
 * operation has; a table of its own costs more to create than a shared one;
 * the goal column agrees with the figures; and the counts are the same on
 * QEMU's guest clock and on a second run.
 */
class ThreadBenchIT {

    private static final List<String> ONE_PART = List.of("preemptive switch", "voluntary switch (yield)",
            "create, shared vector table", "create, own vector table", "resume, still in the ring",
            "wait + notify round trip");
    private static final List<String> TWO_PARTS = List.of("destroy", "suspend", "resume, re-inserted",
            "signal", "step");
    private static final List<String> HEADER = List.of("operation", "instructions", "Synthesis, us", "table",
            "cycles (us x 25)", "cycles/4", "fewer than cycles/4");
    /** "27", "4,524", "16 + 30 = 46". */
    private static final Pattern COUNT = Pattern.compile("([1-9][\\d,]*)(?: \\+ ([1-9][\\d,]*) = ([1-9][\\d,]*))?");

    @Test
    void everyOperationIsCountedTheSameOnBothEnginesAndOnEveryRun() {
        QjProcess.Result result = QjProcess.run("bench", "threads");
        assertEquals(0, result.exitStatus(), result::toString);
        Map<String, List<String>> rows = rows(result.stdout());
        assertEquals(HEADER, rows.get("operation"), result::toString);
        for (String operation : ONE_PART) {
            assertEquals(1, parts(rows, operation).length, () -> operation + "\n" + result);
        }
        for (String operation : TWO_PARTS) {
            long[] parts = parts(rows, operation);
            assertEquals(2, parts.length, () -> operation + "\n" + result);
            assertEquals(parts[0] + parts[1], total(rows, operation), () -> operation + "\n" + result);
        }
        assertTrue(total(rows, "create, own vector table") > total(rows, "create, shared vector table"),
                result::toString);
        // The switches: tens of instructions, not hundreds (docs/threads.md counts them).
        for (String operation : List.of("preemptive switch", "voluntary switch (yield)")) {
            assertTrue(total(rows, operation) >= 10 && total(rows, operation) <= 100,
                    () -> operation + "\n" + result);
        }
        assertEquals(List.of("10.5", "3.3", "262.5", "65.6"), rows.get("preemptive switch").subList(2, 6),
                result::toString);
        for (List<String> row : rows.values()) {
            if (row.get(0).equals("operation")) {
                continue;
            }
            String goal = row.get(6);
            if (row.get(5).equals("-")) {
                assertEquals("-", goal, () -> row + "\n" + result);
            } else {
                boolean fewer = total(rows, row.get(0)) < Double.parseDouble(row.get(5));
                assertEquals(fewer ? "yes" : "no", goal, () -> row + "\n" + result);
            }
        }
        assertEquals(List.of("25.0", "5.2", "625", "156.3"), rows.get("step").subList(2, 6), result::toString);
        assertTrue(result.stdout().contains("QEMU's guest clock gives the same counts for every row"),
                result::toString);
        assertFalse(result.stderr().contains("warning"), result::toString);

        QjProcess.Result again = QjProcess.run("bench", "threads", "--engine", "runner");
        assertEquals(0, again.exitStatus(), again::toString);
        assertEquals(table(result.stdout()), table(again.stdout()), again::toString);
    }

    /** The table's rows by their first cell: the lines of seven cells. */
    private static Map<String, List<String>> rows(String stdout) {
        return table(stdout).stream().map(l -> List.of(l.split(" {3,}")))
                .collect(Collectors.toMap(cells -> cells.get(0), cells -> cells, (a, b) -> a));
    }

    private static List<String> table(String stdout) {
        return stdout.lines().filter(l -> l.split(" {3,}").length == 7).toList();
    }

    private static Matcher count(Map<String, List<String>> rows, String operation) {
        List<String> row = rows.get(operation);
        assertTrue(row != null, () -> "no row " + operation + " in " + rows.keySet());
        Matcher m = COUNT.matcher(row.get(1));
        assertTrue(m.matches(), () -> operation + ": " + row);
        return m;
    }

    private static long[] parts(Map<String, List<String>> rows, String operation) {
        Matcher m = count(rows, operation);
        return m.group(2) == null ? new long[] {number(m.group(1))}
                : new long[] {number(m.group(1)), number(m.group(2))};
    }

    private static long total(Map<String, List<String>> rows, String operation) {
        Matcher m = count(rows, operation);
        return number(m.group(3) == null ? m.group(1) : m.group(3));
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
