package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quaject.compiler.testing.QjCommandLine;

/** {@code qj bench compiler}, run in-process on small sizes: its table and its usage errors. */
class BenchCompilerCommandTest {

    private static final String FIGURE = "\\d+\\.\\d\\d";

    @Test
    void printsABuildTimeAndATimePerQuajectForEachSizeAndShape() {
        QjCommandLine.Result result = QjCommandLine.run("bench", "compiler", "--sizes", "2,4");
        assertEquals(0, result.status(), result::toString);
        List<String> lines = result.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("quajects")).findFirst().orElseThrow());
        assertTrue(lines.get(header).matches("quajects +classes: build, s +per quaject, ms +instances of one class: "
                + "build, s +per quaject, ms"), result::toString);
        for (int row = 0; row < 2; row++) {
            String[] cells = lines.get(header + 1 + row).split(" {2,}");
            assertEquals(List.of("2", "4").get(row), cells[0], result::toString);
            for (int c = 1; c < 5; c++) {
                assertTrue(cells[c].matches(FIGURE), () -> "not a figure: " + String.join("|", cells));
            }
        }
        assertTrue(result.err().contains("qj bench compiler: 4 instances of one class"), result::toString);
    }

    @Test
    void aSizeThatIsNotPositiveIsAUsageError() {
        QjCommandLine.Result result = QjCommandLine.run("bench", "compiler", "--sizes", "10,0");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--sizes takes positive numbers of quajects"), result::toString);
    }
}
