package org.quaject.maven;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.quaject.cli.Qj;

/**
 * Runs a qj command in Maven's JVM, as {@code bin/qj} would run it: the
 * goals are qj build and qj test, with the plugin's parameters as their
 * options, so that both behave and check their options alike.
 */
final class QjCommand {

    /** qj's exit status for a usage error: a parameter the command does not accept. */
    static final int USAGE = 2;

    /** How a command ended, and what it wrote on standard error. */
    record Result(int exitStatus, String errors) {
        boolean succeeded() {
            return exitStatus == 0;
        }
    }

    private QjCommand() {
    }

    /**
     * @param output receives each line of standard output as it is written
     * @param errors receives each line of standard error as it is written
     */
    static Result run(List<String> arguments, Consumer<CharSequence> output, Consumer<CharSequence> errors) {
        StringWriter errorText = new StringWriter();
        Consumer<CharSequence> recordedErrors = line -> {
            errorText.append(line).append('\n');
            errors.accept(line);
        };
        int status;
        // Closed before the errors are read: closing logs an unfinished last line.
        try (PrintWriter out = new PrintWriter(new LogWriter(output), true);
             PrintWriter err = new PrintWriter(new LogWriter(recordedErrors), true)) {
            status = Qj.executeEmbedded(arguments.toArray(String[]::new), out, err);
        }
        return new Result(status, errorText.toString().strip());
    }
}
