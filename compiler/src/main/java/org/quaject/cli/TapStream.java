package org.quaject.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.quaject.runner.report.GuestReport;

/**
 * The console of a test run as TAP, line by line as the guest writes it, so
 * that each test's result shows the moment it ends: plan, result and comment
 * lines as they are, any other line as a comment, and after the first line
 * of each crash report where in the image it points.
 */
final class TapStream extends OutputStream {
    private static final Pattern TAP_LINE = Pattern.compile("(ok \\d|not ok \\d|1\\.\\.\\d|#)");
    /** The first line of a crash report, not the {@code not ok} line that repeats its headline. */
    private static final Pattern REPORT_HEADLINE = Pattern.compile("(# )?\\*\\*\\* ");

    private final PrintWriter out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private EngineOptions.CrashLocator locator = report -> Optional.empty();
    private Consumer<String> printed = line -> { };
    /** Bytes of the console that came through so far. */
    private long received;

    TapStream(PrintWriter out) {
        this.out = out;
    }

    /** This stream, locating the crash reports of the run with {@code crashLocator}. */
    synchronized TapStream locatingWith(EngineOptions.CrashLocator crashLocator) {
        locator = crashLocator;
        return this;
    }

    /** This stream, also telling {@code listener} each line it prints. */
    synchronized TapStream tellingLinesTo(Consumer<String> listener) {
        printed = listener;
        return this;
    }

    @Override
    public synchronized void write(int b) {
        received++;
        if (b == '\n') {
            printLine();
        } else {
            line.write(b);
        }
    }

    /**
     * Ends the run's console: prints what the whole transcript holds beyond
     * what came through (the status line, which the console protocol holds
     * back from the stream), and a last line without its newline.
     */
    synchronized void finish(byte[] transcript) {
        for (long i = received; i < transcript.length; i++) {
            write(transcript[(int) i]);
        }
        printLine();
    }

    private void printLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isEmpty()) {
            String tap = TAP_LINE.matcher(text).lookingAt() ? text : "# " + text;
            out.println(tap);
            printed.accept(tap);
        }
        if (REPORT_HEADLINE.matcher(text).lookingAt()) {
            GuestReport.find(text).flatMap(locator::locate)
                    .ifPresent(where -> where.forEach(line -> out.println("# " + line)));
        }
        out.flush();
    }
}
