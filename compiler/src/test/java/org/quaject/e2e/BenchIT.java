package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code qj bench runner} in its quick mode, as a user runs it: the table has
 * every row with a figure for each engine, and the engines agree on what the
 * kernels did. Where both CPU cores are there (docs/runner.md, "The CPU
 * core"), the runner gets a column for each. How fast they were is not
 * checked: the figures are for reading.
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
}
