package org.quaject.runner;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.quaject.runner.device.DeviceProvider;

/**
 * Runs an image on QEMU's {@code virt} m68k machine with a 68030 CPU, the
 * reference for the board (docs: board-virt68030.md). The console (the
 * goldfish TTY, QEMU's first serial port) is QEMU's standard input and output.
 *
 * <p>QEMU exits on the guest's HALT with status 0 and, given
 * {@code -action panic=exit-failure}, on its PANIC with status 1. It also
 * exits with status 1 when it cannot boot the image at all, but then it says
 * why on standard error, where a guest panic leaves nothing: that is how the
 * two are told apart.
 */
public final class QemuEngine implements Engine {
    /** The emulator, from the Debian package qemu-system-misc. */
    public static final String EXECUTABLE = "qemu-system-m68k";

    /**
     * QEMU's {@code -icount shift}: guest time advances 2^7 ns = 128 ns per
     * executed instruction, independent of the host. With {@code sleep=off}
     * and {@code -rtc clock=vm} that makes a run deterministic (same image and
     * input, same output), and the in-process runner follows the same rule so
     * that both engines show the guest the same time (board-virt68030.md,
     * goldfish-rtc). 128 ns is about the pace of a 25 MHz MC68030, the machine
     * of the Synthesis figures, so time-driven code (timer quanta, timeouts)
     * sees roughly as many instructions per tick as it would there.
     */
    public static final int ICOUNT_SHIFT = 7;

    /**
     * Where the guest's RTC starts. Without a base QEMU starts it at the host's
     * date, which would make every run read a different time; from the epoch,
     * the RTC reads the guest's own run time, as the in-process board does.
     */
    public static final String RTC_BASE = "1970-01-01T00:00:00";

    private static final String PACKAGE = "qemu-system-misc";
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    /** QEMU's exit status after a guest PANIC, given {@code -action panic=exit-failure}. */
    private static final int PANIC_EXIT_STATUS = 1;

    private final String executable;

    public QemuEngine() {
        this(EXECUTABLE);
    }

    /** An engine running the emulator of that name, looked up on PATH. */
    QemuEngine(String executable) {
        this.executable = executable;
    }

    /**
     * Fails, saying which Debian package to install, if the emulator is not
     * on PATH: for a command that checks before it does any work.
     */
    public void checkInstalled() throws EngineException {
        locateExecutable();
    }

    @Override
    public RunResult run(RunRequest request) throws EngineException {
        return run(request, List.of());
    }

    /** Runs the image with {@code extraOptions} after the board's command line. */
    private RunResult run(RunRequest request, List<String> extraOptions) throws EngineException {
        if (request.maxInstructions().isPresent()) {
            throw new EngineException("QEMU cannot stop a run after a number of instructions; "
                    + "the runner engine can");
        }
        if (request.preemption().isPresent()) {
            throw new EngineException("QEMU has no stress modes (preemption, contention); the runner engine has");
        }
        for (DeviceProvider device : request.devices()) {
            if (device.qemuArguments().isEmpty()) {
                throw new EngineException("QEMU has no device " + device.type() + " (its plug-in gives no QEMU"
                        + " arguments); the runner engine can run with it");
            }
        }
        List<String> command = commandLine(locateExecutable(), request);
        command.addAll(extraOptions);
        Process qemu = start(new ProcessBuilder(command));
        return whileQemuRuns(qemu, () -> supervise(request, qemu));
    }

    /** What is done with a QEMU that runs. */
    @FunctionalInterface
    private interface Supervision<T> {
        T run() throws EngineException;
    }

    /** Supervises a started QEMU; a JVM that ends meanwhile (Ctrl-C, SIGTERM) takes QEMU with it. */
    private static <T> T whileQemuRuns(Process qemu, Supervision<T> supervision) throws EngineException {
        Thread stopOnExit = new Thread(() -> destroy(qemu), "qj: stop QEMU");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            return supervision.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook runs anyway, on a QEMU already gone.
            }
        }
    }

    /**
     * Runs the image as {@link #run} does, but stopped before its first
     * instruction, with QEMU's own gdbstub waiting for gdb on
     * {@code gdbPort} of the loopback interface ({@code -S -gdb}). A gdb
     * {@code kill} ends the run as a halt.
     */
    public RunResult debug(RunRequest request, int gdbPort) throws EngineException {
        return run(request, List.of("-S", "-gdb", "tcp:127.0.0.1:" + gdbPort));
    }

    /** Passes the console on while QEMU runs, and stops it at the request's timeout. */
    private RunResult supervise(RunRequest request, Process qemu) throws EngineException {
        ConsoleProtocol console = new ConsoleProtocol(request.consoleOutput());
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        StreamPump output = StreamPump.start("qemu console output", qemu.getInputStream(), console);
        StreamPump errorOutput = StreamPump.start("qemu standard error", qemu.getErrorStream(), errors);
        InputStream input = request.consoleInput() == null ? InputStream.nullInputStream() : request.consoleInput();
        // Its failure needs no report: QEMU may end before it has read all the input.
        StreamPump.start("qemu console input", input, qemu.getOutputStream());
        try {
            boolean ended = qemu.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                destroy(qemu);
            }
            output.await();
            errorOutput.await();
            Optional<IOException> consoleFailure = output.failure();
            if (consoleFailure.isPresent()) {
                throw new EngineException("could not pass on the console output of " + request.image()
                        + ": " + consoleFailure.get().getMessage(), consoleFailure.get());
            }
            String said = errors.toString(StandardCharsets.UTF_8).strip();
            if (!ended) {
                return new RunResult(Outcome.TIMEOUT, console.exitStatus(), console.transcript(),
                        "the image did not stop within " + request.timeoutText() + "; QEMU was stopped" + quoted(said));
            }
            Outcome outcome = outcome(request, qemu.exitValue(), said, console.transcript().length > 0);
            String detail = outcome == Outcome.HALT ? "the image halted" : "the image panicked";
            return new RunResult(outcome, console.exitStatus(), console.transcript(), detail + quoted(said));
        } catch (InterruptedException e) {
            destroy(qemu);
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running " + request.image(), e);
        }
    }

    /** The QEMU command line for a request; {@code qemu} is the emulator's path. */
    static List<String> commandLine(Path qemu, RunRequest request) {
        List<String> command = new ArrayList<>(List.of(qemu.toString(),
                "-M", "virt", "-cpu", "m68030",
                "-m", ramSize(request.ramBytes()),
                // No default monitor, parallel port or network card: just the board.
                // The goldfish TTY is wired to the first serial port, given explicitly.
                "-nodefaults", "-display", "none", "-serial", "stdio",
                "-kernel", request.image().toAbsolutePath().toString(),
                "-icount", "shift=" + ICOUNT_SHIFT + ",sleep=off", "-rtc", "clock=vm,base=" + RTC_BASE,
                "-action", "panic=exit-failure"));
        if (request.testMode()) {
            command.addAll(List.of("-append", request.commandLine()));
        }
        // QEMU fills the virtio-mmio transports from the last down in this order: the disk first, at 127.
        request.disk().ifPresent(disk -> command.addAll(diskOptions(disk)));
        request.devices().forEach(device -> command.addAll(device.qemuArguments()));
        return command;
    }

    /**
     * The disk as the first virtio-blk device, which the board puts at its last
     * transport, 127 ({@code 0xff01fe00}). {@code if=none}: without
     * it the board silently attaches nothing (board-virt68030.md). A comma in
     * the file's name is doubled, as QEMU's option syntax asks.
     */
    private static List<String> diskOptions(DiskDrive disk) {
        String file = disk.file().toAbsolutePath().toString().replace(",", ",,");
        return List.of("-drive", "file=" + file + ",format=raw,if=none,id=disk0"
                        + (disk.snapshot() ? ",snapshot=on" : ""),
                "-device", "virtio-blk-device,drive=disk0");
    }

    /** QEMU's {@code -m} value, whose plain numbers mean MiB; RunRequest guarantees whole KiB. */
    private static String ramSize(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + "M" : bytes / KIB + "K";
    }

    private Path locateExecutable() throws EngineException {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory).resolve(executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new EngineException(executable + " was not found on PATH. Install QEMU's m68k emulator with"
                + " the Debian package " + PACKAGE + ": apt-get install " + PACKAGE);
    }

    private static Process start(ProcessBuilder command) throws EngineException {
        try {
            return command.start();
        } catch (IOException e) {
            throw new EngineException("could not start " + command.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    /** A process a signal killed exits with 128 + the signal's number, as a shell reports it. */
    private static final int SIGNAL_EXIT_BASE = 128;
    private static final int MAX_SIGNAL = 64;

    /**
     * How QEMU's run ended. A panic with an error from QEMU is a failure to
     * boot only if the guest never ran: an error the guest caused (a device
     * it misused, say virtio's "zero sized buffers are not allowed") comes
     * after the guest wrote to the console, and its panic is the guest's.
     *
     * @param guestSpoke whether the guest wrote anything to the console
     */
    static Outcome outcome(RunRequest request, int exitStatus, String said, boolean guestSpoke)
            throws EngineException {
        if (exitStatus == 0) {
            return Outcome.HALT;
        }
        if (exitStatus == PANIC_EXIT_STATUS && (guestSpoke || !reportsError(said))) {
            return Outcome.PANIC;
        }
        if (exitStatus > SIGNAL_EXIT_BASE && exitStatus <= SIGNAL_EXIT_BASE + MAX_SIGNAL) {
            throw new EngineException("QEMU crashed (signal " + (exitStatus - SIGNAL_EXIT_BASE) + ") while running "
                    + request.image() + "; its translator fails on some guest code, which the runner engine reports"
                    + " as a crash of the guest (docs/runner.md, \"Code the core cannot translate\")" + quoted(said));
        }
        throw new EngineException("QEMU could not boot " + request.image() + " (exit status " + exitStatus + ")"
                + (said.isEmpty() ? "" : ": " + said));
    }

    /** QEMU writes errors as "qemu-system-m68k: ..." and warnings as "...: warning: ...". */
    private static boolean reportsError(String said) {
        return said.lines().anyMatch(line -> !line.isBlank() && !line.contains("warning:"));
    }

    private static String quoted(String said) {
        return said.isEmpty() ? "" : "; QEMU said: " + said;
    }

    /** Stops QEMU and anything it started. */
    private static void destroy(Process qemu) {
        qemu.descendants().forEach(ProcessHandle::destroyForcibly);
        qemu.destroyForcibly();
    }
}
