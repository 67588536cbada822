package org.quaject.runner.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quaject.runner.device.InterruptLine;

/**
 * A virtio-blk driver for tests, in Java: it drives transport 127 of a
 * {@link VirtioMmio} by address as the CPU would (swapping the
 * little-endian registers), and keeps one split queue of {@value #QN}
 * entries at fixed places in a 64 KB {@link ArrayGuestMemory}.
 */
final class VirtioDriver {
    static final int QN = 8;
    static final int RAM = 0x10000;
    static final long DESC = 0x1000;
    static final long AVAIL = 0x2000;
    static final long USED = 0x3000;
    static final long HEADER = 0x4000;
    static final long STATUS = 0x4100;
    static final long DATA = 0x8000;

    static final int MAGIC = 0x000;
    static final int VERSION = 0x004;
    static final int DEVICE_ID = 0x008;
    static final int VENDOR_ID = 0x00c;
    static final int DEVICE_FEATURES = 0x010;
    static final int DEVICE_FEATURES_SEL = 0x014;
    static final int DRIVER_FEATURES = 0x020;
    static final int DRIVER_FEATURES_SEL = 0x024;
    static final int QUEUE_SEL = 0x030;
    static final int QUEUE_NUM_MAX = 0x034;
    static final int QUEUE_NUM = 0x038;
    static final int QUEUE_READY = 0x044;
    static final int QUEUE_NOTIFY = 0x050;
    static final int INTERRUPT_STATUS = 0x060;
    static final int INTERRUPT_ACK = 0x064;
    static final int STATUS_REG = 0x070;
    static final int QUEUE_DESC_LOW = 0x080;
    static final int QUEUE_DRIVER_LOW = 0x090;
    static final int QUEUE_DEVICE_LOW = 0x0a0;
    static final int CONFIG_GENERATION = 0x0fc;
    static final int CONFIG = 0x100;

    static final int NEXT = 1;
    static final int WRITE = 2;
    static final int INDIRECT = 4;
    static final long VERSION_1 = 1L << 32;

    final ArrayGuestMemory ram = new ArrayGuestMemory(RAM);
    final List<Boolean> line = new ArrayList<>();
    final VirtioMmio mmio;
    private final int base = VirtioMmio.STRIDE * VirtioMmio.DISK_TRANSPORT;
    private int availIdx;
    boolean bigEndian;

    /** Transports with {@code disk} (if there) at 127, whose line the driver records. */
    VirtioDriver(Optional<DiskFile> disk) {
        mmio = new VirtioMmio(n -> new InterruptLine(line::add), ram, disk.map(VirtioBlk::new));
    }

    VirtioTransport transport() {
        return mmio.transport(VirtioMmio.DISK_TRANSPORT).orElseThrow();
    }

    /** The register at {@code offset} of transport 127, as the guest reads it after swapping. */
    int get(int offset) {
        return Integer.reverseBytes(mmio.read(base + offset, 4));
    }

    /** Writes {@code value} to the register at {@code offset} of transport 127, swapped as the guest does. */
    void set(int offset, int value) {
        mmio.write(base + offset, 4, Integer.reverseBytes(value));
    }

    /** Resets the device and brings it up with {@code features} and queue 0 of {@value #QN} entries. */
    int init(long features) {
        ram.write(DESC, new byte[0x3000], 0, 0x3000);
        availIdx = 0;
        bigEndian = (features & VERSION_1) == 0;
        set(STATUS_REG, 0);
        set(STATUS_REG, 3);
        set(DRIVER_FEATURES_SEL, 1);
        set(DRIVER_FEATURES, (int) (features >>> 32));
        set(DRIVER_FEATURES_SEL, 0);
        set(DRIVER_FEATURES, (int) features);
        set(STATUS_REG, 0xb);
        int status = get(STATUS_REG);
        set(QUEUE_SEL, 0);
        set(QUEUE_NUM, QN);
        set(QUEUE_DESC_LOW, (int) DESC);
        set(QUEUE_DRIVER_LOW, (int) AVAIL);
        set(QUEUE_DEVICE_LOW, (int) USED);
        set(QUEUE_READY, 1);
        set(STATUS_REG, 0xf);
        return status;
    }

    int init() {
        return init(VERSION_1);
    }

    void desc(int index, long address, int length, int flags, int next) {
        long at = DESC + 16L * index;
        put(at, 8, address);
        put(at + 8, 4, length);
        put(at + 12, 2, flags);
        put(at + 14, 2, next);
    }

    /** Makes {@code head} available (avail.idx + 1), without notifying. */
    void offer(int head) {
        put(AVAIL + 4 + 2L * (availIdx % QN), 2, head);
        availIdx = (availIdx + 1) & 0xffff;
        put(AVAIL + 2, 2, availIdx);
    }

    void kick() {
        set(QUEUE_NOTIFY, 0);
    }

    int usedIdx() {
        return (int) get(USED + 2, 2);
    }

    int usedId(int entry) {
        return (int) get(USED + 4 + 8L * (entry % QN), 4);
    }

    int usedLen(int entry) {
        return (int) get(USED + 4 + 8L * (entry % QN) + 4, 4);
    }

    /** The request header at {@code at}: type, reserved, sector. */
    void header(long at, int type, long sector) {
        put(at, 4, type);
        put(at + 4, 4, 0);
        put(at + 8, 8, sector);
    }

    /**
     * Header, {@code length} bytes of data at {@link #DATA} (none if 0; device-writable when
     * {@code writable}) and status byte at descriptors 0 to 2, offered and notified.
     *
     * @return the status byte, 0xee if the device did not write it
     */
    int request(int type, long sector, int length, boolean writable) {
        header(HEADER, type, sector);
        ram.write8(STATUS, 0xee);
        if (length > 0) {
            desc(0, HEADER, 16, NEXT, 1);
            desc(1, DATA, length, NEXT | (writable ? WRITE : 0), 2);
        } else {
            desc(0, HEADER, 16, NEXT, 2);
        }
        desc(2, STATUS, 1, WRITE, 0);
        offer(0);
        kick();
        return ram.read8(STATUS);
    }

    /** Acknowledges whatever InterruptStatus holds; returns it. */
    int ack() {
        int isr = get(INTERRUPT_STATUS);
        set(INTERRUPT_ACK, isr);
        return isr;
    }

    byte[] data(int length) {
        byte[] bytes = new byte[length];
        ram.read(DATA, bytes, 0, length);
        return bytes;
    }

    void data(byte[] bytes) {
        ram.write(DATA, bytes, 0, bytes.length);
    }

    /** A field of guest memory in the device's byte order. */
    void put(long address, int size, long value) {
        byte[] bytes = new byte[size];
        VirtioMemory.putField(bytes, 0, size, value, bigEndian);
        ram.write(address, bytes, 0, size);
    }

    long get(long address, int size) {
        byte[] bytes = new byte[size];
        ram.read(address, bytes, 0, size);
        return VirtioMemory.field(bytes, 0, size, bigEndian);
    }

    /** Whether the transport's line is high now. */
    boolean lineHigh() {
        return !line.isEmpty() && line.get(line.size() - 1);
    }
}
