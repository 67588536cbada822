/**
 * The devices of the virt68030 board, modelled after QEMU 7.2's so that an
 * image prints the same on the in-process runner as on QEMU
 * (docs: board-virt68030.md). {@link org.quaject.runner.board.Virt68030Board}
 * builds and wires them, and places the devices of plug-ins among them. Each
 * is a {@link org.quaject.runner.device.Device} the machine maps at its
 * address, the 128 virtio-mmio transports one window
 * ({@link org.quaject.runner.board.VirtioMmio}) whose devices are
 * {@link org.quaject.runner.device.VirtioDevice}s: a virtio-blk disk
 * ({@link org.quaject.runner.board.VirtioBlk} over a
 * {@link org.quaject.runner.board.DiskFile}) behind the last one when the run
 * has a disk, then the plug-ins' virtio devices. The interface they share,
 * time, interrupt lines, events and guest memory are in
 * {@link org.quaject.runner.device}.
 */
package org.quaject.runner.board;
