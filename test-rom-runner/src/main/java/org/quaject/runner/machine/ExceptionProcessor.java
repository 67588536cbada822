package org.quaject.runner.machine;

import java.nio.ByteBuffer;
import org.quaject.runner.device.GuestMemory;

/**
 * MC68030 exception processing, as the MC68030 User's Manual §8.1 lays it out:
 * copy SR, enter supervisor mode with tracing off (and the interrupt mask raised
 * for an interrupt), push a stack frame on the supervisor stack, fetch the new PC
 * from the vector table at VBR. RTE undoes it by the frame's format.
 *
 * <p>The runner builds two frame formats (UM §8.4): $0, four words (SR, PC,
 * format/vector offset), for traps, interrupts and instruction faults; and $2,
 * six words (the same, then the address of the instruction that caused it), for
 * the exceptions that complete their instruction: zero divide, CHK, TRAPcc/TRAPV,
 * trace. The master stack (M bit) is not modelled: the supervisor stack is
 * always the interrupt stack.
 */
public final class ExceptionProcessor {

    static final int FORMAT_0_BYTES = 8;
    static final int FORMAT_2_BYTES = 12;
    static final int FORMAT_THROWAWAY = 1;

    private final ProcessorState cpu;
    private final GuestMemory memory;
    /** The frame being stacked, big-endian as the 68030 stacks it; one for all, as exceptions come one at a time. */
    private final ByteBuffer frame = ByteBuffer.allocate(FORMAT_2_BYTES);
    /** Exceptions taken so far (RTE not counted). */
    private long taken;

    public ExceptionProcessor(ProcessorState cpu, GuestMemory memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    /**
     * Takes an exception with a format $0 frame.
     *
     * @param stackedPc the PC the handler returns to: the next instruction for
     *                  TRAP #n and interrupts, the faulting one for illegal
     *                  instructions, line A/F and privilege violations
     */
    public void takeFormat0(int vector, int stackedPc) throws DoubleFault {
        take(vector, Sr.interruptMask(cpu.sr()), FORMAT_0_BYTES, stackedPc, 0);
    }

    /**
     * Takes an exception with a format $2 frame.
     *
     * @param nextPc             the instruction after the one that caused it
     * @param instructionAddress the instruction that caused it
     */
    public void takeFormat2(int vector, int nextPc, int instructionAddress) throws DoubleFault {
        take(vector, Sr.interruptMask(cpu.sr()), FORMAT_2_BYTES, nextPc, instructionAddress);
    }

    /** How many exceptions have been taken so far; an RTE is not one. */
    public long taken() {
        return taken;
    }

    /**
     * Takes an autovectored interrupt of a level from 1 to 7 if the interrupt
     * mask lets it through (level 7 always does), raising the mask to its level.
     *
     * @return whether the interrupt was taken
     */
    public boolean takeInterrupt(int level) throws DoubleFault {
        if (level < 1 || level > 7) {
            throw new IllegalArgumentException("interrupt level " + level);
        }
        if (level != 7 && level <= Sr.interruptMask(cpu.sr())) {
            return false;
        }
        take(Vectors.AUTOVECTOR_BASE + level, level, FORMAT_0_BYTES, cpu.pc(), 0);
        return true;
    }

    /**
     * RTE: restores SR and PC from the frame on the supervisor stack and pops it.
     * A throwaway frame ($1) is popped and the frame under it is used. Any format
     * the runner does not build is a format error (vector 14, UM §8.1.7), taken
     * with the RTE's own address as the stacked PC.
     */
    public void returnFromException() throws DoubleFault {
        int sp = cpu.stackPointer();
        while (true) {
            requireStack(Vectors.FORMAT_ERROR, sp, FORMAT_0_BYTES);
            int format = memory.read16(sp + 6) >>> 12;
            int size = switch (format) {
                case 0, FORMAT_THROWAWAY -> FORMAT_0_BYTES;
                case 2 -> FORMAT_2_BYTES;
                default -> -1;
            };
            if (size < 0) {
                // The RTE is still the instruction at PC: the frame has not been popped.
                takeFormat0(Vectors.FORMAT_ERROR, cpu.pc());
                return;
            }
            requireStack(Vectors.FORMAT_ERROR, sp, size);
            int sr = memory.read16(sp);
            int pc = memory.read32(sp + 2);
            // Pop from the supervisor stack first: restoring SR may switch A7 to the user stack.
            cpu.setStackPointer(sp + size);
            cpu.setSr(sr);
            if (format != FORMAT_THROWAWAY) {
                cpu.setPc(pc);
                return;
            }
            sp = cpu.stackPointer();
        }
    }

    /**
     * Enters supervisor mode with tracing off and the given interrupt mask,
     * stacks a frame of {@code frameBytes} (format $0 or $2, by its size) on
     * the supervisor stack, and jumps through the vector. The frame goes to
     * RAM in one write, as the host's writes to RAM each cost the CPU core
     * a look for translated code there.
     */
    private void take(int vector, int interruptMask, int frameBytes, int stackedPc, int instructionAddress)
            throws DoubleFault {
        taken++;
        int oldSr = cpu.sr();
        int newSr = oldSr & ~(Sr.TRACE | Sr.MASTER | Sr.INTERRUPT_MASK) | Sr.SUPERVISOR
                | interruptMask << Sr.INTERRUPT_SHIFT;
        cpu.setSr(newSr);
        int sp = cpu.stackPointer() - frameBytes;
        requireStack(vector, sp, frameBytes);
        cpu.setStackPointer(sp);
        int format = frameBytes == FORMAT_2_BYTES ? 2 : 0;
        frame.clear();
        frame.putShort((short) oldSr).putInt(stackedPc).putShort((short) (format << 12 | vector * 4));
        if (format == 2) {
            frame.putInt(instructionAddress);
        }
        memory.write(Integer.toUnsignedLong(sp), frame.array(), 0, frameBytes);
        jumpThroughVector(vector);
    }

    private void jumpThroughVector(int vector) throws DoubleFault {
        long entry = Integer.toUnsignedLong(cpu.vbr()) + 4L * vector;
        if (!memory.contains(entry, 4)) {
            throw new DoubleFault(vector, String.format(
                    "vector %d is read from 0x%08x (VBR 0x%08x), which is not RAM", vector, entry, cpu.vbr()));
        }
        int handler = memory.read32(entry);
        if ((handler & 1) != 0) {
            throw new DoubleFault(vector, String.format("vector %d points to the odd address 0x%08x", vector, handler));
        }
        cpu.setPc(handler);
    }

    private void requireStack(int vector, int sp, int bytes) throws DoubleFault {
        if ((sp & 1) != 0 || !memory.contains(Integer.toUnsignedLong(sp), bytes)) {
            throw new DoubleFault(vector, String.format(
                    "the supervisor stack at 0x%08x is not in RAM (or is odd) while processing vector %d", sp, vector));
        }
    }
}
