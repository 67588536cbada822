package org.quaject.runner;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a run ended and what the image wrote.
 *
 * @param outcome    HALT, PANIC or TIMEOUT
 * @param exitStatus the value of the status line, if the output ended with one
 * @param transcript everything the image wrote to the console, status line included
 * @param detail     a human-readable account of the ending: a first line that sums it up,
 *                   then for a crash or a run stopped from outside, lines on where the CPU was
 * @param contention what the contention stress mode did, for a run in that mode
 */
public record RunResult(Outcome outcome, OptionalInt exitStatus, byte[] transcript, String detail,
                        Optional<Contention> contention) {

    /** Exit code of {@code qj run} when the image panicked or timed out without a status line. */
    public static final int FAILURE_EXIT_CODE = 3;

    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(contention, "contention");
        transcript = transcript.clone();
    }

    /** The result of a run in no contention mode. */
    public RunResult(Outcome outcome, OptionalInt exitStatus, byte[] transcript, String detail) {
        this(outcome, exitStatus, transcript, detail, Optional.empty());
    }

    @Override
    public byte[] transcript() {
        return transcript.clone();
    }

    /** The first line of the detail. */
    public String summary() {
        return detail.lines().findFirst().orElse("");
    }

    /**
     * The exit code for the process that ran the image ({@code qj run}): the
     * image's own exit status if it wrote a status line, else 0 after a HALT
     * and {@link #FAILURE_EXIT_CODE} after a PANIC or TIMEOUT.
     */
    public int processExitCode() {
        if (exitStatus.isPresent()) {
            return exitStatus.getAsInt();
        }
        return outcome == Outcome.HALT ? 0 : FAILURE_EXIT_CODE;
    }
}
