package org.quaject.runner.board;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.quaject.runner.device.VirtioChain;
import org.quaject.runner.device.VirtioContext;
import org.quaject.runner.device.VirtioDevice;
import org.quaject.runner.device.VirtioQueue;

/**
 * A virtio-blk disk (VIRTIO 1.x, 5.2) as QEMU 7.2's hw/block/virtio-blk.c
 * serves {@code -device virtio-blk-device} over a raw {@link DiskFile}, with
 * its defaults: one request queue of 256 entries, write cache on, discard
 * and write-zeroes on, no serial number.
 *
 * <p><b>Features</b> offered, exactly QEMU's (read off DeviceFeatures on this
 * machine): SEG_MAX, GEOMETRY, BLK_SIZE, FLUSH, TOPOLOGY, CONFIG_WCE, DISCARD,
 * WRITE_ZEROES, RING_F_INDIRECT_DESC, RING_F_EVENT_IDX, VERSION_1 and
 * RING_RESET. All of them work as in QEMU except RING_RESET, which
 * virtio-mmio in QEMU 7.2 offers without a register to use it by.
 *
 * <p><b>Config space</b>, {@value #CONFIG_LENGTH} bytes, as QEMU fills it:
 * capacity in sectors (the file rounded up to whole sectors, {@link DiskFile}),
 * seg_max 254, the geometry QEMU guesses from the disk's partition table or
 * size when it opens it, blk_size 512, topology 0, writeback (wce),
 * num_queues 1, discard and write-zeroes limits (0x3fffff sectors, one
 * segment, alignment 1, may_unmap 1). The driver can change wce by writing
 * it; and at DRIVER_OK, unless CONFIG_WCE was negotiated, wce becomes
 * whether FLUSH was (QEMU's rule for old drivers), so a driver that only
 * negotiates VERSION_1 reads 0 there.
 *
 * <p><b>Requests</b>: a 16-byte header (type, reserved, sector) in the
 * device-readable buffers, anything after it the data of a write; the last
 * byte of the device-writable buffers is the status, anything before it the
 * data of a read. The header and the data may be split over descriptors any
 * way. The type is read with bit 31 (the old BARRIER flag) cleared and, but
 * for the discard and write-zeroes types, bit 0 (OUT) telling a write:
 * <pre>
 * 0 IN, 1 OUT      sectors past the disk's end, or data not whole sectors: IOERR
 * 2, 3 (SCSI)      IOERR, or UNSUPP with at least 2 readable and 3 writable
 *                  buffers (then 255 goes into the first word of the last but one)
 * 4, 5 FLUSH       the file is forced to storage; OK
 * 8, 9 GET_ID      writes the empty serial number (one NUL byte) if there is room; OK
 * 11 DISCARD       checked and otherwise ignored, as with QEMU's default discard=ignore
 * 13 WRITE_ZEROES  writes zeros
 * anything else    UNSUPP
 * </pre>
 * The used ring entry's length is the size of all the device-writable
 * buffers (so 513 for a one-sector read, 1 for a write), whatever the result.
 *
 * <p><b>Time.</b> QEMU runs reads, writes, flushes, discards and write-zeroes
 * in its block layer and completes them later, in the order its I/O threads
 * finish them; requests it can answer at once (errors, GET_ID, UNSUPP) it
 * completes at the notification. The runner does every request when the
 * driver writes QueueNotify, so the used ring is up to date when that write
 * returns, and the run stays deterministic. It still puts chains on the used
 * ring in QEMU's usual order: those QEMU answers at once first, then the
 * others in the order they were taken; each completion interrupts the driver
 * unless it suppressed that. A driver that polls the used ring, or waits for
 * the interrupt, sees the same on both.
 */
public final class VirtioBlk implements VirtioDevice {
    /** What DeviceID reads for a block device. */
    public static final int DEVICE_ID = 2;
    /** The features QEMU 7.2 offers for a read-write virtio-blk-device, read off DeviceFeatures words 0 and 1. */
    public static final long FEATURES = 0x0000_0101_3000_6e54L;
    /** QEMU's config space size with discard and write-zeroes on: up to and including write_zeroes_may_unmap. */
    public static final int CONFIG_LENGTH = 0x39;
    /** The request queue's default size (QEMU's queue-size). */
    public static final int QUEUE_SIZE = 256;

    static final int T_IN = 0;
    static final int T_OUT = 1;
    static final int T_SCSI_CMD = 2;
    static final int T_FLUSH = 4;
    static final int T_GET_ID = 8;
    static final int T_DISCARD = 11;
    static final int T_WRITE_ZEROES = 13;
    static final int T_BARRIER = 0x8000_0000;
    static final int S_OK = 0;
    static final int S_IOERR = 1;
    static final int S_UNSUPP = 2;

    static final int F_FLUSH = 9;
    static final int F_CONFIG_WCE = 11;

    private static final int HEADER_BYTES = 16;
    private static final int SECTOR = DiskFile.SECTOR_BYTES;
    /** QEMU's BDRV_REQUEST_MAX_SECTORS: the most sectors of one request, and the discard and write-zeroes limit. */
    static final long MAX_SECTORS = 0x3f_ffffL;
    private static final int ID_BYTES = 20;
    private static final int SCSI_ERRORS = 255;
    private static final int WRITE_ZEROES_FLAG_UNMAP = 1;
    /** Bytes moved between the disk and guest memory at a time. */
    private static final int CHUNK = 64 * 1024;

    private final DiskFile disk;
    private final int cylinders;
    private final int heads;
    private final int sectorsPerTrack;
    private boolean writeCache = true;

    /** A disk over {@code disk}; its geometry is guessed from the disk's first sector now, as QEMU does at start. */
    public VirtioBlk(DiskFile disk) {
        this.disk = Objects.requireNonNull(disk, "disk");
        int[] geometry = guessGeometry();
        cylinders = geometry[0];
        heads = geometry[1];
        sectorsPerTrack = geometry[2];
    }

    /** The disk. */
    public DiskFile disk() {
        return disk;
    }

    /** Whether writeback caching is on, what the config space's wce byte reads. */
    public boolean writeCache() {
        return writeCache;
    }

    @Override
    public String name() {
        return "virtio-blk";
    }

    @Override
    public int deviceId() {
        return DEVICE_ID;
    }

    @Override
    public long features() {
        return FEATURES;
    }

    @Override
    public int configLength() {
        return CONFIG_LENGTH;
    }

    @Override
    public void readConfig(byte[] config, boolean bigEndian) {
        Arrays.fill(config, (byte) 0);
        VirtioMemory.putField(config, 0x00, Long.BYTES, disk.sectors(), bigEndian);
        VirtioMemory.putField(config, 0x0c, Integer.BYTES, QUEUE_SIZE - 2, bigEndian);
        VirtioMemory.putField(config, 0x10, Short.BYTES, cylinders, bigEndian);
        config[0x12] = (byte) heads;
        config[0x13] = (byte) sectorsPerTrack;
        VirtioMemory.putField(config, 0x14, Integer.BYTES, SECTOR, bigEndian);
        config[0x20] = (byte) (writeCache ? 1 : 0);
        VirtioMemory.putField(config, 0x22, Short.BYTES, 1, bigEndian);
        VirtioMemory.putField(config, 0x24, Integer.BYTES, MAX_SECTORS, bigEndian);
        VirtioMemory.putField(config, 0x28, Integer.BYTES, 1, bigEndian);
        VirtioMemory.putField(config, 0x2c, Integer.BYTES, 1, bigEndian);
        VirtioMemory.putField(config, 0x30, Integer.BYTES, MAX_SECTORS, bigEndian);
        VirtioMemory.putField(config, 0x34, Integer.BYTES, 1, bigEndian);
        config[0x38] = 1;
    }

    @Override
    public void writeConfig(byte[] config) {
        writeCache = config[0x20] != 0;
    }

    @Override
    public int queueSize(int index) {
        return QUEUE_SIZE;
    }

    @Override
    public void statusWritten(int status, long negotiated) {
        if ((status & VirtioTransport.STATUS_DRIVER_OK) != 0 && (negotiated & 1L << F_CONFIG_WCE) == 0) {
            writeCache = (negotiated & 1L << F_FLUSH) != 0;
        }
    }

    @Override
    public void reset() {
        writeCache = true;
    }

    /** QEMU's virtio_blk_handle_vq: every available request, then the completions it would make later. */
    @Override
    public void queueNotified(VirtioContext transport, int index) {
        VirtioQueue queue = transport.queue(index);
        List<Request> later = new ArrayList<>();
        do {
            queue.setNotification(false);
            for (VirtioChain element = queue.pop(); element != null; element = queue.pop()) {
                Request request = new Request(transport, queue, element);
                if (!request.handle(later)) {
                    queue.detach(element);
                    break;
                }
            }
            queue.setNotification(true);
        } while (!queue.isEmpty());
        for (Request request : later) {
            request.complete(request.status);
        }
    }

    /** One request: its chain, and where its status byte goes. */
    private final class Request {
        private final VirtioContext transport;
        private final VirtioQueue queue;
        private final VirtioChain element;
        private final boolean big;
        private int status;

        Request(VirtioContext transport, VirtioQueue queue, VirtioChain element) {
            this.transport = transport;
            this.queue = queue;
            this.element = element;
            this.big = transport.bigEndian();
        }

        /**
         * QEMU's virtio_blk_handle_request: completes the request now, or does
         * its I/O and adds it to {@code later}; false after a virtio_error.
         */
        boolean handle(List<Request> later) {
            if (element.readable().isEmpty() || element.writable().isEmpty()) {
                transport.fail("virtio-blk missing headers");
                return false;
            }
            if (element.readableLength() < HEADER_BYTES) {
                transport.fail("virtio-blk request outhdr too short");
                return false;
            }
            byte[] header = new byte[HEADER_BYTES];
            element.read(0, header, 0, HEADER_BYTES);
            int type = (int) VirtioMemory.field(header, 0, Integer.BYTES, big);
            long sector = VirtioMemory.field(header, 8, Long.BYTES, big);
            switch (type & ~(T_OUT | T_BARRIER)) {
                case T_IN -> readOrWrite((type & T_OUT) != 0, sector, later);
                case T_SCSI_CMD -> complete(scsi());
                case T_FLUSH -> {
                    status = io(disk::flush);
                    later.add(this);
                }
                case T_GET_ID -> {
                    if (element.writableLength() - 1 > 0) {
                        element.write(0, new byte[1], 0, 1);
                    }
                    complete(S_OK);
                }
                case T_DISCARD & ~T_OUT, T_WRITE_ZEROES & ~T_OUT -> {
                    return discardOrWriteZeroes(type, later);
                }
                default -> complete(S_UNSUPP);
            }
            return true;
        }

        private void readOrWrite(boolean write, long sector, List<Request> later) {
            long size = write ? element.readableLength() - HEADER_BYTES : element.writableLength() - 1;
            if (!rangeOk(sector, size)) {
                complete(S_IOERR);
                return;
            }
            long position = sector * SECTOR;
            status = io(() -> {
                byte[] chunk = new byte[(int) Math.min(size, CHUNK)];
                for (long done = 0; done < size; done += chunk.length) {
                    int length = (int) Math.min(chunk.length, size - done);
                    if (write) {
                        element.read(HEADER_BYTES + done, chunk, 0, length);
                        disk.write(position + done, chunk, 0, length);
                    } else {
                        disk.read(position + done, chunk, 0, length);
                        element.write(done, chunk, 0, length);
                    }
                }
            });
            later.add(this);
        }

        /** QEMU's virtio_blk_handle_scsi_req, for a device without SCSI passthrough. */
        private int scsi() {
            List<VirtioChain.Segment> writable = element.writable();
            if (element.readable().size() < 2 || writable.size() < 3) {
                return S_IOERR;
            }
            // virtio_scsi_inhdr.errors, written at the start of the last but one buffer without
            // looking at its length (so it may run into the next one).
            long inhdr = 0;
            for (int i = 0; i < writable.size() - 2; i++) {
                inhdr += writable.get(i).length();
            }
            byte[] errors = new byte[Integer.BYTES];
            VirtioMemory.putField(errors, 0, Integer.BYTES, SCSI_ERRORS, big);
            element.write(inhdr, errors, 0, errors.length);
            return S_UNSUPP;
        }

        private boolean discardOrWriteZeroes(int type, List<Request> later) {
            long outData = element.readableLength() - HEADER_BYTES;
            if ((type & T_OUT) == 0 || outData > HEADER_BYTES) {
                complete(S_UNSUPP);
                return true;
            }
            if (outData < HEADER_BYTES) {
                transport.fail("virtio-blk discard/write_zeroes header too short");
                return false;
            }
            byte[] range = new byte[HEADER_BYTES];
            element.read(HEADER_BYTES, range, 0, HEADER_BYTES);
            long sector = VirtioMemory.field(range, 0, Long.BYTES, big);
            long count = VirtioMemory.field(range, 8, Integer.BYTES, big);
            long flags = VirtioMemory.field(range, 12, Integer.BYTES, big);
            boolean writeZeroes = (type & ~T_BARRIER) == T_WRITE_ZEROES;
            if (count > MAX_SECTORS || !rangeOk(sector, count * SECTOR)) {
                complete(S_IOERR);
            } else if ((flags & ~WRITE_ZEROES_FLAG_UNMAP) != 0) {
                complete(S_UNSUPP);
            } else if (writeZeroes) {
                status = io(() -> disk.writeZeroes(sector * SECTOR, count * SECTOR));
                later.add(this);
            } else if ((flags & WRITE_ZEROES_FLAG_UNMAP) != 0) {
                complete(S_UNSUPP);
            } else {
                // QEMU's -drive default discard=ignore: the block layer does nothing, successfully.
                status = S_OK;
                later.add(this);
            }
            return true;
        }

        /** QEMU's virtio_blk_sect_range_ok. */
        private boolean rangeOk(long sector, long size) {
            long sectors = size >>> 9;
            if (sectors > MAX_SECTORS || size % SECTOR != 0) {
                return false;
            }
            long total = disk.sectors();
            return Long.compareUnsigned(sector, total) <= 0 && sectors <= total - sector;
        }

        /** QEMU's virtio_blk_req_complete: the status byte, the used ring, the interrupt. */
        void complete(int result) {
            element.write(element.writableLength() - 1, new byte[] {(byte) result}, 0, 1);
            queue.push(element, element.writableLength());
            queue.notifyDriver();
        }

        /** Runs disk I/O; an error of the host's file is an I/O error to the guest, as QEMU reports it. */
        private int io(DiskAction action) {
            try {
                action.run();
                return S_OK;
            } catch (IOException e) {
                transport.note("virtio-blk: I/O error on " + disk.file() + ": " + e.getMessage());
                return S_IOERR;
            }
        }
    }

    @FunctionalInterface
    private interface DiskAction {
        void run() throws IOException;
    }

    /**
     * QEMU's hd_geometry_guess for a disk file: from the first partition of an
     * MS-DOS partition table that ends on a cylinder boundary with at most 16
     * heads, else 16 heads, 63 sectors and as many cylinders as fit (2 to 16383).
     */
    private int[] guessGeometry() {
        long total = disk.sectors();
        int[] fromTable = partitionGeometry(total);
        if (fromTable != null && fromTable[1] <= 16) {
            return fromTable;
        }
        long cylinders = Math.max(2, Math.min(16383, total / (16 * 63)));
        return new int[] {(int) cylinders, 16, 63};
    }

    /** QEMU's guess_disk_lchs: cylinders, heads and sectors from the partition table, or null. */
    private int[] partitionGeometry(long total) {
        if (total == 0) {
            return null;
        }
        byte[] mbr = new byte[SECTOR];
        try {
            disk.read(0, mbr, 0, SECTOR);
        } catch (IOException e) {
            return null;
        }
        if ((mbr[510] & 0xff) != 0x55 || (mbr[511] & 0xff) != 0xaa) {
            return null;
        }
        for (int i = 0; i < 4; i++) {
            int entry = 0x1be + 16 * i;
            long sectorsInPartition = VirtioMemory.field(mbr, entry + 12, Integer.BYTES, false);
            int endHead = mbr[entry + 5] & 0xff;
            if (sectorsInPartition == 0 || endHead == 0) {
                continue;
            }
            int heads = endHead + 1;
            int sectors = mbr[entry + 6] & 63;
            if (sectors == 0) {
                continue;
            }
            long cylinders = total / ((long) heads * sectors);
            if (cylinders < 1 || cylinders > 16383) {
                continue;
            }
            return new int[] {(int) cylinders, heads, sectors};
        }
        return null;
    }
}
