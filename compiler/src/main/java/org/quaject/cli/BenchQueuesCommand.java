package org.quaject.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.cli.bench.HostConditions;
import org.quaject.cli.bench.QueueFigures;
import org.quaject.cli.bench.QueueMeasurement;
import org.quaject.runner.Preemption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qj bench queues}: the instructions of the lock-free operations, alone and with one retry. */
@Command(name = "queues",
        mixinStandardHelpOptions = true,
        header = "Count the instructions of the lock-free operations, alone and with one retry.",
        description = {
            "Build the bench kernel bench/queues.qj that ships with qj and run it on the in-process runner, "
                    + "which counts every instruction, in its contention mode. It times put and get of a queue of "
                    + "each sharing (spsc, mpsc, spmc, mpmc), push and pop of a stack, insert and delete of "
                    + "a LockFreeList and the increment of a CasCounter, and prints for each:",
            "  instructions    from the caller's jsr to the operation's rts, uncontended",
            "  with one retry  the same when its CAS or CAS2 fails once: the runner interrupts it and",
            "                  the contender changes the word it compares",
            "next to Massalin's figures (Synthesis dissertation, Table 5.1). "
                    + "The counts are exact: the same on every host and every run."})
final class BenchQueuesCommand implements Callable<Integer> {

    /** The bench kernel, among the bundled bench sources. */
    static final String SOURCE = "queues.qj";

    /**
     * The contention mode, with the alarms' drawn delays up to 2^31 instructions:
     * far beyond the kernel's run, so that the contender's alarm fires only where
     * the mode fires it, just before a CAS. The seed is fixed, so every run is the same.
     */
    static final Preemption CONTENTION = Preemption.seeded(1).withGap(Integer.MAX_VALUE).contending();

    /**
     * Far beyond the kernel's run: a few million instructions, but the contention
     * mode stops the core before every CAS, tens of microseconds each.
     */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return BenchSources.runOnRunner(SOURCE, Optional.of(CONTENTION), RUN_TIMEOUT, ", in its contention mode",
                spec.commandLine().getErr(), run -> print(out, QueueFigures.of(QueueMeasurement.parse(run))));
    }

    private static void print(PrintWriter out, QueueFigures figures) {
        out.println("qj bench queues: the lock-free operations of queues, stacks, lists and counters");
        out.println(HostConditions.runnerCore());
        out.println();
        out.print(figures.table());
        out.println();
        out.println("instructions: counted by the runner's machine, so exact; from the caller's jsr to the rts,");
        out.println("  the loop around the calls taken out; long elements");
        out.println("with one retry: the CAS or CAS2 fails once and the operation goes round its loop again");
        out.println("  (spsc, and the single side of mpsc and spmc, use no atomic instruction: -)");
        out.println("Massalin: a 25 MHz MC68030 (1 us = 25 cycles), Synthesis dissertation, Table 5.1;");
        out.println("  its queue figures are of a queue whose operations use CAS2");
        out.flush();
    }
}
