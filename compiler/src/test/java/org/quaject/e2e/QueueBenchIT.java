package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code qj bench queues} as a user runs it: a row per lock-free operation. The
 * counts are not written here, only what the code guarantees: every count is a
 * whole positive number, an operation with CAS or CAS2 costs more with a retry
 * than without, the others have no retry, and a side shared by many contexts
 * costs more than the same side owned by one.
 */
class QueueBenchIT {

    private static final List<String> WITH_RETRY = List.of("put mpsc", "get spmc", "put mpmc", "get mpmc", "push",
            "pop", "insert", "delete", "increment");
    private static final List<String> WITHOUT_RETRY = List.of("put spsc", "get spsc", "get mpsc", "put spmc");

    @Test
    void everyOperationIsCountedAndARetryCostsMore() {
        QjProcess.Result result = QjProcess.run("bench", "queues");
        assertEquals(0, result.exitStatus(), result::toString);
        Map<String, List<String>> rows = result.stdout().lines()
                .map(l -> List.of(l.split(" {3,}")))
                .filter(cells -> cells.size() == 4)
                .collect(Collectors.toMap(cells -> cells.get(0), cells -> cells, (a, b) -> a));
        assertEquals(List.of("operation", "instructions", "with one retry", "Massalin, Table 5.1"),
                rows.get("operation"), result::toString);
        for (String operation : WITH_RETRY) {
            List<String> row = rows.get(operation);
            assertTrue(row != null && row.get(1).matches("[1-9]\\d*") && row.get(2).matches("[1-9]\\d*"),
                    () -> operation + ": " + row + "\n" + result);
            assertTrue(Integer.parseInt(row.get(2)) > Integer.parseInt(row.get(1)), () -> operation + ": " + row);
        }
        for (String operation : WITHOUT_RETRY) {
            List<String> row = rows.get(operation);
            assertTrue(row != null && row.get(1).matches("[1-9]\\d*") && row.get(2).equals("-"),
                    () -> operation + ": " + row + "\n" + result);
        }
        assertTrue(count(rows, "put mpmc") > count(rows, "put spsc"), result::toString);
        assertTrue(count(rows, "get mpmc") > count(rows, "get spsc"), result::toString);
        assertTrue(rows.get("increment").get(3).startsWith("1.3 us"), result::toString);
    }

    private static int count(Map<String, List<String>> rows, String operation) {
        return Integer.parseInt(rows.get(operation).get(1));
    }
}
