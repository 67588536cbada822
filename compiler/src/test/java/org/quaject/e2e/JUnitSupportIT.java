package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.junit.Budget;
import org.quaject.runner.junit.GuestEnd;
import org.quaject.runner.junit.GuestSession;
import org.quaject.runner.junit.ImageTests;

/** The JUnit support as a user's project uses it, on the examples built by bin/qj. */
class JUnitSupportIT {

    @TempDir
    Path out;

    /**
     * Room for every example: the queues example runs a few hundred million
     * instructions, far beyond the default budget.
     */
    private static final Budget EXAMPLE_BUDGET = new Budget(4_000_000_000L, Duration.ofMinutes(10));

    /** Each example's tests, one dynamic test each, grouped by example. */
    @TestFactory
    Stream<DynamicContainer> theTestsInsideEveryExample() throws IOException {
        return ExamplesIT.examples().stream().map(name -> {
            List<DynamicTest> tests = ImageTests.of(build(name), EXAMPLE_BUDGET).toList();
            assertFalse(tests.isEmpty(), name + " has no tests");
            return dynamicContainer(name, tests);
        });
    }

    @Test
    void eachTestsSourceIsTheQjLineWhereItsCodeStarts() throws IOException {
        Path counter = QjProcess.example("counter");
        List<DynamicTest> tests = ImageTests.of(build("counter")).toList();
        int firstTestBlock = Files.readAllLines(counter).stream().map(String::strip).toList()
                .indexOf("test \"counters start at their start parameter\" {") + 1;
        assertEquals(Optional.of(URI.create(counter.toUri() + "?line=" + (firstTestBlock + 1))),
                tests.get(0).getTestSourceUri());
    }

    @Test
    void echoWritesBackATypedLine() {
        try (GuestSession echo = GuestSession.boot(build("echo"))) {
            echo.type("quaject kernel\n");
            assertEquals("quaject kernel\n", echo.waitFor("\n"));
            // LineEcho keeps the last line in its field.
            assertEquals("quaject kernel\n", echo.readString("echo$line"));
            echo.type("\u0004");
            GuestEnd end = echo.runToEnd();
            assertTrue(end.halted(), end::toString);
            assertEquals(OptionalInt.of(0), end.exitStatus());
        }
    }

    @Test
    void aCounterFieldWrittenBySymbolChangesWhatTheTestsSee() {
        try (GuestSession counter = GuestSession.builder(build("counter")).testMode(true).boot()) {
            assertEquals(0, counter.readLong("a$count"));
            assertEquals(100, counter.readLong("b$count"));
            // A parameter's symbol holds its value.
            assertEquals(5, counter.address("b$step"));

            counter.writeLong("a$count", 7);
            GuestEnd end = counter.runToEnd();

            assertEquals(OptionalInt.of(1), end.exitStatus(), counter::output);
            assertTrue(counter.output().contains(
                    "not ok 1 - counters start at their start parameter # a does not start at 0\n"), counter::output);
            // From 7: one step in test 2, ten in test 3; b was reset to its start in test 4.
            assertEquals(18, counter.readLong("a$count"));
            assertEquals(100, counter.readLong("b$count"));
        }
    }

    private Path build(String example) {
        QjProcess.Result result = QjProcess.run("build", QjProcess.example(example), "-o", out.resolve(example));
        assertEquals(0, result.exitStatus(), result::toString);
        return out.resolve(example + ".elf");
    }
}
