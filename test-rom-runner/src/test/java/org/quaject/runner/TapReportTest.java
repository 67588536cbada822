package org.quaject.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TapReportTest {
    private static final String TRANSCRIPT = """
            quaject kernel 0.1
            1..4
            ok 1 - queue put
            not ok 2 - queue get # expected 3, got 4
            ok 3 - context switch # SKIP no timer
            not ok 4 - crash # bus error
            # PC=00001234 SR=2700
            # D0=00000000 D1=00000001
            bye
            # a comment nobody owns
            # qj-exit: 1
            """;

    @Test
    void parsesPlanResultsDiagnosticsAndOtherLines() {
        TapReport report = TapReport.parse(TRANSCRIPT);
        assertEquals(OptionalInt.of(4), report.plannedCount());
        assertEquals(List.of(
                new TestResult(1, "queue put", true, "", List.of()),
                new TestResult(2, "queue get", false, "expected 3, got 4", List.of()),
                new TestResult(3, "context switch", true, "SKIP no timer", List.of()),
                new TestResult(4, "crash", false, "bus error", List.of("PC=00001234 SR=2700", "D0=00000000 D1=00000001"))),
                report.results());
        assertEquals(List.of("quaject kernel 0.1", "bye", "# a comment nobody owns"), report.otherLines());
    }

    @Test
    void parsesTranscriptBytesAsUtf8() {
        TapReport report = TapReport.parse("1..1\r\nok 1 - grüße\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("grüße", report.results().get(0).name());
    }

    @Test
    void resultsWithoutNumbersOrNamesFollowTap() {
        TapReport report = TapReport.parse("ok\nok - second\nnot ok\nok 7 hash#inside\n");
        assertEquals(List.of(
                new TestResult(1, "", true, "", List.of()),
                new TestResult(2, "second", true, "", List.of()),
                new TestResult(3, "", false, "", List.of()),
                new TestResult(7, "hash#inside", true, "", List.of())),
                report.results());
        assertEquals(OptionalInt.empty(), report.plannedCount());
    }

    @Test
    void linesThatOnlyLookLikeResultsAreOtherLines() {
        TapReport report = TapReport.parse("okay then\nnot okay\n1..x\n");
        assertEquals(List.of(), report.results());
        assertEquals(List.of("okay then", "not okay", "1..x"), report.otherLines());
    }

    @Test
    void completeReportsPlannedTestsThatNeverReported() {
        TapReport report = TapReport.parse("1..4\nok 3 - c\nok 1 - a\n").complete("the image panicked");
        assertEquals(List.of(
                        "ok 1 - a",
                        "not ok 2 - (not reported) # the image panicked",
                        "ok 3 - c",
                        "not ok 4 - (not reported) # the image panicked"),
                report.results().stream().map(TestResult::toTapLine).toList());
    }

    @Test
    void completeWithoutPlanChangesNothing() {
        TapReport report = TapReport.parse("ok 1 - a\n");
        assertSame(report, report.complete("timed out"));
    }

    @Test
    void toTapLineWritesResultsBack() {
        for (String line : List.of("ok 1 - a", "not ok 2 - b # why", "ok 3", "not ok 4 # SKIP x")) {
            assertEquals(line, TapReport.parse(line).results().get(0).toTapLine());
        }
    }
}
