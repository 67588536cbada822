package org.quaject.runner.device;

/**
 * A {@link Device} with a 64-bit nanosecond time in two 32-bit registers,
 * low half then high half, that grows with guest time: the goldfish-rtc's
 * TIME_LOW and TIME_HIGH. Guests read such a clock in tight loops, so the
 * machine lets the CPU core read these two registers by itself, without
 * calling the device: it gives the core the time at the start of each slice
 * of execution and the core adds 2<sup>{@link VirtualClock#SHIFT}</sup> ns an
 * instruction. A read of the low half latches the high half, which the next
 * read of the high half returns. Every other register goes through
 * {@link Device#read} and {@link Device#write} as usual; after every write to
 * the device the machine asks {@link #time()} again, since a write may set it.
 */
public interface TimeRegisters {
    /** The offset of the low half, which latches the high half. */
    int timeLowOffset();

    /** The offset of the high half. */
    int timeHighOffset();

    /** The time the registers read now, in ns. */
    long time();

    /**
     * A register whose write changes nothing the machine sees until the
     * device's next access, so that the core may hold a 4-byte write of it
     * and hand it to {@link Device#write} just before that access, in the
     * guest's order: the goldfish-rtc's ALARM_HIGH, which the guest writes
     * before ALARM_LOW arms the alarm. Its reads still reach the device,
     * after the held write. -1, the default, for none.
     */
    default int deferrableWriteOffset() {
        return -1;
    }
}
