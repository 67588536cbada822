package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code qj bench runner} in its quick mode, as a user runs it: the table has
 * every row with a figure for each engine, and the engines agree on what the
 * kernels did. Where both CPU cores are there (docs/runner.md, "The CPU
 * core"), the runner gets a column for each. {@code qj bench disk} on a small
 * disk: the driver's exact counts, the same in two runs, and a throughput
 * figure for each engine. How fast they were is not checked: the figures are
 * for reading.
 */
class BenchIT {

    /** The project's core, Unicorn 2.1, which bin/qj prefers, and Debian's 2.0.1, which a second JVM loads. */
    private static final boolean BOTH_CORES =
            Files.isRegularFile(QjProcess.ROOT.resolve("build/cpu-core/libunicorn.so.2"))
            && Stream.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")
                    .anyMatch(dir -> Files.exists(Path.of(dir, "libunicorn.so.2")));

    /** The column titles of the two cores' runners and of their ratio. */
    private static final String PROJECT_CORE = "runner \\(Unicorn 2\\.1\\.\\d+\\)";
    private static final String DEBIAN_CORE = "runner \\(Unicorn 2\\.0\\.\\d+\\)";
    private static final String CORE_RATIO = "2\\.1\\.\\d+/2\\.0\\.\\d+";

    /** The rows of the table, in order. */
    private static final List<String> ROWS = List.of(
            "start-up: boot to halt, ms",
            "compute: instructions", "compute: whole run, s", "compute: MIPS",
            "interrupts: instructions", "interrupts: whole run, s", "interrupts: MIPS",
            "stress (gap 100): instructions", "stress (gap 100): whole run, s", "stress (gap 100): MIPS",
            "hello: boot to first byte, ms");

    /** The rows of the runner's stress mode, which QEMU has not: no figure of QEMU's, no ratio with it. */
    private static final String STRESS = "stress (gap 100): ";

    /** The columns without a figure in the stress rows. */
    private static final List<String> NO_STRESS_MODES = List.of("QEMU", "runner/QEMU");

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

    /**
     * Checks that the table's header matches {@code header} (patterns), with
     * {@code engines} columns of figures and then ratios, that every row has a
     * figure in each (but "-" in QEMU's columns in the stress rows), and that
     * every engine counts the same instructions (in the stress rows, every
     * runner: both cores).
     */
    private static List<List<String>> checkTable(QjProcess.Result result, List<String> header, int engines) {
        assertEquals(0, result.exitStatus(), result::toString);
        List<List<String>> table = table(result.stdout());
        assertEquals(header.size(), table.get(0).size(), result::toString);
        for (int i = 0; i < header.size(); i++) {
            String title = table.get(0).get(i);
            String expected = header.get(i);
            assertTrue(title.matches(expected), () -> "column title " + title + " is not " + expected + "\n" + result);
        }
        for (String label : ROWS) {
            List<String> row = row(table, label).orElseThrow(() -> new AssertionError("no row " + label + "\n"
                    + result));
            boolean counted = label.endsWith("instructions");
            assertEquals(counted ? 1 + engines : 1 + header.size(), row.size(), () -> label + ": " + row);
            for (int i = 1; i < row.size(); i++) {
                String figure = row.get(i);
                if (label.startsWith(STRESS) && NO_STRESS_MODES.contains(table.get(0).get(i - 1))) {
                    assertEquals("-", figure, () -> label + ": a figure where QEMU has none\n" + result);
                } else {
                    assertTrue(figure.matches(FIGURE), () -> label + ": not a figure: " + figure + "\n" + result);
                }
            }
            if (counted) {
                List<String> counts = row.subList(1, 1 + engines).stream().filter(c -> !c.equals("-")).toList();
                for (String count : counts) {
                    assertEquals(row.get(1), count, () -> label + ": the engines count differently\n" + result);
                }
            }
        }
        return table;
    }

    @Test
    void everyEngineGetsAFigureInEveryRowAndCountsTheSameInstructions() {
        QjProcess.Result result = QjProcess.run("bench", "runner", "--quick", "--repetitions", "1");
        if (BOTH_CORES) {
            checkTable(result, List.of(PROJECT_CORE, DEBIAN_CORE, "QEMU", "runner/QEMU", CORE_RATIO), 3);
            assertTrue(result.stdout().lines().anyMatch(line -> line.matches(
                    "runner CPU core in a second JVM: Unicorn 2\\.0\\.\\d+ \\(/\\S+/libunicorn\\.so\\.2, Debian's"
                            + " libunicorn2, chosen by QJ_CPU_CORE\\)")), result::toString);
        } else {
            checkTable(result, List.of("runner", "QEMU", "runner/QEMU"), 2);
        }
        assertAll(
                () -> assertFalse(result.stderr().contains("warning"), result::toString),
                () -> assertTrue(result.stderr().contains("qj bench: compute: 1 warm-up and 1 measured run"),
                        result::toString),
                () -> assertTrue(result.stderr().lines().anyMatch(line -> line.startsWith(
                        "qj bench: stress: 1 warm-up and 1 measured run on runner") && !line.contains("QEMU")),
                        result::toString),
                () -> assertTrue(result.stdout().contains("stress: 5,000 RTC alarm interrupts"), result::toString),
                () -> assertTrue(result.stdout().contains("--quick"), result::toString));
    }

    /** On Debian's core there is no other core to measure: one engine, one column, as without the project's. */
    @Test
    void oneEngineOnOneCoreGetsATableOfItsOwn() {
        QjProcess.Result result = QjProcess.runOnCore("debian", "bench", "runner", "--quick", "--repetitions", "1",
                "--engine", "runner");
        List<List<String>> table = checkTable(result, List.of("runner"), 1);
        assertEquals(List.of(List.of("runner")), table.subList(0, 1), result::toString);
        assertAll(
                () -> assertFalse(result.stdout().contains("QEMU:"), result::toString),
                () -> assertFalse(result.stdout().contains("second JVM"), result::toString),
                () -> assertFalse(result.stderr().contains("warning"), result::toString));
    }

    @Test
    void engineRunnerMeasuresBothCoresSideBySide() {
        assumeTrue(BOTH_CORES, "the project's core and Debian's are not both there");
        QjProcess.Result result = QjProcess.run("bench", "runner", "--quick", "--repetitions", "1",
                "--engine", "runner");
        checkTable(result, List.of(PROJECT_CORE, DEBIAN_CORE, CORE_RATIO), 2);
        assertAll(
                () -> assertFalse(result.stdout().contains("QEMU:"), result::toString),
                () -> assertFalse(result.stderr().contains("warning"), result::toString),
                () -> assertTrue(result.stdout().contains("runner CPU core in a second JVM: Unicorn 2.0."),
                        result::toString));
    }

    /** The rows of qj bench disk's first table, in order: the kinds of request the runner counts. */
    private static final List<String> DISK_REQUESTS = List.of(
            "polled read, 1 sector", "polled write, 1 sector", "polled read, 128 sectors", "polled write, 128 sectors",
            "interrupt read, 1 sector", "interrupt write, 1 sector", "interrupt read, 128 sectors",
            "interrupt write, 128 sectors");

    /** The rows of its second table: the transfers, each timed and counted on each engine. */
    private static final List<String> DISK_TRANSFERS = List.of("polled write", "polled read", "interrupt write",
            "interrupt read");

    /** Each line of stdout that starts with one of {@code labels}, split at the column gaps, by label. */
    private static Map<String, List<String>> rows(QjProcess.Result result, List<String> labels) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : result.stdout().lines().toList()) {
            List<String> cells = List.of(line.strip().split(" {3,}"));
            if (labels.contains(cells.get(0)) && !rows.containsKey(cells.get(0))) {
                rows.put(cells.get(0), cells.subList(1, cells.size()));
            }
        }
        assertEquals(labels, List.copyOf(rows.keySet()), result::toString);
        return rows;
    }

    @Test
    void diskCountsTheDriverExactlyAndTimesItOnBothEngines() {
        QjProcess.Result result = QjProcess.run("bench", "disk", "--mib", "2", "--repetitions", "1");
        assertEquals(0, result.exitStatus(), result::toString);
        Map<String, List<String>> costs = rows(result, DISK_REQUESTS);
        for (Map.Entry<String, List<String>> row : costs.entrySet()) {
            String label = row.getKey();
            List<String> cells = row.getValue();
            assertEquals(4, cells.size(), () -> label + ": " + cells + "\n" + result);
            // The driver's own instructions, a hundred and some (docs/devices.md, "Inside").
            int perRequest = Integer.parseInt(cells.get(0));
            assertTrue(perRequest >= 100 && perRequest <= 250, () -> label + ": " + cells + "\n" + result);
            int sectors = label.endsWith(", 1 sector") ? 1 : 128;
            assertEquals(String.format(Locale.ROOT, "%.2f", (double) perRequest / sectors), cells.get(1),
                    () -> label + ": " + cells);
            if (label.startsWith("polled")) {
                assertEquals(List.of("-", "-"), cells.subList(2, 4), () -> label + ": " + cells);
            } else {
                assertEquals(perRequest, Integer.parseInt(cells.get(2)) + Integer.parseInt(cells.get(3)),
                        () -> label + ": submit and interrupt do not add up: " + cells);
            }
        }
        // The device moves the data: a request costs the same whatever its size.
        for (String request : List.of("polled read", "polled write", "interrupt read", "interrupt write")) {
            assertEquals(costs.get(request + ", 1 sector").get(0), costs.get(request + ", 128 sectors").get(0),
                    request);
        }
        List<String> header = result.stdout().lines().filter(l -> l.strip().startsWith("runner   "))
                .map(l -> List.of(l.strip().split(" {3,}"))).findFirst().orElseThrow(() -> new AssertionError(
                        "no throughput table\n" + result));
        assertEquals(List.of("runner", "QEMU", "runner/QEMU"), header, result::toString);
        List<String> transferRows = new ArrayList<>();
        DISK_TRANSFERS.forEach(t -> transferRows.addAll(List.of(t + ": MB/s", t + ": instructions a request")));
        Map<String, List<String>> transfers = rows(result, transferRows);
        for (String transfer : DISK_TRANSFERS) {
            List<String> speed = transfers.get(transfer + ": MB/s");
            assertEquals(3, speed.size(), () -> transfer + ": " + speed + "\n" + result);
            speed.forEach(figure -> assertTrue(figure.matches(FIGURE), () -> transfer + ": " + speed));
            List<String> counted = transfers.get(transfer + ": instructions a request");
            assertEquals(2, counted.size(), () -> transfer + ": " + counted + "\n" + result);
            counted.forEach(figure -> assertTrue(figure.matches(FIGURE), () -> transfer + ": " + counted));
        }
        Map<String, List<String>> synthesis = rows(result, List.of(
                "Synthesis: read N bytes of a file, us (9 + N/8)",
                "the same in cycles of its 25 MHz 68030 (us x 25)",
                "Synthesis under Unix emulation, us (10 + N/8)",
                "this driver: polled read of N bytes, instructions",
                "this driver: interrupt read of N bytes, instructions"));
        assertAll(
                () -> assertEquals(List.of("73", "8,201"),
                        synthesis.get("Synthesis: read N bytes of a file, us (9 + N/8)")),
                () -> assertEquals(List.of("1,825", "205,025"),
                        synthesis.get("the same in cycles of its 25 MHz 68030 (us x 25)")),
                () -> assertEquals(List.of("74", "8,202"),
                        synthesis.get("Synthesis under Unix emulation, us (10 + N/8)")),
                () -> assertEquals(List.of(costs.get("polled read, 1 sector").get(0),
                        costs.get("polled read, 128 sectors").get(0)),
                        synthesis.get("this driver: polled read of N bytes, instructions")),
                () -> assertTrue(result.stdout().contains("QEMU: QEMU emulator version"), result::toString),
                () -> assertTrue(result.stdout().contains("disk: 2 MiB"), result::toString),
                () -> assertTrue(result.stderr().contains("qj bench: disk (2 MiB): 1 warm-up and 1 measured run on"
                        + " runner and QEMU"), result::toString),
                () -> assertFalse(result.stderr().contains("warning"), result::toString));

        // Counted, not timed: a second run counts the same.
        QjProcess.Result again = QjProcess.run("bench", "disk", "--mib", "1", "--repetitions", "1", "--engine",
                "runner");
        assertEquals(0, again.exitStatus(), again::toString);
        assertEquals(costs, rows(again, DISK_REQUESTS), again::toString);
        assertFalse(again.stdout().contains("QEMU:"), again::toString);
    }
}
