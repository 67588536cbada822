package org.quaject.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.EngineException;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.cpu.CpuException;
import org.quaject.runner.debug.GdbServer;
import org.quaject.runner.debug.MachineDebugTarget;
import org.quaject.runner.debug.TargetStop;
import org.quaject.runner.machine.Machine;
import org.quaject.runner.report.CodeLocator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qj debug}: boot an image stopped at its first instruction, for gdb. */
@Command(name = "debug",
        mixinStandardHelpOptions = true,
        header = "Boot an image stopped at its first instruction and wait for gdb.",
        description = {
            "Boot an image (or a .qj file, compiled first) stopped before its first instruction and wait for "
                    + "gdb-multiarch on a TCP port of this machine's loopback interface; the exact gdb command is "
                    + "printed on standard error. The console is on standard input and output, as for run.",
            "On the runner, breakpoints and single steps are exact and execution can be reversed "
                    + "(reverse-stepi, reverse-step, reverse-continue): the runner is deterministic and replays "
                    + "the past. On QEMU, QEMU's own gdbstub serves gdb; it cannot run backwards. "
                    + "See docs/debugging.md.",
            "The exit status is the image's when it ends while gdb is connected (as for run), else 0."})
final class DebugCommand implements Callable<Integer> {

    /** gdb's customary port for remote targets, used by its documentation's examples. */
    static final int DEFAULT_PORT = 1234;
    private static final int MAX_PORT = 65535;
    /** What a shell word may hold without quotes. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./+:=@%-]+");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE.elf|FILE.qj", description = "The image to debug, or a kernel to compile and debug.")
    Path image;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "runner",
            description = "What runs the image: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
                    + "qemu is QEMU's virt board with its own gdbstub).")
    EngineOptions.EngineName engine;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "The TCP port gdb connects to (default: ${DEFAULT-VALUE}); 0 takes a free one.")
    int port;

    @Option(names = "--test",
            description = "Boot the image's tests (kernel command line qj.test), as qj test does, instead of its "
                    + "main, with the tests' declared console input typed at boot.")
    boolean test;

    @Option(names = {"-v", "--verbose"}, description = "Print compiler phases when given a .qj file.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > MAX_PORT) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port must be a TCP port, 0 to " + MAX_PORT + " (0: a free one), not " + port);
        }
        if (image.getFileName().toString().endsWith(".img")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "qj debug takes an ELF image or a .qj "
                    + "file, not a disk image: a disk image boots through the boot loader, whose code gdb has no "
                    + "symbols for; debug the kernel's .qj file or its ELF image");
        }
        try (Workspace workspace = Workspace.open(null)) {
            if (engine == EngineOptions.EngineName.qemu) {
                // Before any compiling: a missing QEMU is told at once.
                new QemuEngine().checkInstalled();
            }
            Optional<ImageArgument.Image> loaded = ImageArgument.load(image, workspace, verbose, err);
            if (loaded.isEmpty()) {
                return ExitStatus.FAILURE;
            }
            ImageArgument.Image kernel = loaded.get();
            if (!kernel.info().devices().isEmpty()) {
                err.println("qj: error: qj debug cannot place the kernel's devices on the board ("
                        + String.join(", ", kernel.info().devices()) + "); debug a kernel without device "
                        + "declarations, or use qj run");
                return ExitStatus.FAILURE;
            }
            return engine == EngineOptions.EngineName.runner ? onRunner(kernel, err) : onQemu(kernel, err);
        } catch (EngineException e) {
            err.println("qj: error: " + e.getMessage());
            return ExitStatus.FAILURE;
        }
    }

    private int onRunner(ImageArgument.Image kernel, PrintWriter err) {
        Path elfPath = kernel.elf();
        ElfFile elf;
        try {
            elf = ElfFile.read(elfPath);
        } catch (IOException | ElfFormatException e) {
            err.println("qj: error: cannot load " + elfPath + ": " + e.getMessage());
            return ExitStatus.FAILURE;
        }
        Function<OutputStream, Machine> boot = console -> Machine.boot(elf, kernel.info().ramBytes(), test, console,
                Optional.empty(), Optional.empty(), List.of());
        try (GdbServer server = GdbServer.listen(port);
             MachineDebugTarget target = new MachineDebugTarget(boot, System.out, consoleInput(kernel),
                     CodeLocator.of(elfPath, elf), err)) {
            announce(elfPath, server.port(), "the runner", err);
            Optional<TargetStop> end = server.serve(target, err);
            System.out.flush();
            return end.filter(TargetStop::exited).map(TargetStop::signal).orElse(ExitStatus.SUCCESS);
        } catch (IOException e) {
            err.println("qj: error: cannot serve gdb on port " + port + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("qj: error: cannot boot " + image + ": " + e.getMessage());
        } catch (CpuException e) {
            err.println("qj: error: the runner cannot start its CPU: " + e.getMessage());
        }
        return ExitStatus.FAILURE;
    }

    private int onQemu(ImageArgument.Image kernel, PrintWriter err) throws EngineException {
        int chosen = port == 0 ? freePort(err) : port;
        if (chosen < 0) {
            return ExitStatus.FAILURE;
        }
        RunRequest request = new RunRequest(kernel.elf(), kernel.info().ramBytes(), test, consoleInput(kernel),
                System.out, EngineOptions.UNLIMITED);
        announce(kernel.elf(), chosen, "QEMU", err);
        RunResult result = new QemuEngine().debug(request, chosen);
        System.out.flush();
        err.println("qj debug: " + result.detail());
        return result.processExitCode();
    }

    /** As qj test and qj run have it: the tests' declared input, or the terminal's, then an EOT. */
    private InputStream consoleInput(ImageArgument.Image kernel) {
        return test ? new ByteArrayInputStream(kernel.info().consoleInput())
                : new SequenceInputStream(System.in,
                        new ByteArrayInputStream(new byte[] {RunCommand.END_OF_TRANSMISSION}));
    }

    /**
     * A port no one listens on now, for QEMU, which cannot say which port
     * it took itself; another program could take it before QEMU does.
     */
    private static int freePort(PrintWriter err) {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            err.println("qj: error: cannot find a free TCP port: " + e.getMessage());
            return -1;
        }
    }

    /** Tells the user how to connect; the test harness reads the same line. */
    private static void announce(Path elf, int port, String engineName, PrintWriter err) {
        err.println("qj debug: " + engineName + " holds the image at its first instruction; connect with");
        err.println("    gdb-multiarch -q " + shellWord(elf.toAbsolutePath().toString())
                + " -ex 'target remote :" + port + "'");
        err.flush();
    }

    private static String shellWord(String text) {
        return PLAIN_WORD.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
