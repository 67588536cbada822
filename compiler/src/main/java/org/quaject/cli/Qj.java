package org.quaject.cli;

import java.io.PrintWriter;
import org.quaject.runner.cpu.CpuCore;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code qj} command: build kernel images from .qj sources, run them, run
 * the tests inside them, and measure the engines that run them.
 *
 * <p>Exit status: 0 success, 1 compile, test or bench failure (or the image's
 * own exit status for {@code run}), 2 usage error.
 */
@Command(name = "qj",
        mixinStandardHelpOptions = true,
        versionProvider = Qj.Version.class,
        description = "Quaject toolchain: compiles kernels described in quajects to MC68030 images, "
                + "boots them, runs their tests, and measures the engines that boot them.",
        subcommands = {BuildCommand.class, RunCommand.class, TestCommand.class, DebugCommand.class, BenchCommand.class,
            NewCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            " 0:success",
            " 1:compile error, failed test, failed bench run, or the image's own non-zero exit status (run, debug)",
            " 2:usage error",
            " 3:(run, debug) the image panicked or ran out of time without reporting a status"})
public final class Qj implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /**
     * Runs the command line as {@link #execute} does, for a program that runs
     * qj inside its own (the Maven plugin): a usage error prints its message
     * alone, without the usage help, whose option names are not how that
     * program's users spell them.
     */
    public static int executeEmbedded(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(out, err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println("qj: " + e.getMessage());
            return ExitStatus.USAGE;
        });
        return commandLine.execute(args);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Qj());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println("qj: internal error: " + e);
            e.printStackTrace(cl.getErr());
            return ExitStatus.FAILURE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: build, run, test, debug, bench or new");
    }

    /**
     * Reports the version from the jar's manifest, or "development" when run
     * from classes, and the CPU core the runner engine would use and the
     * guard it calls the core through.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Qj.class.getPackage().getImplementationVersion();
            return new String[] {"qj " + (version == null ? "(development build)" : version),
                "runner CPU core: " + CpuCore.loaded().describe(),
                "runner core guard: " + CpuCore.loaded().guard()};
        }
    }
}
