package org.quaject.compiler.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.quaject.cli.Qj;

/** Runs the {@code qj} command in-process and captures what it prints. */
public final class QjCommandLine {

    /** What one run of {@code qj} did. */
    public record Result(int status, String out, String err) {

        /** Whether anything on standard error looks like a Java stack trace or an internal error. */
        public boolean showsAStackTrace() {
            return err.contains("\tat ") || err.contains("Exception") || err.contains("internal error");
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private QjCommandLine() {
    }

    /** Runs {@code qj ARGS}; arguments are passed as their {@code toString()}, so paths can be given as such. */
    public static Result run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] arguments = Arrays.stream(args).map(Object::toString).toArray(String[]::new);
        int status = Qj.execute(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
