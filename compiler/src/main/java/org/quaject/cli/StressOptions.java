package org.quaject.cli;

import java.util.Optional;
import org.quaject.runner.Preemption;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The runner's stress modes for lock-free code, as {@code run} and {@code test} take them (docs/runner.md). */
final class StressOptions {

    @Option(names = "--preempt", paramLabel = "SEED",
            description = "Stress mode (runner engine only): every RTC alarm the image arms fires after a "
                    + "pseudo-random number of instructions from 1 to the gap, drawn from SEED, instead of at its "
                    + "time. The same image and SEED give the same run.")
    Long seed;

    @Option(names = "--preempt-gap", paramLabel = "N",
            description = "With --preempt: the most instructions between arming an alarm and its interrupt "
                    + "(default: " + Preemption.DEFAULT_GAP + ").")
    Integer gap;

    @Option(names = "--contend",
            description = "With --preempt: also fire an armed RTC alarm just before a CAS or CAS2 (never before "
                    + "two in a row), so that compare-and-swap loops retry; prints the counts on standard error.")
    boolean contend;

    /**
     * The stress mode asked for, if any.
     *
     * @param runner whether the image boots on the runner engine, the only one with stress modes
     * @throws CommandLine.ParameterException for options that make no sense together
     */
    Optional<Preemption> preemption(CommandSpec spec, boolean runner) {
        if (seed == null) {
            if (contend || gap != null) {
                throw usage(spec, (contend ? "--contend" : "--preempt-gap") + " needs --preempt SEED");
            }
            return Optional.empty();
        }
        if (!runner) {
            throw usage(spec, "--preempt" + (contend ? " and --contend need" : " needs")
                    + " --engine runner: QEMU has no stress modes");
        }
        int instructions = gap == null ? Preemption.DEFAULT_GAP : gap;
        if (instructions < 1) {
            throw usage(spec, "--preempt-gap must be at least 1 instruction, not " + instructions);
        }
        return Optional.of(new Preemption(seed, instructions, contend));
    }

    private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
