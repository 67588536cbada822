package org.quaject.runner;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.board.DiskFile;
import org.quaject.runner.cpu.Cpu;
import org.quaject.runner.cpu.CpuException;
import org.quaject.runner.cpu.NativeRam;
import org.quaject.runner.cpu.Register;
import org.quaject.runner.machine.Machine;
import org.quaject.runner.machine.MachineStop;
import org.quaject.runner.report.CodeLocation;
import org.quaject.runner.report.CodeLocator;
import org.quaject.runner.report.RegisterReport;

/**
 * Runs an image in-process on the {@link Machine}: the same board as QEMU's
 * virt68030, the same deterministic time, in the same JVM.
 *
 * <p>Console input that is already there when the run starts (all of it, for
 * {@code qj test}) is typed before the first instruction, so a run with the
 * same input is the same run every time; input that arrives later (a user
 * typing) is typed between slices as it comes.
 *
 * <p>A request's disk is opened before the machine boots, so that a file
 * the runner cannot use stops the run before the guest starts, with a
 * message naming it; it is flushed and closed when the run ends. What the
 * board's virtio devices report during the run (QEMU's messages for a
 * driver's malformed requests) follows the first line of the result's
 * explanation, as the QEMU engine quotes what QEMU printed.
 */
public final class RunnerEngine implements Engine {

    private final RunProgress progress;

    public RunnerEngine() {
        this(RunProgress.NONE);
    }

    /** An engine that tells {@code progress} how far each run has got, between slices. */
    public RunnerEngine(RunProgress progress) {
        this.progress = progress;
    }

    @Override
    public RunResult run(RunRequest request) throws EngineException {
        ElfFile image;
        try {
            image = ElfFile.read(request.image());
        } catch (IOException | ElfFormatException e) {
            throw new EngineException("cannot load " + request.image() + ": " + e.getMessage(), e);
        }
        ConsoleProtocol console = new ConsoleProtocol(request.consoleOutput());
        DiskFile disk = request.disk().isPresent() ? openDisk(request.disk().get()) : null;
        try (Machine machine = Machine.boot(image, request.ramBytes(), request.commandLine(), console,
                request.preemption(), Optional.ofNullable(disk), request.devices())) {
            Optional<ConsoleInput> input = request.consoleInput() == null ? Optional.empty()
                    : Optional.of(ConsoleInput.start(request.consoleInput(), "runner console input"));
            input.ifPresent(typed -> machine.type(typed.ready()));
            long deadline = System.nanoTime() + request.timeout().toNanos();
            MachineStop stop = machine.run(request.maxInstructions().orElse(Long.MAX_VALUE), deadline, () -> {
                progress.ranSoFar(machine.instructions(), machine.guestNanos());
                input.ifPresent(typed -> typed.takeArrived(machine::type));
            });
            console.close();
            closeDisk(disk);
            disk = null;
            return new RunResult(outcome(stop), console.exitStatus(), console.transcript(),
                    withDeviceErrors(explain(stop, request, machine, CodeLocator.of(request.image(), image)),
                            machine.deviceErrors()), machine.contention());
        } catch (IOException e) {
            throw new EngineException("console failure while running " + request.image() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new EngineException("cannot boot " + request.image() + ": " + e.getMessage(), e);
        } catch (CpuException e) {
            throw new EngineException("the runner cannot start its CPU: " + e.getMessage(), e);
        } finally {
            if (disk != null) {
                try {
                    disk.close();
                } catch (IOException e) {
                    // The run failed already; that failure is the one to report.
                }
            }
        }
    }

    /** Opens the request's disk before anything runs, so that a file it cannot use stops the run at once. */
    private static DiskFile openDisk(DiskDrive drive) throws EngineException {
        try {
            return DiskFile.open(drive.file(), drive.snapshot());
        } catch (IOException e) {
            throw new EngineException("cannot attach the disk: " + e.getMessage(), e);
        }
    }

    /** Flushes the guest's writes to the disk file and closes it. */
    private static void closeDisk(DiskFile disk) throws EngineException {
        if (disk == null) {
            return;
        }
        try {
            disk.close();
        } catch (IOException e) {
            throw new EngineException("could not write the disk file " + disk.file() + " back: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The virtio devices' complaints, after the explanation as QEMU's engine
     * quotes what QEMU said: the guest may have run on after its device broke.
     */
    private static String withDeviceErrors(String explanation, List<String> errors) {
        if (errors.isEmpty()) {
            return explanation;
        }
        int firstLineEnd = explanation.indexOf('\n');
        int at = firstLineEnd < 0 ? explanation.length() : firstLineEnd;
        return explanation.substring(0, at) + "; the devices said: " + String.join("; ", errors)
                + explanation.substring(at);
    }

    private static Outcome outcome(MachineStop stop) {
        return switch (stop.kind()) {
            case HALT -> Outcome.HALT;
            case PANIC, CRASH, HUNG -> Outcome.PANIC;
            case OUT_OF_INSTRUCTIONS, OUT_OF_TIME -> Outcome.TIMEOUT;
            case STOP_REQUESTED, BREAKPOINT -> throw new IllegalStateException("nothing asks a run of the engine to stop");
        };
    }

    /**
     * How the run ended, for the user: one line, and for a run that did not
     * end by the guest's own choice, where the CPU was (and after a crash,
     * the registers) on the lines after it.
     */
    private static String explain(MachineStop stop, RunRequest request, Machine machine, CodeLocator locator) {
        String executed = " (" + stop.instructions() + " instructions executed)";
        String where = RegisterReport.where(locateProgramCounter(machine, locator));
        return switch (stop.kind()) {
            case HALT -> "the image halted" + executed;
            case PANIC -> "the image panicked" + executed;
            case CRASH, HUNG -> describeCrash(stop, machine, locator);
            case OUT_OF_INSTRUCTIONS -> "the instruction budget ran out after "
                    + request.maxInstructions().orElseThrow()
                    + " instructions (raise it with --max-instructions N)\n" + where;
            case OUT_OF_TIME -> "the image did not stop within " + request.timeoutText() + executed + "\n" + where;
            case STOP_REQUESTED, BREAKPOINT -> throw new IllegalStateException("nothing asks a run of the engine to stop");
        };
    }

    /**
     * A crash or hang for the user: what happened and after how many
     * instructions, the registers, and where the CPU was in the image.
     */
    public static String describeCrash(MachineStop stop, Machine machine, CodeLocator locator) {
        return String.join("\n", stop.detail() + " (" + stop.instructions() + " instructions executed)",
                String.join("\n", RegisterReport.lines(machine.cpu())),
                RegisterReport.where(locateProgramCounter(machine, locator)));
    }

    /** The program counter's place in the image, with the instruction RAM holds there now. */
    private static CodeLocation locateProgramCounter(Machine machine, CodeLocator locator) {
        long pc = Integer.toUnsignedLong(machine.cpu().get(Register.PC));
        NativeRam ram = machine.ram();
        long available = Math.max(0, Math.min(Cpu.LONGEST_INSTRUCTION, ram.size() - pc));
        byte[] code = new byte[(int) available];
        if (available > 0) {
            ram.read(pc, code, 0, code.length);
        }
        return locator.locate(pc, code);
    }
}
