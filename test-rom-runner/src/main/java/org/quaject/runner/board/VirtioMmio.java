package org.quaject.runner.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.quaject.runner.device.Device;
import org.quaject.runner.device.GuestMemory;
import org.quaject.runner.device.InterruptLine;
import org.quaject.runner.device.VirtioDevice;

/**
 * The board's 128 virtio-mmio transports, {@value #STRIDE} bytes each from
 * {@code 0xff010000} (board-virt68030.md, "virtio-mmio"), as one window of
 * {@value #SIZE} bytes. Transport n interrupts through goldfish-pic
 * 2 + n/32, IRQ #(n mod 32) + 1, CPU level 2 + n/32.
 *
 * <p>QEMU 7.2 creates all 128 and fills them from the last one down, in the
 * order of its {@code -device} options, so the first virtio device (the
 * disk, when the run has one) is at transport {@value #DISK_TRANSPORT}
 * ({@code 0xff01fe00}, PIC 5 IRQ #32, level 5), the next at 126, and so on;
 * the board places its devices the same way.
 * A transport with nothing behind it reads MagicValue "virt", Version 2,
 * VendorID "QEMU" and 0 everywhere else (DeviceID 0: no device), and ignores
 * writes.
 *
 * <p><b>Byte order.</b> The registers are little-endian and the board does
 * not swap them for the big-endian CPU (QEMU's {@code DEVICE_LITTLE_ENDIAN}
 * region): the CPU reads the register's bytes in address order, so a
 * {@code move.l} of MagicValue reads {@code 0x76697274} and the guest swaps
 * every value in software. Config space reads like memory: each byte at its
 * offset, whatever the access width.
 *
 * <p><b>Access widths.</b> Any width reaches the transport, as QEMU's region
 * has no minimum. With a device, a register access narrower than 32 bits reads
 * 0 and writes nothing (QEMU logs a wrong-size access), while config space
 * takes bytes, words and long words. Without a device, a narrow read of
 * MagicValue, Version or VendorID gives that register's low bytes, swapped
 * (a byte read of MagicValue is {@code 0x76}). An access not aligned to its
 * width is refused (reads 0), as by QEMU's memory core; the CPU splits
 * unaligned accesses before they get here anyway ({@link Device}).
 */
public final class VirtioMmio implements Device {
    /** Where transport 0 is. */
    public static final long BASE = 0xff01_0000L;
    /** Bytes of each transport's window. */
    public static final int STRIDE = 0x200;
    /** Transports on the board. */
    public static final int TRANSPORTS = 128;
    /** Bytes of the whole region. */
    public static final int SIZE = STRIDE * TRANSPORTS;
    /** The transport QEMU gives the first virtio device: the last one. */
    public static final int DISK_TRANSPORT = TRANSPORTS - 1;

    private final VirtioTransport[] transports = new VirtioTransport[TRANSPORTS];

    /**
     * The transports, with {@code disk} behind transport {@value #DISK_TRANSPORT} if it is there.
     *
     * @param lines  the interrupt line of transport n
     * @param memory the RAM the devices reach by DMA
     */
    public VirtioMmio(IntFunction<InterruptLine> lines, GuestMemory memory, Optional<VirtioBlk> disk) {
        this(lines, memory, disk.<List<VirtioDevice>>map(List::of).orElse(List.of()));
    }

    /**
     * The transports, with {@code devices} behind them in order from the last
     * transport down, as QEMU places its {@code -device}s.
     *
     * @param lines  the interrupt line of transport n
     * @param memory the RAM the devices reach by DMA
     * @throws IllegalArgumentException for more than {@value #TRANSPORTS} devices
     */
    public VirtioMmio(IntFunction<InterruptLine> lines, GuestMemory memory, List<VirtioDevice> devices) {
        Objects.requireNonNull(lines, "lines");
        if (devices.size() > TRANSPORTS) {
            throw new IllegalArgumentException("the board has " + TRANSPORTS + " virtio-mmio transports, not "
                    + devices.size());
        }
        VirtioMemory dma = new VirtioMemory(memory);
        for (int i = 0; i < devices.size(); i++) {
            int index = transportOf(i);
            VirtioDevice device = devices.get(i);
            transports[index] = new VirtioTransport(
                    String.format("%s at transport %d (0x%08x)", device.name(), index, address(index)),
                    device, lines.apply(index), dma);
        }
    }

    /** The transport of the {@code n}-th virtio device (from 0), as QEMU fills them: 127, 126, ... */
    public static int transportOf(int n) {
        Objects.checkIndex(n, TRANSPORTS);
        return TRANSPORTS - 1 - n;
    }

    /** The guest address of transport {@code index}. */
    public static long address(int index) {
        Objects.checkIndex(index, TRANSPORTS);
        return BASE + (long) STRIDE * index;
    }

    /** For messages. */
    @Override
    public String name() {
        return "virtio-mmio";
    }

    /** The guest address of the region. */
    @Override
    public long base() {
        return BASE;
    }

    /** The bytes of the region. */
    @Override
    public int size() {
        return SIZE;
    }

    /** The disk's device, if one is attached. */
    public Optional<VirtioBlk> disk() {
        VirtioTransport transport = transports[DISK_TRANSPORT];
        return transport != null && transport.device() instanceof VirtioBlk blk ? Optional.of(blk) : Optional.empty();
    }

    /** The device behind transport {@code index}, if any. */
    public Optional<VirtioDevice> device(int index) {
        return transport(index).map(VirtioTransport::device);
    }

    /** The transport with a device at {@code index}, for tests and reports. */
    Optional<VirtioTransport> transport(int index) {
        return Optional.ofNullable(transports[Objects.checkIndex(index, TRANSPORTS)]);
    }

    /** What the devices reported (QEMU's virtio_error messages, host I/O errors), each with its device. */
    public List<String> errors() {
        List<String> all = new ArrayList<>();
        for (VirtioTransport transport : transports) {
            if (transport != null) {
                transport.errors().forEach(error -> all.add(transport.name() + ": " + error));
            }
        }
        return all;
    }

    /**
     * A guest load.
     *
     * @param offset from {@link #BASE}
     * @param size   1, 2 or 4 bytes
     * @return the value the CPU receives, right-aligned
     */
    @Override
    public int read(int offset, int size) {
        if (!accepts(offset, size)) {
            return 0;
        }
        VirtioTransport transport = transports[offset / STRIDE];
        int at = offset % STRIDE;
        int value = transport == null ? emptyRegister(at) : transport.read(at, size);
        return swap(value, size);
    }

    /**
     * A guest store.
     *
     * @param offset from {@link #BASE}
     * @param size   1, 2 or 4 bytes
     * @param value  the value stored, right-aligned; bits above {@code size} bytes are ignored
     */
    @Override
    public void write(int offset, int size, int value) {
        if (!accepts(offset, size)) {
            return;
        }
        VirtioTransport transport = transports[offset / STRIDE];
        if (transport != null) {
            transport.write(offset % STRIDE, size, swap(value, size));
        }
    }

    /** What QEMU's transport without a device answers, at any width. */
    private static int emptyRegister(int offset) {
        return switch (offset) {
            case 0x000 -> VirtioTransport.MAGIC;
            case 0x004 -> VirtioTransport.VERSION;
            case 0x00c -> VirtioTransport.VENDOR;
            default -> 0;
        };
    }

    /** The low {@code size} bytes of {@code value} in the other byte order: QEMU's adjust_endianness. */
    private static int swap(int value, int size) {
        return switch (size) {
            case 1 -> value & 0xff;
            case 2 -> Short.toUnsignedInt(Short.reverseBytes((short) value));
            default -> Integer.reverseBytes(value);
        };
    }

    private static boolean accepts(int offset, int size) {
        return (size == 1 || size == 2 || size == Integer.BYTES)
                && offset >= 0 && offset % size == 0 && offset <= SIZE - size;
    }
}
