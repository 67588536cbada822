package org.quaject.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.quaject.runner.RunProgress;

/**
 * The progress line {@code qj test} prints on standard error while a run is
 * going, so that a long run shows it is moving:
 * {@code qj test: 3 passed, 0 failed, 1,234,567,890 instructions, 160.2 ms of guest time}.
 * The passed and failed counts come from the TAP lines the image has printed;
 * the instructions and guest time from the runner, which counts them exactly.
 * QEMU counts nothing the command can read while it runs, so a run there says
 * what the command itself knows: the tests done and the wall time so far.
 * Standard output (the TAP) is never touched.
 */
final class ProgressReport implements RunProgress, AutoCloseable {

    private final PrintWriter err;
    private final LongSupplier wallNanos;
    private final long start;
    private ScheduledExecutorService ticker;

    private volatile long passed;
    private volatile long failed;
    /** -1 until the engine tells an instruction count. */
    private volatile long instructions = -1;
    private volatile long guestNanos;

    ProgressReport(PrintWriter err, LongSupplier wallNanos) {
        this.err = err;
        this.wallNanos = wallNanos;
        this.start = wallNanos.getAsLong();
    }

    /** A report that prints its line every {@code intervalNanos} of wall time until closed. */
    static ProgressReport every(long intervalNanos, PrintWriter err) {
        ProgressReport report = new ProgressReport(err, System::nanoTime);
        report.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "qj-test-progress");
            thread.setDaemon(true);
            return thread;
        });
        report.ticker.scheduleAtFixedRate(report::print, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        return report;
    }

    /** Counts a line of the run's TAP, as printed. */
    void tapLine(String line) {
        if (line.startsWith("ok ")) {
            passed++;
        } else if (line.startsWith("not ok ")) {
            failed++;
        }
    }

    @Override
    public void ranSoFar(long instructions, long guestNanos) {
        this.guestNanos = guestNanos;
        this.instructions = instructions;
    }

    /** Prints the line now. */
    void print() {
        err.println(line());
        err.flush();
    }

    /** The line as it stands. */
    String line() {
        long counted = instructions;
        String where = counted < 0
                ? seconds(wallNanos.getAsLong() - start) + " of wall time"
                : String.format(Locale.ROOT, "%,d instructions, %s of guest time", counted, guestTime(guestNanos));
        return "qj test: " + passed + " passed, " + failed + " failed, " + where;
    }

    /** Stops the line, waiting for one being printed, so that none follows the run's summary. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String guestTime(long nanos) {
        return nanos < 1_000_000_000L ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6) : seconds(nanos);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
