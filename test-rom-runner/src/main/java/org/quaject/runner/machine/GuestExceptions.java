package org.quaject.runner.machine;

import java.util.Optional;
import java.util.function.IntSupplier;
import org.quaject.runner.cpu.Cpu;
import org.quaject.runner.cpu.ExceptionHandler;
import org.quaject.runner.device.GuestMemory;

/**
 * Turns what the CPU core reports into MC68030 exception processing. The core
 * (Unicorn 2.0.1 and 2.1.4) reports each exception before processing it, not always with
 * the PC the 68030 would stack; this class supplies what the manual says:
 * <ul>
 * <li>TRAP #n: reported at the TRAP; the frame ($0) holds the next instruction.
 * <li>Zero divide: reported at the divide; the frame ($2) holds the next
 *     instruction and the divide's address, so the divide's length is decoded.
 *     The divide clears C (DIVU/DIVS in the M68000 Family Programmer's
 *     Reference Manual; N, Z and V are undefined), which the core leaves as
 *     it was, so the runner clears it before stacking the SR.
 * <li>CHK: reported two bytes into the CHK, past its opcode word; the frame ($2)
 *     holds the next instruction and the CHK's address, so its length is decoded.
 * <li>TRAPV: the core does not know it and reports an illegal instruction;
 *     the runner executes it (vector 7, frame $2, when V is set). TRAPcc is
 *     executed the same way should it arrive, but neither core reports
 *     it: each decodes 0x50fa-0x5ffc as Scc with a PC-relative or
 *     immediate operand and runs that instead (the machine tests' trapcc
 *     fixture shows it).
 * <li>Illegal instruction, line A, line F, privilege violation: reported and
 *     stacked ($0) at the instruction itself.
 * <li>RTE: done by {@link ExceptionProcessor#returnFromException()}. When
 *     it lowers the interrupt mask below an interrupt the board asserts, the
 *     run stops before the next instruction, so that the machine takes that
 *     interrupt at once, as the 68030 does (UM 8.1.10: interrupts are
 *     recognized between instructions); with none waiting, the run goes on.
 *     An RTE that restores T1 stops the run too: the machine traces the
 *     instructions from there ({@link Machine}, trace).
 * </ul>
 * A failure of exception processing (a double fault) stops the CPU; the
 * machine reads it from {@link #doubleFault()}.
 */
public final class GuestExceptions implements ExceptionHandler {

    private final Cpu cpu;
    private final ProcessorState state;
    private final GuestMemory memory;
    private final ExceptionProcessor processor;
    private final IntSupplier interruptLevel;
    private DoubleFault doubleFault;
    /** Whether an RTE restored an SR with T1 since {@link #takeTracingStarted()} last looked. */
    private boolean tracingStarted;

    /** @param interruptLevel the interrupt level the board asserts now, 0 for none */
    public GuestExceptions(Cpu cpu, GuestMemory memory, IntSupplier interruptLevel) {
        this.cpu = cpu;
        this.interruptLevel = interruptLevel;
        this.state = new CpuState(cpu);
        this.memory = memory;
        this.processor = new ExceptionProcessor(state, memory);
    }

    /** The exception model, for interrupts, which the machine raises itself. */
    public ExceptionProcessor processor() {
        return processor;
    }

    /** The double fault that stopped the CPU, if one did. */
    public Optional<DoubleFault> doubleFault() {
        return Optional.ofNullable(doubleFault);
    }

    /**
     * Whether an RTE turned tracing on since the last call: the run then
     * stopped right after it, for the machine to trace from the next
     * instruction on.
     */
    public boolean takeTracingStarted() {
        boolean started = tracingStarted;
        tracingStarted = false;
        return started;
    }

    @Override
    public void onException(int intno) {
        try {
            process(intno);
        } catch (DoubleFault fault) {
            doubleFault = fault;
            cpu.requestStop();
        }
    }

    private void process(int intno) throws DoubleFault {
        if (intno == RTE) {
            int maskBefore = Sr.interruptMask(state.sr());
            processor.returnFromException();
            int sr = state.sr();
            int mask = Sr.interruptMask(sr);
            if (Sr.traces(sr)) {
                tracingStarted = true;
                cpu.requestStop();
            } else if (mask < maskBefore && interruptLevel.getAsInt() > mask) {
                cpu.requestStop();
            }
            return;
        }
        int pc = state.pc();
        if (intno >= Vectors.TRAP_BASE && intno < Vectors.TRAP_BASE + 16) {
            processor.takeFormat0(intno, pc + 2);
        } else if (intno == Vectors.ZERO_DIVIDE) {
            state.setSr(state.sr() & ~Sr.CARRY);
            processor.takeFormat2(intno, pc + lengthAt(pc), pc);
        } else if (intno == Vectors.CHK) {
            int chk = pc - 2;
            processor.takeFormat2(intno, chk + lengthAt(chk), chk);
        } else if (intno == Vectors.ILLEGAL_INSTRUCTION) {
            illegalInstruction(pc);
        } else {
            processor.takeFormat0(intno, pc);
        }
    }

    /** TRAPV and TRAPcc arrive as illegal instructions; everything else is one. */
    private void illegalInstruction(int pc) throws DoubleFault {
        Optional<InstructionLength.Decoded> decoded = InstructionLength.decode(memory, pc);
        boolean trap = decoded.map(d -> d.kind() == InstructionLength.Kind.TRAPV
                || d.kind() == InstructionLength.Kind.TRAPCC).orElse(false);
        if (!trap) {
            processor.takeFormat0(Vectors.ILLEGAL_INSTRUCTION, pc);
            return;
        }
        int next = pc + decoded.get().length();
        int condition = decoded.get().kind() == InstructionLength.Kind.TRAPV ? 9 : (memory.read16(pc) >>> 8) & 15;
        if (Conditions.holds(condition, state.sr())) {
            processor.takeFormat2(Vectors.TRAPV, next, pc);
        } else {
            state.setPc(next);
        }
    }

    /** The length of the divide or CHK at {@code address}; 2 if it cannot be decoded. */
    private int lengthAt(int address) {
        return InstructionLength.decode(memory, Integer.toUnsignedLong(address))
                .map(InstructionLength.Decoded::length).orElse(2);
    }
}
