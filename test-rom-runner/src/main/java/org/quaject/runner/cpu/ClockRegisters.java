package org.quaject.runner.cpu;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A 64-bit count of guest time in a device's registers that the CPU core
 * reads by itself, without calling the device's {@link MmioHandler}: a
 * 4-byte read of the low half returns the count's low 32 bits and latches
 * its high half, which a 4-byte read of the high half then returns, as
 * goldfish-rtc's TIME_LOW and TIME_HIGH do (board-virt68030.md). The count
 * is {@code base + (instructions << shift)}, instructions counted from the
 * start of the current {@link Cpu#run}; whoever keeps the time sets the base
 * before each run and whenever the time is set. Other accesses, narrower
 * ones included, reach the handler as usual, but for one register whose
 * writes may wait: the core holds a 4-byte write of it, and the handler gets
 * it just before the device's next access (the goldfish-rtc's ALARM_HIGH,
 * which changes nothing until ALARM_LOW arms the alarm).
 *
 * <p>Why: a guest that keeps time reads both halves on every interrupt, and
 * re-arms its alarm in two halves, and a call from the core into Java costs
 * more than the rest of the access; the stress modes take an interrupt every
 * few dozen instructions.
 */
public final class ClockRegisters {
    // Byte offsets of the words NativeHooks' clock read function reads.
    static final int DEVICE_READ = 0;
    static final int COUNTED_ADDRESS = 8;
    static final int EARLIER_INSTRUCTIONS = 16;
    static final int BASE = 24;
    static final int LATCHED_HIGH = 32;
    static final int LOW_OFFSET = 40;
    static final int HIGH_OFFSET = 48;
    static final int SHIFT = 56;
    static final int DEVICE_WRITE = 64;
    static final int DEFERRED_OFFSET = 72;
    static final int DEFERRED_VALUE = 80;
    static final int DEFERRED_HELD = 88;
    private static final int WORDS = 12;

    private final Memory words = new Memory((long) WORDS * Long.BYTES);
    private final ByteBuffer view = words.getByteBuffer(0, words.size()).order(ByteOrder.nativeOrder());

    /**
     * @param deviceRead     the device's own read function, for every other access
     * @param deviceWrite    the device's own write function, for every write not deferred
     * @param countedAddress where the gate keeps the count of the core's current run
     * @param deferredOffset the register whose 4-byte writes the core holds for the device's next access, or -1
     */
    ClockRegisters(long deviceRead, long deviceWrite, long countedAddress, int lowOffset, int highOffset, int shift,
                   int deferredOffset) {
        if (shift < 0 || shift > 63) {
            throw new IllegalArgumentException("shift " + shift);
        }
        view.putLong(DEVICE_READ, deviceRead);
        view.putLong(DEVICE_WRITE, deviceWrite);
        view.putLong(DEFERRED_OFFSET, deferredOffset);
        view.putLong(DEFERRED_HELD, 0);
        view.putLong(COUNTED_ADDRESS, countedAddress);
        view.putLong(EARLIER_INSTRUCTIONS, 0);
        view.putLong(BASE, 0);
        view.putLong(LATCHED_HIGH, 0);
        view.putLong(LOW_OFFSET, lowOffset);
        view.putLong(HIGH_OFFSET, highOffset);
        view.putLong(SHIFT, shift);
    }

    /** Sets the count at the start of the current (or next) {@link Cpu#run}. */
    public void setBase(long count) {
        view.putLong(BASE, count);
    }

    /** The high half the last read of the low half latched. */
    public int latchedHigh() {
        return (int) view.getLong(LATCHED_HIGH);
    }

    /** Before each run of the core: the instructions the current {@link Cpu#run} executed before it. */
    void runStartsAfter(long instructions) {
        view.putLong(EARLIER_INSTRUCTIONS, instructions);
    }

    /**
     * Hands the device the write the core held, if there is one: called
     * before every access that reaches the device, so that it sees its
     * registers written in the guest's order.
     */
    void deliverDeferredWrite(MmioHandler device) {
        if (view.getLong(DEFERRED_HELD) != 0) {
            view.putLong(DEFERRED_HELD, 0);
            device.write((int) view.getLong(DEFERRED_OFFSET), Integer.BYTES, view.getLong(DEFERRED_VALUE));
        }
    }

    /** The words' address: the core's {@code user_data} for the read and write functions. */
    long address() {
        return Pointer.nativeValue(words);
    }
}
