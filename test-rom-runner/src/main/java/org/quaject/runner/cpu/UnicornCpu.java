package org.quaject.runner.cpu;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link Cpu} on Unicorn 2's m68k core (QEMU's), set to a 68030.
 *
 * <p>How a run stays exact and consistent (see {@code NativeHooks} for why
 * Unicorn's own instruction limit is not used): on a core that keeps the
 * condition codes when stopped inside a translation block (Unicorn 2.1.4,
 * found by {@code Calibration}), the {@code RunGate} stops each
 * {@code uc_emu_start} right before the instruction that would exceed the
 * budget. On one that does not (Unicorn 2.0.1), each {@code uc_emu_start}
 * either executes whole translation blocks, with the gate closing before a
 * block that could exceed the budget, or, when the next block alone would
 * exceed it, exactly one instruction ({@code TranslationBlocks.runOne}).
 * The loop ends when the budget is used up or the guest stopped for a reason
 * of its own. The gate's counter gives the exact number of instructions.
 *
 * <p>Registers Unicorn has no id for: VBR and the condition codes come from a
 * {@code CpuContext}; a stack pointer that is not the active A7 is read or
 * written by briefly switching SR to the mode that selects it, which makes
 * QEMU swap A7 exactly as MOVE to SR would.
 */
public final class UnicornCpu implements Cpu {
    /** SR after reset on QEMU's virt board: supervisor, interrupts masked (board-virt68030.md). */
    private static final int RESET_SR = 0x2700;
    // SR bits, MC68030 User's Manual figure 1-4.
    private static final int SR_S = 0x2000;
    private static final int SR_M = 0x1000;
    private static final int CCR_Z = 0x04;
    /** STOP #imm is 0x4e72 followed by the new SR (MC68030 User's Manual, STOP). */
    private static final int STOP_OPCODE = 0x4e72;
    /** ANDI #imm,SR, EORI #imm,SR, and MOVE <ea>,SR with any source (MC68030 UM 3.2, instruction format summary). */
    private static final int ANDI_TO_SR = 0x027c;
    private static final int EORI_TO_SR = 0x0a7c;
    private static final int MOVE_TO_SR = 0x46c0;
    private static final int MOVE_TO_SR_MASK = 0xffc0;
    private static final long ADDRESS_SPACE = 1L << 32;
    /** Line 1111 emulator: coprocessor instructions the 68030 does not run itself (MC68030 UM table 8-1). */
    private static final int LINE_F_VECTOR = 11;
    /** TRAP #0-15 take vectors 32-47 (MC68030 UM table 8-1). */
    private static final int TRAP_VECTORS = 32;

    private final long uc;
    private final RegisterWrites writes;
    private final RunGate gate;
    private final CallbackGuard guard;
    private final TranslationBlocks blocks;
    private final CpuContext context;
    /** One register's value on its way to or from the core (host byte order). */
    private final Memory register = new Memory(Integer.BYTES);
    /** The same as a buffer, whose accesses are plain loads and stores rather than native calls. */
    private final ByteBuffer registerValue = register.getByteBuffer(0, Integer.BYTES).order(ByteOrder.nativeOrder());
    private final List<RamBlock> ram = new ArrayList<>();
    private final List<Range> mapped = new ArrayList<>();
    /** Kept only so that the regions' callbacks stay reachable while native code may call them. */
    private final List<MmioRegion> mmio = new ArrayList<>();
    /** Count registers the core reads by itself; told, before each run of the core, where the count starts. */
    private final List<ClockRegisters> clocks = new ArrayList<>();
    // Native code holds only these callbacks' addresses, so they must stay reachable as long as the engine.
    private final Unicorn.InterruptCallback interruptCallback = this::onInterrupt;
    private final Unicorn.MemoryFaultCallback faultCallback = this::onMemoryFault;
    private ExceptionHandler exceptionHandler;
    /** Sees each CAS and CAS2; null while none is watched. */
    private CasWatch casWatch;
    /** Where runs stop before executing anything ({@link #stopBefore}). */
    private Set<Long> breakpoints = Set.of();
    private long faultAddress;
    private volatile boolean stopRequested;
    /**
     * Between runs, where the gate stopped the last one or the PC last
     * written, or {@link #UNKNOWN}: the next run starts there, and it is what
     * PC reads, as Unicorn may not have stored it (see {@code NativeHooks}).
     * Kept here rather than written back, since every register access
     * through Unicorn costs a native call.
     */
    private long resumeAt = UNKNOWN;
    private static final long UNKNOWN = -1;
    /** Whether the current run must stop before blocks that may write SR ({@link #runToInterruptPoint}). */
    private boolean stopAtSrWrites;
    /** Where the current run ends at the latest: its budget, or less after {@link #limitRun}. */
    private long runLimit;
    /** Instructions of the current run's slices before the one running now (the gate counts that one). */
    private long completedSlices;
    /** Exceptions the core reported during the slice running now that may have left a block early. */
    private int exceptionsInsideBlocks;
    /** The instructions of the block a slice found too long for the budget. */
    private int tooLongInstructions;
    /** Where the last slice stepped one instruction, or -1 if it did not. */
    private long lastStep;
    /** The end of the block a slice found too long for the budget, or -1. */
    private long tooLongEnd;
    private boolean closed;
    /** Whether the core crashed in a run ({@link StopReason#CORE_CRASHED}): its engine cannot run again. */
    private boolean crashed;

    private record RamBlock(long host, NativeRam memory) {
    }

    /** Guest addresses {@code [start, end)}. */
    private record Range(long start, long end) {
        boolean overlaps(Range other) {
            return start < other.end && other.start < end;
        }
    }

    private UnicornCpu(long uc) {
        this.uc = uc;
        // Must come before the first mapping (UC_CTL_CPU_MODEL, unicorn.h).
        Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_SET_CPU_MODEL, Unicorn.UC_CPU_M68K_M68030),
                "selecting the 68030 model");
        // With exits in use uc_emu_start ignores its until argument; the exit list is empty except while stepping.
        Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_USE_EXITS, 1), "enabling exit addresses");
        this.writes = new RegisterWrites(uc);
        this.gate = new RunGate(uc);
        this.guard = new CallbackGuard(gate);
        this.blocks = new TranslationBlocks(uc, writes);
        long[] hook = new long[1];
        // Without an interrupt hook Unicorn 2.0.1 ends runs on any guest exception, and crashes on STOP.
        Unicorn.check(Unicorn.uc_hook_add(uc, hook, Unicorn.UC_HOOK_INTR, interruptCallback, 0, 1, 0),
                "adding the exception hook");
        Unicorn.check(Unicorn.uc_hook_add(uc, hook, Unicorn.UC_HOOK_MEM_INVALID, faultCallback, 0, 1, 0),
                "adding the memory fault hook");
        this.context = Calibration.run(uc, gate, writes);
        reset();
    }

    /**
     * Opens a new 68030.
     *
     * @throws CpuException if libunicorn.so.2 (Debian package libunicorn2) is
     *                      missing, the host is not x86-64 Linux, or the
     *                      library does not behave like Unicorn 2.0.1
     */
    public static UnicornCpu open() {
        Unicorn.requireLoaded();
        long[] handle = new long[1];
        Unicorn.check(Unicorn.uc_open(Unicorn.UC_ARCH_M68K, Unicorn.UC_MODE_BIG_ENDIAN, handle),
                "opening a Unicorn m68k engine");
        try {
            return new UnicornCpu(handle[0]);
        } catch (RuntimeException | Error e) {
            Unicorn.uc_close(handle[0]);
            throw e;
        }
    }

    @Override
    public int get(Register which) {
        requireOpen();
        return switch (which) {
            case SR -> {
                // Inside an instruction QEMU has not yet stored which operation the condition codes come from.
                guard.requireBetweenInstructions("reading", which);
                yield statusRegister();
            }
            case USP, ISP, MSP -> {
                guard.requireBetweenInstructions("reading", which);
                yield stackPointer(which);
            }
            case VBR -> context.vbr();
            case PC -> (int) programCounter();
            default -> raw(unicornId(which));
        };
    }

    @Override
    public void set(Register which, int value) {
        requireOpen();
        guard.requireBetweenInstructions("writing", which);
        switch (which) {
            case USP, ISP, MSP -> setStackPointer(which, value);
            case VBR -> context.setVbr(value);
            default -> setRaw(unicornId(which), value);
        }
        if (which == Register.PC) {
            resumeAt = Integer.toUnsignedLong(value);
        }
    }

    @Override
    public NativeRam mapRam(long address, long size) {
        requireMappable(address, size, Integer.MAX_VALUE & -Unicorn.PAGE_SIZE);
        long host = HostPages.allocate(size);
        int err = Unicorn.uc_mem_map_ptr(uc, address, size, Unicorn.UC_PROT_ALL, host);
        if (err != Unicorn.UC_ERR_OK) {
            HostPages.free(host, size);
            Unicorn.check(err, String.format("mapping RAM at 0x%x", address));
        }
        NativeRam memory = new NativeRam(address, new Pointer(host).getByteBuffer(0, size), this::ramWritten);
        ram.add(new RamBlock(host, memory));
        // The gate scans one region for watched instructions; with more, none (and nothing is watched).
        if (ram.size() == 1) {
            gate.watch(address, address + size, host);
        } else {
            gate.watch(0, 0, 0);
        }
        mapped.add(new Range(address, address + size));
        return memory;
    }

    /** After the host wrote guest RAM (loading an image, stacking an exception frame). */
    private void ramWritten(long address, long length) {
        blocks.invalidate(address, length);
        NativeRam written = ramHolding(address, length);
        if (written != null) {
            UntranslatableCode.scan(written, address, address + length, blocks::addStandingExit);
        }
    }

    @Override
    public void mapMmio(long address, long size, MmioHandler handler) {
        MmioRegion region = mmioRegion(address, size, handler);
        Unicorn.check(Unicorn.uc_mmio_map(uc, address, size, region.read, 0, region.write, 0),
                String.format("mapping MMIO at 0x%x", address));
        mapped.add(new Range(address, address + size));
    }

    @Override
    public ClockRegisters mapMmio(long address, long size, MmioHandler handler, int lowOffset, int highOffset,
                                  int shift, int deferredWriteOffset) {
        MmioRegion region = mmioRegion(address, size, handler);
        ClockRegisters clock = new ClockRegisters(DirectCallbacks.address(region.read),
                DirectCallbacks.address(region.write), gate.countedAddress(), lowOffset, highOffset, shift,
                deferredWriteOffset);
        region.deliverDeferredWritesOf(clock);
        Unicorn.check(Unicorn.uc_mmio_map(uc, address, size, NativeHooks.get().clockRead(), clock.address(),
                NativeHooks.get().clockWrite(), clock.address()), String.format("mapping MMIO at 0x%x", address));
        clocks.add(clock);
        mapped.add(new Range(address, address + size));
        return clock;
    }

    /** A region's callbacks, kept reachable for as long as native code may call them. */
    private MmioRegion mmioRegion(long address, long size, MmioHandler handler) {
        Objects.requireNonNull(handler, "handler");
        requireMappable(address, size, ADDRESS_SPACE);
        MmioRegion region = new MmioRegion(handler, guard, context::forget);
        mmio.add(region);
        return region;
    }

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        requireOpen();
        guard.requireIdle("setting the exception handler");
        this.exceptionHandler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void watchCompareAndSwap(CasWatch watch) {
        requireOpen();
        guard.requireIdle("watching CAS");
        Objects.requireNonNull(watch, "watch");
        if (ram.size() != 1) {
            throw new IllegalStateException("watching CAS needs one RAM region, and " + ram.size() + " are mapped");
        }
        // The scan is in the block hook every translation already calls: no translation is stale.
        gate.watchFor(NativeHooks.WATCH_CAS, true);
        this.casWatch = watch;
    }

    @Override
    public void stopBefore(Set<Long> addresses) {
        requireOpen();
        guard.requireIdle("setting breakpoints");
        breakpoints = Set.copyOf(addresses);
        // Every translation is made with the standing exits, so a block ends before each breakpoint.
        breakpoints.stream().filter(address -> ramHolding(address, 2) != null).forEach(blocks::addStandingExit);
    }

    @Override
    public Stop run(long maxInstructions) {
        return runChecked(maxInstructions, () -> runUntilStopped(maxInstructions));
    }

    @Override
    public Stop runToInterruptPoint(long maxInstructions) {
        return runChecked(maxInstructions, () -> {
            long pc = programCounter();
            if (maxInstructions > 0 && blockWritesSr(pc)) {
                return runUntilStopped(1);
            }
            if (!gate.stopsExactly() || ram.size() != 1) {
                // The first block runs; the gate stops the run where the next one begins.
                stopRequested = true;
                return runUntilStopped(maxInstructions);
            }
            // Blocks run on until one that may write SR, which the gate stops before.
            gate.watchFor(NativeHooks.WATCH_SR_WRITES, true);
            stopAtSrWrites = true;
            try {
                return runUntilStopped(maxInstructions);
            } finally {
                gate.watchFor(NativeHooks.WATCH_SR_WRITES, false);
                stopAtSrWrites = false;
            }
        });
    }

    @Override
    public void cancelInterruptPoints() {
        guard.requireInMmioHandler("cancelling interrupt points");
        if (stopAtSrWrites) {
            gate.watchFor(NativeHooks.WATCH_SR_WRITES, false);
            stopAtSrWrites = false;
        }
    }

    private Stop runChecked(long maxInstructions, Supplier<Stop> body) {
        if (maxInstructions < 0) {
            throw new IllegalArgumentException("maxInstructions " + maxInstructions + " < 0");
        }
        requireOpen();
        guard.requireIdle("run");
        if (exceptionHandler == null) {
            throw new IllegalStateException("set an exception handler before running the CPU");
        }
        if (crashed) {
            throw new IllegalStateException("the CPU core crashed in an earlier run; this CPU cannot run again");
        }
        CallbackGuard.Phase idle = guard.enter(CallbackGuard.Phase.RUNNING);
        try {
            return body.get();
        } catch (CoreCrash crash) {
            crashed = true;
            return new Stop(StopReason.CORE_CRASHED, instructionsThisRun(), -1, crash.getMessage());
        } finally {
            stopRequested = false;
            guard.leave(idle);
        }
    }

    /**
     * Whether the block at {@code pc} may hold an instruction that writes SR:
     * MOVE, ANDI or EORI to SR (ORI can only raise the mask). The core does
     * not end a block after them, so such a block is single-stepped. Any word
     * of the block with one of their opcodes counts, even an extension word
     * that merely looks like one: a false match only costs single steps.
     */
    private boolean blockWritesSr(long pc) {
        NativeRam code = ramHolding(pc, TranslationBlocks.LOOKAHEAD);
        if (code == null) {
            return false;
        }
        int bytes = blocks.blockAt(pc).bytes();
        for (long at = pc; at + 2 <= pc + bytes && code.contains(at, 2); at += 2) {
            int word = code.read16(at);
            if (word == ANDI_TO_SR || word == EORI_TO_SR || (word & MOVE_TO_SR_MASK) == MOVE_TO_SR) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void requestStop() {
        stopRequested = true;
        gate.close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        guard.requireIdle("close");
        closed = true;
        CoreGuard.close(uc);
        context.free();
        for (RamBlock block : ram) {
            block.memory().detach();
            HostPages.free(block.host(), block.memory().size());
        }
        ram.clear();
        mmio.clear();
    }

    @Override
    public boolean stopsInsideBlocks() {
        return gate.stopsExactly();
    }

    @Override
    public long instructionsThisRun() {
        return completedSlices + gate.counted();
    }

    @Override
    public boolean limitRun(long instructions) {
        guard.requireInMmioHandler("limiting the run");
        if (!gate.stopsExactly()) {
            return false;
        }
        runLimit = Math.min(runLimit, Math.max(instructions, instructionsThisRun()));
        gate.lowerExactLimit(runLimit - completedSlices);
        return true;
    }

    private Stop runUntilStopped(long maxInstructions) {
        long done = 0;
        lastStep = -1;
        tooLongEnd = -1;
        runLimit = maxInstructions;
        while (done < runLimit) {
            completedSlices = done;
            long pc = programCounter();
            if (breakpoints.contains(pc)) {
                return Stop.of(StopReason.BREAKPOINT, done);
            }
            NativeRam code = ramHolding(pc, 2);
            if (watchesCas(pc)) {
                stopBeforeCasCandidates(pc);
            }
            // A standing exit is a watched CAS candidate or code the core must not translate (which is
            // not run but taken as line F); a run cannot start at an exit: the instruction there is stepped.
            boolean atExit = blocks.isStandingExit(pc);
            if (atExit && code != null && UntranslatableCode.startsAt(code, pc)) {
                done++;
                deliverException(LINE_F_VECTOR);
                guard.rethrowFailure();
                if (stopRequested) {
                    return Stop.of(StopReason.STOP_REQUESTED, done);
                }
                continue;
            }
            boolean cas = atExit && casWatch != null && CompareAndSwap.is(code.read16(pc));
            int sp = cas ? raw(Unicorn.UC_M68K_REG_A7) : 0;
            if (cas && casWatch.stopBefore(pc, sp, statusRegister())) {
                return Stop.of(StopReason.BEFORE_CAS, done);
            }
            // With exact stops the budget ends where it ends; otherwise a block that could pass it is stepped.
            // While the steps go straight on through such a block, the rest of it is still too long: a
            // block starting there would hold at least the instructions left in it.
            boolean stillTooLong = pc > lastStep && pc < tooLongEnd;
            boolean wholeBlocks = !atExit && (gate.stopsExactly() || !stillTooLong && fitsInBudget(pc, runLimit - done));
            boolean stepping = !wholeBlocks && code != null;
            lastStep = stepping ? pc : -1;
            if (!stepping) {
                tooLongEnd = -1;
            }
            gate.arm(wholeBlocks ? runLimit - done : 1);
            if (stopRequested) {
                gate.close();
            }
            faultAddress = -1;
            resumeAt = UNKNOWN;
            // Outside RAM the fetch faults at once (or, from MMIO, QEMU runs single instructions anyway).
            exceptionsInsideBlocks = 0;
            context.forget();
            for (ClockRegisters clock : clocks) {
                clock.runStartsAfter(done);
            }
            int err = stepping ? blocks.runOne(pc, stillTooLong ? tooLongInstructions : 0) : blocks.run(pc);
            blocks.ran(gate.tripped() ? gate.stoppedAt() : -1, exceptionsInsideBlocks);
            context.forget();
            long started = gate.counted();
            guard.rethrowFailure();
            if (err != Unicorn.UC_ERR_OK) {
                return failure(err, done + started);
            }
            done += started;
            if (cas) {
                casWatch.executed(pc, sp, (context.conditionCodes() & CCR_Z) != 0);
            }
            if (gate.tripped()) {
                resumeAt = gate.stoppedAt();
                // Stopped before a block (not at the exact limit) that may let a waiting interrupt in.
                if (stopAtSrWrites && done < runLimit && blockWritesSr(resumeAt)) {
                    return Stop.of(StopReason.STOP_REQUESTED, done);
                }
            }
            // Nothing but STOP and exits ends a run by itself; a requested stop trips the gate, so a STOP
            // that ended the run is told apart from it.
            if (!gate.tripped() && (stepping ? code.read16(pc) == STOP_OPCODE : !atStandingExitNotAfterStop())) {
                return Stop.of(StopReason.STOP_INSTRUCTION, done);
            }
            if (stopRequested) {
                return Stop.of(StopReason.STOP_REQUESTED, done);
            }
        }
        return Stop.of(StopReason.COUNT_REACHED, done);
    }

    private boolean watchesCas(long pc) {
        return casWatch != null && ram.get(0).memory().contains(pc, 2);
    }

    /**
     * Makes every word of the block at {@code pc} that may be a CAS or CAS2
     * opcode a standing exit (where it starts an instruction, runs stop
     * before it; elsewhere the exit is never reached). The gate stops runs
     * before each block that holds such words, so each is seen here before it
     * first runs; the run's first block is this one.
     */
    private void stopBeforeCasCandidates(long pc) {
        NativeRam code = ramHolding(pc, TranslationBlocks.LOOKAHEAD);
        // Near the end of RAM the block cannot be asked for (see blockAt): its words are looked at one by one.
        long end = code == null ? pc + 2 : pc + blocks.blockAt(pc).bytes();
        NativeRam words = code == null ? ramHolding(pc, 2) : code;
        for (long at = pc; at < end && words.contains(at, 2); at += 2) {
            if (CompareAndSwap.mayBe(words.read16(at))) {
                blocks.addStandingExit(at);
            }
        }
    }

    /**
     * After a run that ended without the gate: whether it ended at a standing
     * exit rather than by a STOP. A STOP just before a CAS leaves PC at an
     * exit as well; the STOP's opcode four bytes back tells it apart.
     */
    private boolean atStandingExitNotAfterStop() {
        long pc = Integer.toUnsignedLong(raw(Unicorn.UC_M68K_REG_PC));
        NativeRam code = ramHolding(pc - 4, 4);
        return blocks.isStandingExit(pc) && (code == null || code.read16(pc - 4) != STOP_OPCODE);
    }

    /**
     * Whether the whole translation block at {@code pc} can run without
     * exceeding {@code budget} instructions; if it cannot, notes where it ends.
     */
    private boolean fitsInBudget(long pc, long budget) {
        if (ramHolding(pc, TranslationBlocks.LOOKAHEAD) == null) {
            return false;
        }
        TranslationBlocks.Block block = blocks.blockAt(pc);
        boolean fits = block.instructions() > 0 && block.instructions() <= budget;
        tooLongEnd = fits ? -1 : pc + block.bytes();
        tooLongInstructions = block.instructions();
        return fits;
    }

    /** The result for a run uc_emu_start ended with an error; a data fault leaves its instruction to run again. */
    private Stop failure(int err, long started) {
        StopReason reason = switch (err) {
            case Unicorn.UC_ERR_READ_UNMAPPED, Unicorn.UC_ERR_READ_PROT -> StopReason.READ_FAULT;
            case Unicorn.UC_ERR_WRITE_UNMAPPED, Unicorn.UC_ERR_WRITE_PROT -> StopReason.WRITE_FAULT;
            case Unicorn.UC_ERR_FETCH_UNMAPPED, Unicorn.UC_ERR_FETCH_PROT -> StopReason.FETCH_FAULT;
            case Unicorn.UC_ERR_INSN_INVALID -> StopReason.INVALID_INSTRUCTION;
            default -> StopReason.ERROR;
        };
        boolean dataFault = reason == StopReason.READ_FAULT || reason == StopReason.WRITE_FAULT;
        long address = dataFault || reason == StopReason.FETCH_FAULT ? faultAddress : -1;
        return new Stop(reason, dataFault ? started - 1 : started, address, Unicorn.uc_strerror(err));
    }

    private void onInterrupt(long engine, int intno, long userData) {
        // QEMU's translator ends a block after an RTE or a TRAP, which it raises itself.
        if (intno != ExceptionHandler.RTE && (intno < TRAP_VECTORS || intno >= TRAP_VECTORS + 16)) {
            exceptionsInsideBlocks++;
        }
        deliverException(intno);
    }

    private void deliverException(int intno) {
        CallbackGuard.Phase previous = guard.enter(CallbackGuard.Phase.EXCEPTION_HANDLER);
        context.forget();
        try {
            exceptionHandler.onException(intno);
        } catch (Throwable thrown) {
            guard.fail(thrown);
        } finally {
            guard.leave(previous);
            // The core goes on with what the handler wrote; a PC it wrote holds only until then.
            writes.flush();
            resumeAt = UNKNOWN;
        }
    }

    private boolean onMemoryFault(long engine, int type, long address, int size, long value, long userData) {
        faultAddress = address;
        return false;
    }

    private int stackPointer(Register which) {
        int sr = get(Register.SR);
        if (selects(sr, which)) {
            return raw(Unicorn.UC_M68K_REG_A7);
        }
        setRaw(Unicorn.UC_M68K_REG_SR, selecting(sr, which));
        int value = raw(Unicorn.UC_M68K_REG_A7);
        setRaw(Unicorn.UC_M68K_REG_SR, sr);
        return value;
    }

    private void setStackPointer(Register which, int value) {
        int sr = get(Register.SR);
        if (selects(sr, which)) {
            setRaw(Unicorn.UC_M68K_REG_A7, value);
            return;
        }
        setRaw(Unicorn.UC_M68K_REG_SR, selecting(sr, which));
        setRaw(Unicorn.UC_M68K_REG_A7, value);
        setRaw(Unicorn.UC_M68K_REG_SR, sr);
    }

    /** Whether SR makes {@code which} the active A7: USP in user mode, else ISP or MSP by SR.M. */
    private static boolean selects(int sr, Register which) {
        boolean supervisor = (sr & SR_S) != 0;
        boolean master = (sr & SR_M) != 0;
        return switch (which) {
            case USP -> !supervisor;
            case ISP -> supervisor && !master;
            default -> supervisor && master;
        };
    }

    /** {@code sr} changed to the mode whose A7 is {@code which}. */
    private static int selecting(int sr, Register which) {
        int rest = sr & ~(SR_S | SR_M);
        return switch (which) {
            case USP -> rest;
            case ISP -> rest | SR_S;
            default -> rest | SR_S | SR_M;
        };
    }

    /** Unicorn's id for a register it exposes (uc_m68k_reg, m68k.h). */
    private static int unicornId(Register which) {
        return switch (which) {
            case D0, D1, D2, D3, D4, D5, D6, D7 -> Unicorn.UC_M68K_REG_D0 + which.ordinal() - Register.D0.ordinal();
            case A0, A1, A2, A3, A4, A5, A6, A7 -> Unicorn.UC_M68K_REG_A0 + which.ordinal() - Register.A0.ordinal();
            case PC -> Unicorn.UC_M68K_REG_PC;
            case SR -> Unicorn.UC_M68K_REG_SR;
            default -> throw new IllegalArgumentException(which + " has no Unicorn register id");
        };
    }

    /** SR with its condition codes, as they are between runs of the core. */
    private int statusRegister() {
        return context.statusRegister();
    }

    /** PC between runs (inside a run, Unicorn's, which its hooks keep current). */
    private long programCounter() {
        return resumeAt != UNKNOWN ? resumeAt : Integer.toUnsignedLong(raw(Unicorn.UC_M68K_REG_PC));
    }

    private int raw(int id) {
        writes.flush();
        Unicorn.check(Unicorn.uc_reg_read(uc, id, register), "reading a register");
        return registerValue.getInt(0);
    }

    private void setRaw(int id, int value) {
        writes.add(id, value);
        if (id == Unicorn.UC_M68K_REG_SR) {
            context.srWritten(value);
        }
    }

    /** Power-on state: everything 0 but SR. */
    private void reset() {
        setRaw(Unicorn.UC_M68K_REG_SR, RESET_SR);
        for (Register which : Register.values()) {
            if (which != Register.SR) {
                set(which, 0);
            }
        }
    }

    private NativeRam ramHolding(long address, long length) {
        for (RamBlock block : ram) {
            if (block.memory().contains(address, length)) {
                return block.memory();
            }
        }
        return null;
    }

    private void requireMappable(long address, long size, long maxSize) {
        requireOpen();
        guard.requireIdle("mapping memory");
        if (size <= 0 || size > maxSize || address < 0 || address + size > ADDRESS_SPACE
                || address % Unicorn.PAGE_SIZE != 0 || size % Unicorn.PAGE_SIZE != 0) {
            throw new IllegalArgumentException(String.format(
                    "cannot map 0x%x bytes at 0x%x: address and size must be multiples of 4 KB inside"
                            + " the 32-bit address space, size at most 0x%x", size, address, maxSize));
        }
        Range wanted = new Range(address, address + size);
        for (Range range : mapped) {
            if (range.overlaps(wanted)) {
                throw new IllegalArgumentException(String.format(
                        "0x%x..0x%x overlaps 0x%x..0x%x, which is already mapped",
                        address, address + size, range.start(), range.end()));
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the CPU is closed");
        }
    }
}
