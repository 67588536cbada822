package org.quaject.runner.junit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.quaject.runner.TapReport;
import org.quaject.runner.TestResult;

/**
 * The {@code test} blocks inside an image as JUnit dynamic tests, one per
 * test, named after it, with the {@code .qj} line it was written at as its
 * source ({@link TestBlockSources}):
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> counter() {
 *     return ImageTests.of(Path.of("build/counter.elf"));
 * }
 * }</pre>
 *
 * <p>The image is booted once, in test mode, with the console input its tests
 * declare, and run to its end when the stream is made; the dynamic tests then
 * report what it said in TAP. A test that failed fails with its reason and the
 * diagnostic lines that followed it (for a crash, the register report). When
 * the run ends early (a panic, a crash, a budget) the tests that never
 * reported fail saying how it ended; the first of them, the one that was
 * running, also shows the console output. Whatever is wrong with the run as a
 * whole (no TAP plan, a plan the results do not keep, no halt after the last
 * test, a failing exit status with every test passed) fails one more test,
 * named after the image.
 */
public final class ImageTests {

    private ImageTests() {
    }

    /** The image's tests, run within the default {@link Budget}. */
    public static Stream<DynamicTest> of(Path image) {
        return of(image, Budget.DEFAULT);
    }

    /** The image's tests, run within {@code budget}. */
    public static Stream<DynamicTest> of(Path image, Budget budget) {
        try (GuestSession guest = GuestSession.builder(image).testMode(true).budget(budget).boot()) {
            guest.type(guest.testInput());
            GuestEnd end = guest.runToEnd();
            return tests(image.getFileName().toString(), TestBlockSources.of(image), guest, end).stream();
        }
    }

    private static List<DynamicTest> tests(String imageName, TestBlockSources sources, GuestSession guest,
                                           GuestEnd end) {
        String output = guest.output();
        TapReport reported = TapReport.parse(output);
        TapReport report = reported.complete("did not report: " + end);
        Set<Integer> reportedNumbers = reported.results().stream().map(TestResult::number).collect(Collectors.toSet());
        List<DynamicTest> tests = new ArrayList<>();
        boolean firstUnreported = true;
        for (TestResult result : report.results()) {
            if (reportedNumbers.contains(result.number())) {
                String name = name(result.name(), result.number());
                tests.add(dynamicTest(name, sources.test(guest, result.number()),
                        () -> check(result, who(name, result.number(), imageName))));
            } else {
                String name = unreportedName(guest, result.number());
                // The test that was running when the run ended is the first one
                // missing; the output shows what it was doing.
                String why = who(name, result.number(), imageName) + " " + result.reason()
                        + (firstUnreported ? "\n" + ConsoleExcerpt.of(output) : "");
                tests.add(dynamicTest(name, sources.test(guest, result.number()), () -> Assertions.fail(why)));
                firstUnreported = false;
            }
        }
        List<String> problems = problems(imageName, reported, report, end);
        if (!problems.isEmpty()) {
            String why = String.join("\n", problems) + "\n" + ConsoleExcerpt.of(output);
            tests.add(dynamicTest(imageName, sources.image(), () -> Assertions.fail(why)));
        }
        return tests;
    }

    private static void check(TestResult result, String who) {
        if (result.passed()) {
            return;
        }
        StringBuilder message = new StringBuilder(who).append(" failed: ")
                .append(result.reason().isEmpty() ? "(no reason given)" : result.reason());
        result.diagnostics().forEach(line -> message.append('\n').append(line));
        Assertions.fail(message.toString());
    }

    /** What is wrong with the run as a whole rather than with one test. */
    private static List<String> problems(String imageName, TapReport reported, TapReport completed, GuestEnd end) {
        List<String> problems = new ArrayList<>();
        if (reported.plannedCount().isEmpty()) {
            problems.add(imageName + " printed no TAP plan (a line 1..N) in test mode, so which tests it has is"
                    + " unknown; " + end);
            return problems;
        }
        int planned = reported.plannedCount().getAsInt();
        if (completed.results().size() != planned) {
            problems.add(imageName + " announced " + planned + " tests (1.." + planned + ") but reported "
                    + reported.results().size() + " results");
        }
        boolean allReported = completed.results().size() == reported.results().size();
        if (!end.halted() && allReported) {
            problems.add(imageName + " did not halt after its tests: " + end);
        }
        boolean allPassed = completed.results().stream().allMatch(TestResult::passed);
        if (end.halted() && allPassed && end.exitStatus().orElse(0) != 0) {
            problems.add("every test passed, but " + imageName + " exited with status " + end.exitStatus().getAsInt());
        }
        return problems;
    }

    /** The test in a message, which a report may show apart from the test's name. */
    private static String who(String name, int number, String imageName) {
        return "'" + name + "' (test " + number + " of " + imageName + ")";
    }

    private static String name(String name, int number) {
        return name.isEmpty() ? "test " + number : name;
    }

    /** A compiled image names its tests in strings at {@code qj_test_N_name} (docs/language.md, section 11). */
    private static String unreportedName(GuestSession guest, int number) {
        String symbol = "qj_test_" + number + "_name";
        return name(guest.hasSymbol(symbol) ? guest.readString(symbol) : "", number);
    }
}
