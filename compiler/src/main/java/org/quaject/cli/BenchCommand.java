package org.quaject.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qj bench}: the benchmarks, one subcommand each. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        header = "Measure the engines, the code they run, and the compiler.",
        description = "Benchmarks, one command each: runner times the engines, buffers and queues count the "
                + "instructions of synthesized code against conventional code, threads counts the thread operations "
                + "next to Synthesis' times, compiler times qj build as kernels "
                + "grow, disk counts the virtio-blk driver's instructions and times its throughput on both engines. They print their figures as a table on standard output and their progress on standard "
                + "error.",
        subcommands = {BenchRunnerCommand.class, BenchBuffersCommand.class, BenchQueuesCommand.class,
            BenchThreadsCommand.class, BenchCompilerCommand.class, BenchDiskCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: runner, buffers, queues, threads, compiler or disk");
    }
}
