package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of {@code qj test}, on a wall clock the test sets. */
class ProgressReportTest {

    private final AtomicLong wall = new AtomicLong(1_000_000_000L);
    private final StringWriter err = new StringWriter();
    private final ProgressReport report = new ProgressReport(new PrintWriter(err), wall::get);

    @Test
    void onTheRunnerTheLineGivesTheInstructionsAndGuestTime() {
        report.tapLine("1..3");
        report.tapLine("ok 1 - a");
        report.tapLine("not ok 2 - b # broken");
        report.tapLine("# ok 3 is not a result");
        report.ranSoFar(1_234_567_890L, 160_240_000L);
        assertEquals("qj test: 1 passed, 1 failed, 1,234,567,890 instructions, 160.2 ms of guest time",
                report.line());
    }

    @Test
    void guestTimeFromASecondUpIsInSeconds() {
        report.ranSoFar(600_000_000L, 76_800_000_000L);
        assertEquals("qj test: 0 passed, 0 failed, 600,000,000 instructions, 76.8 s of guest time", report.line());
    }

    /** QEMU counts nothing the command can read: the line gives the wall time since the report started. */
    @Test
    void withoutAnInstructionCountTheLineGivesTheWallTime() {
        report.tapLine("ok 1 - a");
        wall.addAndGet(12_340_000_000L);
        assertEquals("qj test: 1 passed, 0 failed, 12.3 s of wall time", report.line());
    }

    @Test
    void printWritesOneLineOnTheStreamItWasGiven() {
        report.ranSoFar(5, 640);
        report.print();
        assertEquals("qj test: 0 passed, 0 failed, 5 instructions, 0.0 ms of guest time" + System.lineSeparator(),
                err.toString());
    }
}
