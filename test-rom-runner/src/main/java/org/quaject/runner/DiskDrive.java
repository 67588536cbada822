package org.quaject.runner;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A raw disk file attached to the board as its first virtio-blk disk, at
 * virtio-mmio transport 127 ({@code 0xff01fe00}, PIC 5 line 32, CPU level 5),
 * where QEMU puts the first {@code -device virtio-blk-device}
 * (board-virt68030.md, "virtio-mmio").
 *
 * @param file     the disk's bytes, 512 to a sector; a last partial sector is part of the disk, read with
 *                 zeros after the file's end, as QEMU 7.2 counts it (its capacity is the file's length
 *                 rounded up to whole sectors, and writing that sector completes it in the file)
 * @param snapshot run on a copy: the guest's writes never reach {@code file}, as with QEMU's
 *                 {@code -drive ...,snapshot=on}
 */
public record DiskDrive(Path file, boolean snapshot) {

    public DiskDrive {
        Objects.requireNonNull(file, "file");
    }
}
