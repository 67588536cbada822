package org.quaject.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.cli.bench.HostConditions;
import org.quaject.cli.bench.BufferFigures;
import org.quaject.cli.bench.BufferMeasurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qj bench buffers}: the instructions of a put into a Synthesis buffer and into a conventional one. */
@Command(name = "buffers",
        mixinStandardHelpOptions = true,
        header = "Count the instructions of a put into a Synthesis buffer and into a conventional one.",
        description = {
            "Build the bench kernel bench/buffers.qj that ships with qj and run it on the in-process runner, "
                    + "which counts every instruction. It puts bytes into the two buffers of "
                    + "bench/buffers-classes.qj: SynthBuffer, whose put is made for each buffer when it is created, "
                    + "and the conventional buffer, one put routine for every buffer. Then print one table:",
            "  put              a put that leaves room in the buffer, from jsr to rts",
            "  flush            what filling the buffer adds to a put, flush target included",
            "  a flush every C  a put with its share of the flushes",
            "next to the cycles Massalin gives for the two puts (Synthesis dissertation, Table 3.1). "
                    + "The counts are exact: the same on every host and every run."})
final class BenchBuffersCommand implements Callable<Integer> {

    /** The bench kernel, among the bundled bench sources. */
    static final String SOURCE = "buffers.qj";

    /** Far beyond the kernel's run, a few thousandths of a second of guest time. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return BenchSources.runOnRunner(SOURCE, Optional.empty(), RUN_TIMEOUT, "", spec.commandLine().getErr(),
                run -> print(out, BufferFigures.of(BufferMeasurement.parse(run))));
    }

    private static void print(PrintWriter out, BufferFigures figures) {
        out.println("qj bench buffers: a put into a conventional buffer and into a Synthesis buffer");
        out.println(HostConditions.runnerCore());
        out.println();
        out.print(figures.table());
        out.println();
        out.println("instructions: counted by the runner's machine, so exact; the loop around the puts taken out");
        out.println("put: from the caller's jsr to the put's rts, when the put leaves room in the buffer");
        out.println("flush: what filling the buffer adds to a put, the flush target's instructions included");
        out.println("  (bench/buffers.qj's Tally, the same for both buffers)");
        out.println("Massalin: MC68030 cycles with a warm cache (Synthesis dissertation, Table 3.1), against a");
        out.println("  hand-written conventional put; the other rows count the instructions of"
                + " bench/buffers-classes.qj");
        out.flush();
    }
}
