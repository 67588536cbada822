package org.quaject.runner.machine;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Segment;
import org.quaject.runner.Contention;
import org.quaject.runner.Preemption;
import org.quaject.runner.board.DiskFile;
import org.quaject.runner.board.PreemptiveAlarms;
import org.quaject.runner.board.Virt68030Board;
import org.quaject.runner.board.VirtCtrl;
import org.quaject.runner.cpu.ClockRegisters;
import org.quaject.runner.cpu.Cpu;
import org.quaject.runner.cpu.NativeRam;
import org.quaject.runner.cpu.Register;
import org.quaject.runner.cpu.Stop;
import org.quaject.runner.cpu.UnicornCpu;
import org.quaject.runner.device.Device;
import org.quaject.runner.device.DeviceProvider;
import org.quaject.runner.device.GuestErrorException;
import org.quaject.runner.device.TimeRegisters;
import org.quaject.runner.device.VirtualClock;

/**
 * The virt68030 board in-process: the CPU core, RAM, the devices, and the loop
 * that ties them together with deterministic time. It boots an ELF image as
 * QEMU does (segments at their addresses, bootinfo past the image, PC at the
 * entry, SR = 0x2700) and runs it until it halts, panics, crashes, hangs, or a
 * budget runs out.
 *
 * <p>Between slices of execution the loop looks at the board: virt-ctrl's
 * command, the interrupt level the PICs assert (taken by the MC68030 rules in
 * {@link ExceptionProcessor}), and the next device event; a slice never runs
 * past the instruction at which a device event (an RTC alarm) is due. A STOPped CPU waits for an
 * interrupt above its mask; with none asserted, time jumps to the next alarm,
 * as QEMU does with {@code -icount sleep=off}.
 *
 * <p>Under a {@link Preemption} the RTC alarms fire at drawn instructions,
 * and with contention a {@link CasContention} watches every CAS and CAS2.
 */
public final class Machine implements AutoCloseable {

    /** The boot command line word that selects the image's test mode. */
    public static final String TEST_MODE = "qj.test";

    /** Wall time is checked between slices; a slice is at most this long. */
    private static final long MAX_SLICE = 1_000_000;

    private static final int BOOT_SR = 0x2700;

    private final Cpu cpu;
    private final NativeRam ram;
    private final VirtualClock clock = new VirtualClock();
    private final Virt68030Board board;
    private final GuestExceptions exceptions;
    private final Optional<CasContention> contention;
    private final List<DeviceWindow> windows = new ArrayList<>();
    /** Each device's time registers (the RTCs'), which the core reads by itself from the time at a slice's start. */
    private final Map<TimeRegisters, ClockRegisters> timeRegisters = new LinkedHashMap<>();
    private long sliceStart;
    private long sliceEnd;
    /** The interrupt level the loop last saw the board assert. */
    private int levelSeen;
    private boolean stopped;
    /** Whether {@link #stopAfterThisAccess()} asked the current run to stop. */
    private boolean stopAsked;
    /** Where runs stop before executing anything ({@link #stopBefore}). */
    private Set<Long> breakpoints = Set.of();
    /** Whether the last slice stopped before a breakpoint. */
    private boolean atBreakpoint;

    private Machine(ElfFile image, long ramBytes, String commandLine, OutputStream console,
                    Optional<Preemption> preemption, Optional<DiskFile> disk, List<DeviceProvider> plugins) {
        cpu = UnicornCpu.open();
        try {
            ram = cpu.mapRam(0, ramBytes);
            board = new Virt68030Board(clock, ram, console, 0,
                    preemption.map(p -> new PreemptiveAlarms(p.seed(), p.gap())), disk, plugins);
            contention = preemption.filter(Preemption::contend).map(p -> new CasContention(board));
            contention.ifPresent(cpu::watchCompareAndSwap);
            for (Device device : board.devices()) {
                DeviceWindow window = new DeviceWindow(device, this::syncClock, this::afterDeviceWrite,
                        cpu::requestStop);
                windows.add(window);
                long size = Virt68030Board.mappedSize(device);
                if (device instanceof TimeRegisters time) {
                    // The guest reads the time on every alarm: the core reads it without calling the device.
                    timeRegisters.put(time, cpu.mapMmio(device.base(), size, window,
                            time.timeLowOffset(), time.timeHighOffset(), VirtualClock.SHIFT,
                            time.deferrableWriteOffset()));
                } else {
                    cpu.mapMmio(device.base(), size, window);
                }
            }
            exceptions = new GuestExceptions(cpu, ram, board::interruptLevel);
            cpu.setExceptionHandler(exceptions);
            BootInfo.write(ram, load(image), commandLine);
            cpu.set(Register.SR, BOOT_SR);
            cpu.set(Register.PC, (int) image.entry());
        } catch (RuntimeException e) {
            cpu.close();
            throw e;
        }
    }

    /**
     * Boots an image.
     *
     * @param testMode whether the boot command line asks for the image's tests
     * @throws IllegalArgumentException if the image does not fit in RAM
     */
    public static Machine boot(ElfFile image, long ramBytes, boolean testMode, OutputStream console) {
        return boot(image, ramBytes, testMode, console, Optional.empty());
    }

    /**
     * Boots an image, in a stress mode if {@code preemption} is there.
     *
     * @throws IllegalArgumentException if the image does not fit in RAM
     */
    public static Machine boot(ElfFile image, long ramBytes, boolean testMode, OutputStream console,
                               Optional<Preemption> preemption) {
        return boot(image, ramBytes, testMode, console, preemption, Optional.empty());
    }

    /**
     * Boots an image, in a stress mode if {@code preemption} is there, with
     * {@code disk} as the board's virtio-blk disk if it is there. The caller
     * keeps the disk, and closes it after the machine.
     *
     * @throws IllegalArgumentException if the image does not fit in RAM
     */
    public static Machine boot(ElfFile image, long ramBytes, boolean testMode, OutputStream console,
                               Optional<Preemption> preemption, Optional<DiskFile> disk) {
        return boot(image, ramBytes, testMode, console, preemption, disk, List.of());
    }

    /**
     * Boots an image as {@link #boot(ElfFile, long, boolean, OutputStream, Optional, Optional)} does,
     * with a device of each provider in {@code plugins} on the board, in order
     * ({@link Virt68030Board}).
     *
     * @throws IllegalArgumentException if the image does not fit in RAM, or a device does not fit on the board
     */
    public static Machine boot(ElfFile image, long ramBytes, boolean testMode, OutputStream console,
                               Optional<Preemption> preemption, Optional<DiskFile> disk,
                               List<DeviceProvider> plugins) {
        return boot(image, ramBytes, testMode ? TEST_MODE : "", console, preemption, disk, plugins);
    }

    /**
     * Boots an image as {@link #boot(ElfFile, long, boolean, OutputStream, Optional, Optional, List)} does,
     * with {@code commandLine} as its boot command line.
     *
     * @throws IllegalArgumentException if the image does not fit in RAM, or a device does not fit on the board
     */
    public static Machine boot(ElfFile image, long ramBytes, String commandLine, OutputStream console,
                               Optional<Preemption> preemption, Optional<DiskFile> disk,
                               List<DeviceProvider> plugins) {
        return new Machine(image, ramBytes, commandLine, console, preemption, disk, plugins);
    }

    /**
     * What the board's virtio devices reported so far: the messages QEMU
     * prints on standard error when a driver breaks the rules, each with its
     * device, and I/O errors of the disk file.
     */
    public List<String> deviceErrors() {
        return board.virtio().errors();
    }

    /** What the contention stress mode did so far; empty when it is off. */
    public Optional<Contention> contention() {
        return contention.map(CasContention::counts);
    }

    /** Console input: the bytes are waiting for the guest from now on. */
    public void type(byte[] bytes) {
        board.tty().hostInput(bytes);
    }

    /** Instructions executed since boot. */
    public long instructions() {
        return clock.instructions();
    }

    /** Guest time since boot, in nanoseconds of the virtual clock. */
    public long guestNanos() {
        return clock.nanos();
    }

    /** The CPU, for reports and for tests that look at registers. */
    public Cpu cpu() {
        return cpu;
    }

    /** Guest RAM. */
    public NativeRam ram() {
        return ram;
    }

    /**
     * Runs until the guest halts or panics, something stops it, or a budget
     * runs out; then it can be run again (after a budget) or inspected.
     *
     * @param maxInstructions instructions this call may execute
     * @param deadlineNanos   {@link System#nanoTime()} after which it stops
     * @param betweenSlices   called between slices, e.g. to type console input as it arrives
     */
    public MachineStop run(long maxInstructions, long deadlineNanos, Runnable betweenSlices) {
        long budgetEnd = clock.instructions() + maxInstructions;
        while (true) {
            betweenSlices.run();
            MachineStop ended = endedByBoard();
            if (ended != null) {
                return ended;
            }
            try {
                if (takeInterrupt()) {
                    stopped = false;
                }
            } catch (DoubleFault fault) {
                return end(MachineStop.Kind.CRASH, "double fault: " + fault.getMessage());
            }
            if (stopped) {
                boolean woken;
                try {
                    woken = board.idleUntilNextEvent();
                } catch (GuestErrorException e) {
                    return end(MachineStop.Kind.CRASH, "device error while the CPU was stopped: " + e.getMessage());
                }
                if (!woken) {
                    return end(MachineStop.Kind.HUNG, String.format(
                            "the CPU executed STOP (SR 0x%04x) and no enabled interrupt can wake it",
                            cpu.get(Register.SR)));
                }
                continue;
            }
            // Where a budget would stop: an interrupt due there has been taken, and may have led away.
            if (atBreakpoint) {
                atBreakpoint = false;
                if (breakpoints.contains(Integer.toUnsignedLong(cpu.get(Register.PC)))) {
                    return end(MachineStop.Kind.BREAKPOINT, "stopped before the breakpoint at PC " + pc());
                }
            }
            if (clock.instructions() >= budgetEnd) {
                return end(MachineStop.Kind.OUT_OF_INSTRUCTIONS, "the instruction budget ran out at PC " + pc());
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                return end(MachineStop.Kind.OUT_OF_TIME, "the time budget ran out at PC " + pc());
            }
            MachineStop crashed = Sr.traces(cpu.get(Register.SR)) ? runTracedInstruction()
                    : runUntracedSlice(Math.min(budgetEnd - clock.instructions(), MAX_SLICE));
            if (crashed != null) {
                return crashed;
            }
            if (stopAsked) {
                stopAsked = false;
                return end(MachineStop.Kind.STOP_REQUESTED, "the run was asked to stop at PC " + pc());
            }
        }
    }

    /**
     * From the next run on, runs stop before an instruction at any of
     * {@code addresses} ({@link MachineStop.Kind#BREAKPOINT}), one that
     * starts there too, in the state a budget ending there would leave: an
     * interrupt due has been taken, and a run goes on if it led away from the
     * breakpoint. Replaces the addresses given before. Code elsewhere runs
     * at full speed.
     */
    public void stopBefore(Set<Long> addresses) {
        breakpoints = Set.copyOf(addresses);
        cpu.stopBefore(breakpoints);
    }

    @Override
    public void close() {
        cpu.close();
    }

    /**
     * Executes one instruction that begins with T1 set, then takes its trace
     * exception (MC68030 UM 8.1.7): a format $2 frame with the SR after the
     * instruction, the next instruction's address as the PC and the traced
     * instruction's address. An instruction that takes an exception of its
     * own (TRAP, CHK, a divide by zero, an illegal or privileged one) is not
     * traced here: the manual traces a trap after the handler's RTE, which
     * neither the runner nor QEMU 7.2 does (docs/runner.md). A traced STOP
     * loads SR and is traced instead of stopping, as the manual says. An
     * interrupt that waits is taken after the trace, so its handler runs
     * first and returns into the trace handler (UM 8.1.12).
     */
    private MachineStop runTracedInstruction() {
        int at = cpu.get(Register.PC);
        long instructionsBefore = clock.instructions();
        long exceptionsBefore = exceptions.processor().taken();
        MachineStop crashed = runSlice(1);
        exceptions.takeTracingStarted();
        if (crashed != null || clock.instructions() == instructionsBefore
                || exceptions.processor().taken() != exceptionsBefore) {
            return crashed;
        }
        stopped = false;
        try {
            exceptions.processor().takeFormat2(Vectors.TRACE, cpu.get(Register.PC), at);
        } catch (DoubleFault fault) {
            return end(MachineStop.Kind.CRASH, "double fault: " + fault.getMessage());
        }
        return null;
    }

    /**
     * Runs a slice that begins with tracing off. Tracing may come on inside
     * it only through an RTE, which ends the slice right after it; an
     * instruction that writes SR (MOVE, ORI or EORI to SR, or STOP) turning
     * T1 on is not seen until the slice ends, when the instructions it
     * should have traced have run, so the run ends with a crash that says so.
     */
    private MachineStop runUntracedSlice(long limit) {
        MachineStop crashed = runSlice(limit);
        boolean byRte = exceptions.takeTracingStarted();
        if (crashed == null && !byRte && Sr.traces(cpu.get(Register.SR))) {
            return end(MachineStop.Kind.CRASH, "tracing (SR bit T1) was turned on before PC " + pc()
                    + " by an instruction that writes SR; the runner starts tracing only at an RTE"
                    + " (docs/runner.md): set T1 in the SR that an RTE restores, as debuggers do, or run on QEMU");
        }
        return crashed;
    }

    /** Executes up to {@code limit} instructions, stopping early for the next device event. */
    private MachineStop runSlice(long limit) {
        OptionalLong event = board.nextEventAt();
        long slice = event.isPresent() ? Math.min(limit, Math.max(1, event.getAsLong() - clock.instructions())) : limit;
        sliceStart = clock.instructions();
        sliceEnd = sliceStart + slice;
        updateRtcClocks();
        levelSeen = board.interruptLevel();
        // A level the mask holds off is taken right after the instruction that lowers the mask.
        Stop stop = levelSeen != 0 ? cpu.runToInterruptPoint(slice) : cpu.run(slice);
        clock.advance(sliceStart + stop.instructions() - clock.instructions());
        try {
            board.runDueEvents();
        } catch (GuestErrorException e) {
            return end(MachineStop.Kind.CRASH, "device error at PC " + pc() + ": " + e.getMessage());
        }
        for (DeviceWindow window : windows) {
            RuntimeException error = window.takeError();
            if (error != null) {
                return end(MachineStop.Kind.CRASH, "device error at PC " + pc() + ": " + error.getMessage());
            }
        }
        if (exceptions.doubleFault().isPresent()) {
            return end(MachineStop.Kind.CRASH, "double fault: " + exceptions.doubleFault().get().getMessage());
        }
        return switch (stop.reason()) {
            case STOP_INSTRUCTION -> {
                stopped = true;
                yield null;
            }
            // Before a CAS the contention mode fired an alarm, whose interrupt the loop now takes.
            case COUNT_REACHED, STOP_REQUESTED, BEFORE_CAS -> null;
            case BREAKPOINT -> {
                atBreakpoint = true;
                yield null;
            }
            case READ_FAULT, WRITE_FAULT, FETCH_FAULT -> end(MachineStop.Kind.CRASH, String.format(
                    "%s of unmapped address 0x%08x at PC %s", describe(stop), stop.address(), pc()));
            case INVALID_INSTRUCTION, ERROR -> end(MachineStop.Kind.CRASH,
                    "the CPU core stopped at PC " + pc() + ": " + stop.error());
            case CORE_CRASHED -> end(MachineStop.Kind.CRASH, "the CPU core crashed running the code at PC " + pc()
                    + " (" + stop.error() + "); the run cannot go on");
        };
    }

    private static String describe(Stop stop) {
        return switch (stop.reason()) {
            case READ_FAULT -> "read";
            case WRITE_FAULT -> "write";
            default -> "instruction fetch";
        };
    }

    /** Takes the interrupt the board asserts, if the CPU's mask lets it through. */
    private boolean takeInterrupt() throws DoubleFault {
        int level = board.interruptLevel();
        return level != 0 && exceptions.processor().takeInterrupt(level);
    }

    private MachineStop endedByBoard() {
        VirtCtrl.Command command = board.virtCtrl().lastCommand().orElse(VirtCtrl.Command.NOOP);
        return switch (command) {
            case HALT -> end(MachineStop.Kind.HALT, "");
            case PANIC -> end(MachineStop.Kind.PANIC, "the guest panicked at PC " + pc());
            case RESET -> end(MachineStop.Kind.CRASH, "the guest asked for a reset, which the runner does not do");
            case NOOP -> null;
        };
    }

    private MachineStop end(MachineStop.Kind kind, String detail) {
        return new MachineStop(kind, clock.instructions(), detail);
    }

    /**
     * After the guest wrote a device register, in the middle of a slice: the
     * slice goes on unless the write changed what the loop between slices
     * acts on. A higher interrupt level or a virt-ctrl command ends it right
     * after the writing instruction (at the end of its translation block on a
     * core that cannot stop inside one); an event now due before the slice's
     * end brings the end forward to it.
     */
    private void afterDeviceWrite() {
        // The write may have set an RTC's time.
        updateRtcClocks();
        int level = board.interruptLevel();
        boolean rose = level > levelSeen;
        levelSeen = level;
        if (level == 0) {
            cpu.cancelInterruptPoints();
        }
        if (rose || board.virtCtrl().lastCommand().isPresent()) {
            stopRightAfter(cpu.instructionsThisRun());
            return;
        }
        OptionalLong event = board.nextEventAt();
        if (event.isPresent() && event.getAsLong() < sliceEnd) {
            stopRightAfter(event.getAsLong() - sliceStart);
        }
    }

    /**
     * From a device's register access, e.g. a write to the console, which a
     * watcher of the console output reacts to: ends the run right after the
     * accessing instruction, or where its translation block ends on a CPU
     * that cannot stop inside one ({@link Cpu#stopsInsideBlocks()});
     * {@link #run} then returns {@link MachineStop.Kind#STOP_REQUESTED}.
     */
    public void stopAfterThisAccess() {
        stopAsked = true;
        stopRightAfter(cpu.instructionsThisRun());
    }

    /** Ends the slice once it has run {@code instructions}, or at the next block if the CPU cannot stop inside one. */
    private void stopRightAfter(long instructions) {
        if (!cpu.limitRun(instructions)) {
            cpu.requestStop();
        }
    }

    /**
     * Tells each device's time registers the time at the slice's start: the
     * time now, less that of the instructions the slice ran so far.
     */
    private void updateRtcClocks() {
        long sinceSliceStart = (clock.instructions() - sliceStart) << VirtualClock.SHIFT;
        timeRegisters.forEach((device, registers) -> registers.setBase(device.time() - sinceSliceStart));
    }

    /** Brings the clock to the instruction the CPU is executing now. */
    private void syncClock() {
        long now = sliceStart + cpu.instructionsThisRun();
        if (now > clock.instructions()) {
            clock.advance(now - clock.instructions());
        }
    }

    private String pc() {
        return String.format("0x%08x", cpu.get(Register.PC));
    }

    /** Copies the loadable segments into RAM and returns the end of the highest one. */
    private long load(ElfFile image) {
        long end = 0;
        for (Segment segment : image.segments()) {
            if (!segment.isLoad() || segment.memorySize() == 0) {
                continue;
            }
            if (!ram.contains(segment.physicalAddress(), segment.memorySize())) {
                throw new IllegalArgumentException(String.format(
                        "the image's segment at 0x%08x (%d bytes) is not in the %d bytes of RAM",
                        segment.physicalAddress(), segment.memorySize(), ram.size()));
            }
            byte[] bytes = image.contents(segment);
            ram.write(segment.physicalAddress(), bytes, 0, bytes.length);
            end = Math.max(end, segment.physicalAddress() + segment.memorySize());
        }
        return end;
    }
}
