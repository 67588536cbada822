/**
 * The devices of the virt68030 board, modelled after QEMU 7.2's so that an
 * image prints the same on the in-process runner as on QEMU
 * (docs: board-virt68030.md). {@link org.quaject.runner.board.Virt68030Board}
 * builds and wires them; each device is an
 * {@link org.quaject.runner.board.MmioDevice} the machine maps at its address,
 * but for the 128 virtio-mmio transports, whose little-endian registers
 * {@link org.quaject.runner.board.VirtioMmio} maps as one window, with a
 * virtio-blk disk ({@link org.quaject.runner.board.VirtioBlk} over a
 * {@link org.quaject.runner.board.DiskFile}) behind the last one when the run
 * has a disk.
 * Time is instruction-driven ({@link org.quaject.runner.board.VirtualClock}),
 * RAM is reached through {@link org.quaject.runner.board.GuestMemory}, and
 * where QEMU would abort on a guest's request the device throws a
 * {@link org.quaject.runner.board.GuestErrorException} instead.
 */
package org.quaject.runner.board;
