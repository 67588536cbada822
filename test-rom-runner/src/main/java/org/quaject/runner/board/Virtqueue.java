package org.quaject.runner.board;

import java.util.List;
import org.quaject.runner.device.GuestErrorException;
import org.quaject.runner.device.VirtioChain;
import org.quaject.runner.device.VirtioQueue;

/**
 * One split virtqueue (VIRTIO 1.x, 2.7) as QEMU 7.2's virtio core runs it
 * (hw/virtio/virtio.c): the device's side of the descriptor table, the
 * driver ("avail") ring and the device ("used") ring in guest memory.
 *
 * <p>{@link #pop()} takes the next available chain and maps its buffers into
 * an {@link Element}, checking it as QEMU's {@code virtqueue_split_pop} does;
 * every problem it finds is a {@code virtio_error} ({@link VirtioTransport#fail}),
 * after which the device is broken and the pop returns nothing. Only the head
 * descriptor may be INDIRECT, as in QEMU (which honours it whether or not
 * VIRTIO_RING_F_INDIRECT_DESC was negotiated). {@link #push} puts a finished
 * chain on the used ring, and {@link #shouldNotify()} decides whether that
 * interrupts the driver: by VRING_AVAIL_F_NO_INTERRUPT, or with
 * VIRTIO_RING_F_EVENT_IDX by the used_event field.
 *
 * <p>The rings' lengths are fixed when the driver sets QueueReady (QEMU's
 * region caches); a ring that begins in RAM and ends outside it, or the other
 * way round, is a {@code virtio_error} then. A ring entirely outside RAM reads
 * as zeros and takes no writes. A ring access past the lengths fixed at
 * QueueReady (the driver made QueueNum larger afterwards) is an assertion
 * failure that aborts QEMU; here it is a {@link GuestErrorException}.
 */
final class Virtqueue implements VirtioQueue {
    /** QEMU's VIRTQUEUE_MAX_SIZE: what QueueNumMax reads, and the most buffers a chain may map. */
    static final int MAX_SIZE = 1024;

    static final int DESC_F_NEXT = 1;
    static final int DESC_F_WRITE = 2;
    static final int DESC_F_INDIRECT = 4;
    static final int AVAIL_F_NO_INTERRUPT = 1;
    static final int USED_F_NO_NOTIFY = 1;
    private static final int DESC_BYTES = 16;
    private static final int USED_ELEM_BYTES = 8;

    /** A chain taken from the available ring, and whether it holds the bounce buffer. */
    static final class Element extends VirtioChain {
        private boolean holdsBounce;

        Element(int head, VirtioChain.Memory memory) {
            super(head, memory);
        }
    }

    private final VirtioTransport transport;
    private final VirtioMemory memory;
    private final int defaultSize;

    private int num;
    private long desc;
    private long avail;
    private long used;
    private boolean mapped;
    private long descLength;
    private long availLength;
    private long usedLength;
    private int lastAvailIdx;
    private int shadowAvailIdx;
    private int usedIdx;
    private int inuse;
    private int signalledUsed;
    private boolean signalledUsedValid;
    private boolean notification = true;

    Virtqueue(VirtioTransport transport, VirtioMemory memory, int defaultSize) {
        this.transport = transport;
        this.memory = memory;
        this.defaultSize = defaultSize;
        this.num = defaultSize;
    }

    /** The number of entries: the device's default until the driver sets QueueNum. */
    int num() {
        return num;
    }

    /** The descriptor table's address, 0 until QueueReady; QEMU ignores notifications until then. */
    long descriptorTable() {
        return desc;
    }

    /** Chains popped and not yet pushed or detached. */
    int inUse() {
        return inuse;
    }

    /** QEMU's virtio_queue_set_num: ignored when it would make the queue exist or vanish, or is too large. */
    void setNum(long value) {
        if ((value != 0) != (num != 0) || value < 0 || value > MAX_SIZE) {
            return;
        }
        num = (int) value;
    }

    /** QEMU's virtio_queue_set_rings, at QueueReady. */
    void setRings(long descAddress, long availAddress, long usedAddress) {
        if (num == 0) {
            return;
        }
        desc = descAddress;
        avail = availAddress;
        used = usedAddress;
        mapRings();
    }

    /**
     * QEMU's virtio_init_region_cache: fixes the rings' lengths; a ring that
     * crosses the end of RAM is a virtio_error. Without a descriptor table
     * the queue has no rings.
     */
    void mapRings() {
        mapped = false;
        if (desc == 0) {
            return;
        }
        int event = transport.negotiated(VirtioTransport.F_EVENT_IDX) ? Short.BYTES : 0;
        long descSize = (long) DESC_BYTES * num;
        long usedSize = 4 + (long) USED_ELEM_BYTES * num + event;
        long availSize = 4 + (long) Short.BYTES * num + event;
        if (memory.straddlesRamEnd(desc, descSize)) {
            transport.fail("Cannot map desc");
        } else if (memory.straddlesRamEnd(used, usedSize)) {
            transport.fail("Cannot map used");
        } else if (memory.straddlesRamEnd(avail, availSize)) {
            transport.fail("Cannot map avail");
        } else {
            descLength = descSize;
            usedLength = usedSize;
            availLength = availSize;
            mapped = true;
        }
    }

    /** QEMU's __virtio_queue_reset, when the driver resets the device. */
    void reset() {
        desc = 0;
        avail = 0;
        used = 0;
        mapped = false;
        lastAvailIdx = 0;
        shadowAvailIdx = 0;
        usedIdx = 0;
        signalledUsed = 0;
        signalledUsedValid = false;
        notification = true;
        num = defaultSize;
        inuse = 0;
    }

    /** Whether the driver has made nothing available beyond what the device took (virtio_queue_empty). */
    @Override
    public boolean isEmpty() {
        if (transport.broken() || avail == 0) {
            return true;
        }
        if (shadowAvailIdx != lastAvailIdx) {
            return false;
        }
        return availIdx() == lastAvailIdx;
    }

    /**
     * QEMU's virtio_queue_set_notification: asks the driver not to notify
     * (or to notify again) through used.flags, or with EVENT_IDX the
     * avail_event field.
     */
    @Override
    public void setNotification(boolean enable) {
        notification = enable;
        if (desc == 0 || !mapped) {
            return;
        }
        if (transport.negotiated(VirtioTransport.F_EVENT_IDX)) {
            setAvailEvent(availIdx());
        } else {
            int flags = readUsed16(0);
            writeUsed16(0, enable ? flags & ~USED_F_NO_NOTIFY : flags | USED_F_NO_NOTIFY);
        }
    }

    /** Takes the next available chain, or returns null: none is there, or it is malformed (then the device fails). */
    @Override
    public Element pop() {
        if (isEmpty()) {
            return null;
        }
        if (inuse >= num) {
            transport.fail("Virtqueue size exceeded");
            return null;
        }
        if (!mapped) {
            lastAvailIdx = (lastAvailIdx + 1) & 0xffff;
            transport.fail("Region caches not initialized");
            return null;
        }
        int head = readAvail16(4 + (long) Short.BYTES * (lastAvailIdx % num));
        lastAvailIdx = (lastAvailIdx + 1) & 0xffff;
        if (head >= num) {
            transport.fail("Guest says index " + head + " is available");
            return null;
        }
        if (transport.negotiated(VirtioTransport.F_EVENT_IDX)) {
            setAvailEvent(lastAvailIdx);
        }
        if (descLength < (long) DESC_BYTES * num) {
            transport.fail("Cannot map descriptor ring");
            return null;
        }
        long table = desc;
        long max = num;
        Descriptor descriptor = readDescriptor(table, head);
        if ((descriptor.flags & DESC_F_INDIRECT) != 0) {
            if (descriptor.length == 0 || descriptor.length % DESC_BYTES != 0) {
                transport.fail("Invalid size for indirect buffer table");
                return null;
            }
            if (memory.straddlesRamEnd(descriptor.address, descriptor.length)) {
                transport.fail("Cannot map indirect buffer");
                return null;
            }
            table = descriptor.address;
            max = descriptor.length / DESC_BYTES;
            descriptor = readDescriptor(table, 0);
        }
        Element element = new Element(head, memory);
        long entries = 0;
        while (true) {
            if (!map(element, descriptor)) {
                unmap(element);
                return null;
            }
            if (++entries > max) {
                transport.fail("Looped descriptor");
                unmap(element);
                return null;
            }
            if ((descriptor.flags & DESC_F_NEXT) == 0) {
                break;
            }
            if (descriptor.next >= max) {
                transport.fail("Desc next is " + descriptor.next);
                unmap(element);
                return null;
            }
            descriptor = readDescriptor(table, descriptor.next);
        }
        inuse++;
        return element;
    }

    /** Gives a popped chain back unused (virtqueue_detach_element): nothing reaches the used ring. */
    @Override
    public void detach(VirtioChain chain) {
        inuse--;
        unmap(chain);
    }

    /**
     * Puts a finished chain on the used ring with {@code length} bytes
     * written (virtqueue_push). A broken device writes nothing there.
     */
    @Override
    public void push(VirtioChain chain, long length) {
        unmap(chain);
        if (transport.broken()) {
            inuse--;
            return;
        }
        long slot = (usedIdx % num);
        writeUsed32(4 + USED_ELEM_BYTES * slot, chain.head());
        writeUsed32(4 + USED_ELEM_BYTES * slot + Integer.BYTES, (int) length);
        int old = usedIdx;
        usedIdx = (usedIdx + 1) & 0xffff;
        writeUsed16(2, usedIdx);
        inuse--;
        if ((short) (usedIdx - signalledUsed) < ((usedIdx - old) & 0xffff)) {
            signalledUsedValid = false;
        }
    }

    @Override
    public void notifyDriver() {
        transport.notifyQueue(this);
    }

    /** Whether the driver wants an interrupt for what was just pushed (virtio_split_should_notify). */
    boolean shouldNotify() {
        if (!transport.negotiated(VirtioTransport.F_EVENT_IDX)) {
            return (availFlags() & AVAIL_F_NO_INTERRUPT) == 0;
        }
        boolean valid = signalledUsedValid;
        signalledUsedValid = true;
        int old = signalledUsed;
        signalledUsed = usedIdx;
        if (!valid) {
            return true;
        }
        int event = mapped ? readAvail16(4 + (long) Short.BYTES * num) : 0;
        return ((usedIdx - event - 1) & 0xffff) < ((usedIdx - old) & 0xffff);
    }

    private record Descriptor(long address, long length, int flags, int next) {
    }

    private Descriptor readDescriptor(long table, long index) {
        byte[] bytes = new byte[DESC_BYTES];
        memory.read(table + DESC_BYTES * index, bytes, 0, DESC_BYTES);
        boolean big = transport.bigEndian();
        return new Descriptor(VirtioMemory.field(bytes, 0, Long.BYTES, big),
                VirtioMemory.field(bytes, 8, Integer.BYTES, big),
                (int) VirtioMemory.field(bytes, 12, Short.BYTES, big),
                (int) VirtioMemory.field(bytes, 14, Short.BYTES, big));
    }

    /** QEMU's virtqueue_map_desc for one descriptor, after the order check of virtqueue_split_pop. */
    private boolean map(Element element, Descriptor descriptor) {
        boolean writable = (descriptor.flags & DESC_F_WRITE) != 0;
        if (!writable && !element.writable().isEmpty()) {
            transport.fail("Incorrect order for descriptors");
            return false;
        }
        List<VirtioChain.Segment> segments = writable ? element.writable() : element.readable();
        int maxSegments = writable ? MAX_SIZE - element.readable().size() : MAX_SIZE;
        if (descriptor.length == 0) {
            transport.fail("virtio: zero sized buffers are not allowed");
            return false;
        }
        long address = descriptor.address;
        long left = descriptor.length;
        while (left > 0) {
            if (segments.size() == maxSegments) {
                transport.fail("virtio: too many write descriptors in indirect table");
                return false;
            }
            int piece;
            boolean ram = memory.inRam(address);
            if (ram) {
                piece = (int) Math.min(left, memory.ramSize() - address);
            } else {
                if (!memory.takeBounce()) {
                    transport.fail("virtio: bogus descriptor or out of resources");
                    return false;
                }
                element.holdsBounce = true;
                piece = (int) Math.min(left, VirtioMemory.BOUNCE_BYTES);
            }
            segments.add(new VirtioChain.Segment(address, piece, ram));
            address += piece;
            left -= piece;
        }
        return true;
    }

    private void unmap(VirtioChain chain) {
        if (chain instanceof Element element && element.holdsBounce) {
            element.holdsBounce = false;
            memory.releaseBounce();
        }
    }

    private int availIdx() {
        if (!mapped) {
            return 0;
        }
        shadowAvailIdx = readAvail16(2);
        return shadowAvailIdx;
    }

    private int availFlags() {
        return mapped ? readAvail16(0) : 0;
    }

    private void setAvailEvent(int value) {
        if (mapped) {
            writeUsed16(4 + (long) USED_ELEM_BYTES * num, value);
        }
    }

    private int readAvail16(long offset) {
        requireCached("driver (avail)", availLength, offset, Short.BYTES);
        return memory.read16(avail + offset, transport.bigEndian());
    }

    private int readUsed16(long offset) {
        requireCached("device (used)", usedLength, offset, Short.BYTES);
        return memory.read16(used + offset, transport.bigEndian());
    }

    private void writeUsed16(long offset, int value) {
        requireCached("device (used)", usedLength, offset, Short.BYTES);
        memory.write16(used + offset, value, transport.bigEndian());
    }

    private void writeUsed32(long offset, int value) {
        requireCached("device (used)", usedLength, offset, Integer.BYTES);
        memory.write32(used + offset, value, transport.bigEndian());
    }

    private void requireCached(String ring, long length, long offset, int size) {
        if (!mapped || offset + size > length) {
            throw new GuestErrorException(String.format("%s: the %s ring is %d bytes long since QueueReady, but the"
                    + " queue now has %d entries and the device needs bytes %d..%d of it; QEMU 7.2 aborts on this"
                    + " (assertion in its ring cache). Set QueueNum before QueueReady", transport.name(), ring,
                    length, num, offset, offset + size - 1));
        }
    }
}
