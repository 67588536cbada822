package org.quaject.runner.board;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.quaject.runner.device.InterruptLine;
import org.quaject.runner.device.VirtioContext;
import org.quaject.runner.device.VirtioDevice;

/**
 * One virtio-mmio transport with a device behind it, as QEMU 7.2's
 * hw/virtio/virtio-mmio.c (modern, Version 2: the board forces it) and the
 * virtio core under it run it. Values pass as the device's little-endian
 * registers hold them; {@link VirtioMmio} swaps them for the big-endian CPU.
 *
 * <p>Registers (32-bit accesses only; a narrower one reads 0 and writes
 * nothing, as QEMU logs "wrong size access"):
 * <pre>
 * 0x000 MagicValue "virt"    0x004 Version 2         0x008 DeviceID
 * 0x00c VendorID "QEMU"      0x010 DeviceFeatures    0x014 DeviceFeaturesSel (0 or 1)
 * 0x020 DriverFeatures       0x024 DriverFeaturesSel 0x030 QueueSel (below 1024)
 * 0x034 QueueNumMax 1024, 0 for a queue the device lacks
 * 0x038 QueueNum             0x044 QueueReady        0x050 QueueNotify
 * 0x060 InterruptStatus      0x064 InterruptACK      0x070 Status
 * 0x080/84 QueueDesc         0x090/94 QueueDriver    0x0a0/a4 QueueDevice
 * 0x0b0/b4 SHMLen: all ones  0x0fc ConfigGeneration  0x100 config space, any width
 * </pre>
 * Write-only registers read 0; the legacy ones (GuestPageSize, QueueAlign,
 * QueuePFN) do nothing.
 *
 * <p>The driver's features take effect when it writes a Status with
 * FEATURES_OK (and only the device's own features; the others are dropped
 * silently); they cannot change again until a reset. Until VIRTIO_F_VERSION_1
 * is negotiated the device is a legacy one to QEMU, and on this big-endian
 * board its rings, request headers and config fields are big-endian
 * ({@link #bigEndian()}). Status 0 resets the device: status, features,
 * interrupt status, QueueSel and the queues' state in the device, but not
 * what the transport keeps of the driver's writes (QueueNum, the ring
 * addresses, DriverFeatures and the selectors; QueueReady reads 0 again).
 *
 * <p>The interrupt line is high while InterruptStatus is not 0. Bit 0 is set
 * when the device puts a chain on a used ring and the driver has not
 * suppressed it; InterruptACK clears bits.
 *
 * <p>A driver error QEMU detects ({@code virtio_error}: a malformed chain, a
 * ring that crosses the end of RAM...) breaks the device: with VERSION_1 the
 * status gets DEVICE_NEEDS_RESET (0x40) and, if DRIVER_OK was set, a config
 * change interrupt (InterruptStatus |= 3, ConfigGeneration + 1); from then on
 * notifications are ignored and the line no longer follows InterruptStatus,
 * until the driver resets the device. {@link #errors()} keeps QEMU's messages.
 */
final class VirtioTransport implements VirtioContext {
    static final int MAGIC = 0x7472_6976;
    static final int VERSION = 2;
    static final int VENDOR = 0x554d_4551;
    /** QEMU's VIRTIO_QUEUE_MAX: queue indexes QueueSel and QueueNotify accept. */
    static final int QUEUE_MAX = 1024;
    static final int CONFIG = 0x100;

    static final int STATUS_ACKNOWLEDGE = 1;
    static final int STATUS_DRIVER = 2;
    static final int STATUS_DRIVER_OK = 4;
    static final int STATUS_FEATURES_OK = 8;
    static final int STATUS_NEEDS_RESET = 0x40;

    static final int F_INDIRECT_DESC = 28;
    static final int F_EVENT_IDX = 29;
    static final int F_VERSION_1 = 32;

    static final int ISR_QUEUE = 1;
    static final int ISR_CONFIG = 2;

    private static final int MAGIC_VALUE = 0x000;
    private static final int VERSION_REG = 0x004;
    private static final int DEVICE_ID = 0x008;
    private static final int VENDOR_ID = 0x00c;
    private static final int DEVICE_FEATURES = 0x010;
    private static final int DEVICE_FEATURES_SEL = 0x014;
    private static final int DRIVER_FEATURES = 0x020;
    private static final int DRIVER_FEATURES_SEL = 0x024;
    private static final int QUEUE_SEL = 0x030;
    private static final int QUEUE_NUM_MAX = 0x034;
    private static final int QUEUE_NUM = 0x038;
    private static final int QUEUE_READY = 0x044;
    private static final int QUEUE_NOTIFY = 0x050;
    private static final int INTERRUPT_STATUS = 0x060;
    private static final int INTERRUPT_ACK = 0x064;
    private static final int STATUS = 0x070;
    private static final int QUEUE_DESC_LOW = 0x080;
    private static final int QUEUE_DESC_HIGH = 0x084;
    private static final int QUEUE_DRIVER_LOW = 0x090;
    private static final int QUEUE_DRIVER_HIGH = 0x094;
    private static final int QUEUE_DEVICE_LOW = 0x0a0;
    private static final int QUEUE_DEVICE_HIGH = 0x0a4;
    private static final int SHM_LEN_LOW = 0x0b0;
    private static final int SHM_LEN_HIGH = 0x0b4;
    private static final int CONFIG_GENERATION = 0x0fc;

    private final String name;
    private final VirtioDevice device;
    private final InterruptLine irq;
    private final VirtioMemory memory;
    private final Virtqueue[] queues;
    /** QEMU's vdev->config: the last config space read, which a config write changes and hands back. */
    private final byte[] config;
    private final List<String> errors = new ArrayList<>();

    // What the transport keeps of the driver's writes (VirtIOMMIOProxy).
    private int deviceFeaturesSel;
    private int driverFeaturesSel;
    private final int[] driverFeatures = new int[2];
    private final int[] queueNum = new int[QUEUE_MAX];
    private final boolean[] queueReady = new boolean[QUEUE_MAX];
    private final long[] queueDesc = new long[QUEUE_MAX];
    private final long[] queueDriver = new long[QUEUE_MAX];
    private final long[] queueDevice = new long[QUEUE_MAX];

    // The device's state in the virtio core (VirtIODevice).
    private int status;
    private int isr;
    private int generation;
    private int queueSel;
    private long negotiated;
    private boolean broken;

    VirtioTransport(String name, VirtioDevice device, InterruptLine irq, VirtioMemory memory) {
        this.name = Objects.requireNonNull(name, "name");
        this.device = Objects.requireNonNull(device, "device");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.queues = new Virtqueue[device.queueCount()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new Virtqueue(this, memory, device.queueSize(i));
        }
        this.config = new byte[device.configLength()];
    }

    /** For messages: the device and where it is. */
    String name() {
        return name;
    }

    VirtioDevice device() {
        return device;
    }

    /** Queue {@code index} of the device. */
    @Override
    public Virtqueue queue(int index) {
        return queues[index];
    }

    /** The DMA view the device's queues use. */
    VirtioMemory memory() {
        return memory;
    }

    /** What Status reads. */
    int status() {
        return status;
    }

    /** What InterruptStatus reads. */
    int interruptStatus() {
        return isr;
    }

    /** Whether a virtio_error stopped the device until the driver resets it. */
    boolean broken() {
        return broken;
    }

    /** The features the driver and the device agreed on at FEATURES_OK. */
    @Override
    public long negotiated() {
        return negotiated;
    }

    boolean negotiated(int bit) {
        return (negotiated & 1L << bit) != 0;
    }

    /** The byte order of ring fields, request headers and config fields: big-endian until VERSION_1. */
    @Override
    public boolean bigEndian() {
        return !negotiated(F_VERSION_1);
    }

    /** The virtio_error messages so far, oldest first, as QEMU prints them on standard error, and host I/O errors. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * A register or config read of {@code size} bytes at {@code offset} in the transport's window.
     *
     * @return the value as the little-endian register holds it, in the low {@code size} bytes
     */
    int read(int offset, int size) {
        if (offset >= CONFIG) {
            return readConfig(offset - CONFIG, size);
        }
        if (size != Integer.BYTES) {
            return 0;
        }
        return switch (offset) {
            case MAGIC_VALUE -> MAGIC;
            case VERSION_REG -> VERSION;
            case DEVICE_ID -> device.deviceId();
            case VENDOR_ID -> VENDOR;
            case DEVICE_FEATURES -> (int) (device.features() >>> (Integer.SIZE * deviceFeaturesSel));
            case QUEUE_NUM_MAX -> queueSel < queues.length && queues[queueSel].num() != 0 ? Virtqueue.MAX_SIZE : 0;
            case QUEUE_READY -> queueReady[queueSel] ? 1 : 0;
            case INTERRUPT_STATUS -> isr;
            case STATUS -> status;
            case CONFIG_GENERATION -> generation;
            case SHM_LEN_LOW, SHM_LEN_HIGH -> -1;
            default -> 0;
        };
    }

    /** A register or config write; {@code value} as the little-endian register takes it. */
    void write(int offset, int size, int value) {
        if (offset >= CONFIG) {
            writeConfig(offset - CONFIG, size, value);
            return;
        }
        if (size != Integer.BYTES) {
            return;
        }
        long unsigned = Integer.toUnsignedLong(value);
        switch (offset) {
            case DEVICE_FEATURES_SEL -> deviceFeaturesSel = value != 0 ? 1 : 0;
            case DRIVER_FEATURES -> driverFeatures[driverFeaturesSel] = value;
            case DRIVER_FEATURES_SEL -> driverFeaturesSel = value != 0 ? 1 : 0;
            case QUEUE_SEL -> {
                if (unsigned < QUEUE_MAX) {
                    queueSel = value;
                }
            }
            case QUEUE_NUM -> {
                if (queueSel < queues.length) {
                    queues[queueSel].setNum(unsigned);
                }
                // QEMU keeps it in 16 bits and applies that at QueueReady.
                queueNum[queueSel] = value & 0xffff;
            }
            case QUEUE_READY -> queueReady(value != 0);
            case QUEUE_NOTIFY -> {
                if (unsigned < QUEUE_MAX) {
                    notifyQueue(value);
                }
            }
            case INTERRUPT_ACK -> {
                isr &= ~value;
                updateIrq();
            }
            case STATUS -> writeStatus(value);
            case QUEUE_DESC_LOW -> queueDesc[queueSel] = Halves.withLow(queueDesc[queueSel], value);
            case QUEUE_DESC_HIGH -> queueDesc[queueSel] = Halves.withHigh(queueDesc[queueSel], value);
            case QUEUE_DRIVER_LOW -> queueDriver[queueSel] = Halves.withLow(queueDriver[queueSel], value);
            case QUEUE_DRIVER_HIGH -> queueDriver[queueSel] = Halves.withHigh(queueDriver[queueSel], value);
            case QUEUE_DEVICE_LOW -> queueDevice[queueSel] = Halves.withLow(queueDevice[queueSel], value);
            case QUEUE_DEVICE_HIGH -> queueDevice[queueSel] = Halves.withHigh(queueDevice[queueSel], value);
            default -> {
                // Read-only, legacy or unknown: QEMU logs it and does nothing.
            }
        }
    }

    /**
     * QEMU's virtio_error: the driver broke the rules. The device stops until
     * the driver resets it, and says so with DEVICE_NEEDS_RESET.
     */
    @Override
    public void fail(String message) {
        errors.add(message);
        if (negotiated(F_VERSION_1)) {
            status |= STATUS_NEEDS_RESET;
            notifyConfig();
        }
        broken = true;
    }

    /** A problem worth reporting that is not the driver's fault (the host's file failed): kept in {@link #errors()}. */
    @Override
    public void note(String message) {
        errors.add(message);
    }

    /** After the device put chains on {@code queue}'s used ring: interrupts the driver unless it said not to. */
    void notifyQueue(Virtqueue queue) {
        if (queue.shouldNotify()) {
            isr |= ISR_QUEUE;
            updateIrq();
        }
    }

    private void notifyQueue(int index) {
        if (broken || index >= queues.length || queues[index].descriptorTable() == 0) {
            return;
        }
        device.queueNotified(this, index);
    }

    private void notifyConfig() {
        if ((status & STATUS_DRIVER_OK) == 0) {
            return;
        }
        isr |= ISR_QUEUE | ISR_CONFIG;
        generation++;
        updateIrq();
    }

    /** QEMU's virtio_notify_vector: the line follows InterruptStatus, unless the device is broken. */
    private void updateIrq() {
        if (!broken) {
            irq.set(isr != 0);
        }
    }

    private void queueReady(boolean ready) {
        if (!ready) {
            queueReady[queueSel] = false;
            return;
        }
        if (queueSel < queues.length) {
            Virtqueue queue = queues[queueSel];
            queue.setNum(queueNum[queueSel]);
            queue.setRings(queueDesc[queueSel], queueDriver[queueSel], queueDevice[queueSel]);
        }
        queueReady[queueSel] = true;
    }

    private void writeStatus(int value) {
        if ((value & STATUS_FEATURES_OK) != 0) {
            setFeatures(Integer.toUnsignedLong(driverFeatures[1]) << Integer.SIZE
                    | Integer.toUnsignedLong(driverFeatures[0]));
        }
        int newStatus = value & 0xff;
        device.statusWritten(newStatus, negotiated);
        status = newStatus;
        if (status == 0) {
            reset();
        }
    }

    /** QEMU's virtio_set_features: once per reset, and only features the device has. */
    private void setFeatures(long features) {
        if ((status & STATUS_FEATURES_OK) != 0) {
            return;
        }
        negotiated = features & device.features();
        if (negotiated(F_EVENT_IDX)) {
            // The rings grow by their event fields.
            for (Virtqueue queue : queues) {
                if (queue.num() != 0) {
                    queue.mapRings();
                }
            }
        }
    }

    /** QEMU's virtio_reset by the driver, with virtio-mmio's soft reset. */
    private void reset() {
        device.statusWritten(0, negotiated);
        device.reset();
        broken = false;
        negotiated = 0;
        queueSel = 0;
        status = 0;
        isr = 0;
        updateIrq();
        for (Virtqueue queue : queues) {
            queue.reset();
        }
        Arrays.fill(queueReady, false);
    }

    private int readConfig(int offset, int size) {
        if (offset + size > config.length) {
            return -1;
        }
        device.readConfig(config, bigEndian());
        return (int) VirtioMemory.field(config, offset, size, false);
    }

    private void writeConfig(int offset, int size, int value) {
        if (offset + size > config.length) {
            return;
        }
        VirtioMemory.putField(config, offset, size, value, false);
        device.writeConfig(config);
    }
}
