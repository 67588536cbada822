package org.quaject.runner.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Hand-written images that report TAP as the compiler's harness does, turned into dynamic tests and run. */
class ImageTestsTest {

    @TempDir
    Path dir;

    @Test
    void everyTestBecomesOneNamedAfterIt() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("""
                1..3
                ok 1 - adds
                not ok 2 - subtracts # expected 3
                # got 4
                # in d0
                ok 3 - shifts
                # qj-exit: 1
                """, Guests.Ending.HALT), Budget.DEFAULT);
        assertEquals(List.of("adds", "subtracts", "shifts"), names(tests));
        assertEquals(Optional.empty(), failure(tests.get(0)));
        assertEquals(Optional.of("'subtracts' (test 2 of guest.elf) failed: expected 3\ngot 4\nin d0"), failure(tests.get(1)));
        assertEquals(Optional.empty(), failure(tests.get(2)));
    }

    @Test
    void aFailureWithoutReasonSaysSo() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("1..1\nnot ok 1\n# qj-exit: 1\n", Guests.Ending.HALT),
                Budget.DEFAULT);
        assertEquals(List.of("test 1"), names(tests));
        assertEquals(Optional.of("'test 1' (test 1 of guest.elf) failed: (no reason given)"), failure(tests.get(0)));
    }

    @Test
    void testsLeftWhenTheImagePanicsFailSayingSo() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("1..3\nok 1 - first\nstarting the second\n",
                Guests.Ending.PANIC, "first", "second", "third"), Budget.DEFAULT);
        assertEquals(List.of("first", "second", "third"), names(tests));
        assertEquals(Optional.empty(), failure(tests.get(0)));
        String second = failure(tests.get(1)).orElseThrow();
        assertTrue(second.startsWith("'second' (test 2 of guest.elf) did not report: the guest panicked at PC 0x"), second);
        assertTrue(second.contains("--- console output ---\n1..3\nok 1 - first\nstarting the second\n"), second);
        String third = failure(tests.get(2)).orElseThrow();
        assertTrue(third.startsWith("'third' (test 3 of guest.elf) did not report: the guest panicked at PC 0x"), third);
        assertFalse(third.contains("console output"), third);
    }

    @Test
    void aBudgetEndsTheRunAndTheTestsLeftFail() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("1..2\nok 1 - quick\n", Guests.Ending.SPIN),
                Budget.ofInstructions(100_000));
        assertEquals(List.of("quick", "test 2"), names(tests));
        assertEquals(Optional.empty(), failure(tests.get(0)));
        String slow = failure(tests.get(1)).orElseThrow();
        assertTrue(slow.startsWith("'test 2' (test 2 of guest.elf) did not report: the instruction budget ran out at PC 0x"), slow);
    }

    @Test
    void anImageWithoutAPlanFailsClearly() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("hello\n# qj-exit: 0\n", Guests.Ending.HALT),
                Budget.DEFAULT);
        assertEquals(List.of("guest.elf"), names(tests));
        String message = failure(tests.get(0)).orElseThrow();
        assertTrue(message.startsWith("guest.elf printed no TAP plan (a line 1..N) in test mode, so which tests it has"
                + " is unknown; the guest halted with exit status 0 ("), message);
        assertTrue(message.endsWith("--- console output ---\nhello\n# qj-exit: 0\n--- end of console output ---"),
                message);
    }

    @Test
    void anImageThatDoesNotHaltAfterItsTestsFailsOneMore() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("1..1\nok 1 - only\n", Guests.Ending.PANIC), Budget.DEFAULT);
        assertEquals(List.of("only", "guest.elf"), names(tests));
        assertEquals(Optional.empty(), failure(tests.get(0)));
        String message = failure(tests.get(1)).orElseThrow();
        assertTrue(message.startsWith("guest.elf did not halt after its tests: the guest panicked at PC 0x"), message);
    }

    @Test
    void aFailingExitStatusAfterPassingTestsFailsOneMore() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("1..1\nok 1 - only\n# qj-exit: 3\n", Guests.Ending.HALT),
                Budget.DEFAULT);
        assertEquals(List.of("only", "guest.elf"), names(tests));
        assertTrue(failure(tests.get(1)).orElseThrow().startsWith("every test passed, but guest.elf exited with status 3"));
    }

    @Test
    void moreResultsThanPlannedFailOneMore() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("1..1\nok 1 - one\nok 2 - two\n# qj-exit: 0\n",
                Guests.Ending.HALT), Budget.DEFAULT);
        assertEquals(List.of("one", "two", "guest.elf"), names(tests));
        assertTrue(failure(tests.get(2)).orElseThrow().startsWith("guest.elf announced 1 tests (1..1) but reported 2"));
    }

    @Test
    void theInputTheTestsDeclareIsTyped() throws Throwable {
        List<DynamicTest> tests = tests(Guests.READS_DECLARED_INPUT, Budget.ofInstructions(1_000_000));
        assertEquals(List.of("reads its input"), names(tests));
        assertEquals(Optional.empty(), failure(tests.get(0)));
    }

    @Test
    void eachTestsSourceIsTheLineWhereItsCodeStarts() throws Throwable {
        String source = Guests.printing("1..2\nok 1 - first\nok 2 - second\n# qj-exit: 0\n", Guests.Ending.HALT,
                "first", "second").replace("main:\n", "main:\nqj_test_1:\n");
        List<DynamicTest> tests = tests(source, Budget.DEFAULT);
        int firstInstruction = source.lines().toList().indexOf("qj_test_1:") + 2;
        assertEquals(Optional.of(URI.create(dir.resolve("guest.s").toUri() + "?line=" + firstInstruction)),
                tests.get(0).getTestSourceUri());
        // Test 2 has no entry symbol to look up: its source is the image.
        assertEquals(Optional.of(dir.resolve("guest.elf").toUri()), tests.get(1).getTestSourceUri());
    }

    @Test
    void aProblemWithTheRunHasTheImageAsItsSource() throws Throwable {
        List<DynamicTest> tests = tests(Guests.printing("hello\n# qj-exit: 0\n", Guests.Ending.HALT), Budget.DEFAULT);
        assertEquals(Optional.of(dir.resolve("guest.elf").toUri()), tests.get(0).getTestSourceUri());
    }

    private List<DynamicTest> tests(String source, Budget budget) throws Exception {
        return ImageTests.of(Guests.link(dir, source), budget).toList();
    }

    private static List<String> names(List<DynamicTest> tests) {
        return tests.stream().map(DynamicTest::getDisplayName).toList();
    }

    /** Runs a dynamic test as JUnit would: its failure message, or empty if it passed. */
    private static Optional<String> failure(DynamicTest test) throws Throwable {
        try {
            test.getExecutable().execute();
            return Optional.empty();
        } catch (AssertionFailedError e) {
            return Optional.of(e.getMessage());
        }
    }
}
