/**
 * The device interface of the runner's board: what a device model is, what
 * it is given, and how plug-ins provide models (docs/devices.md, "Device
 * models and plug-ins").
 *
 * <ul>
 * <li>A model is a {@link org.quaject.runner.device.Device}, a register
 *     window at a fixed address ({@link org.quaject.runner.device.MmioDevice}
 *     helps with 32-bit registers), or a
 *     {@link org.quaject.runner.device.VirtioDevice} behind one of the
 *     board's virtio-mmio transports, which runs its queues
 *     ({@link org.quaject.runner.device.VirtioQueue},
 *     {@link org.quaject.runner.device.VirtioChain}). The board's own
 *     devices (PICs, RTCs, TTY, virt-ctrl, the transports, virtio-blk) are
 *     models of the same kinds.
 * <li>A model gets a {@link org.quaject.runner.device.DeviceContext}: its
 *     address, its {@link org.quaject.runner.device.InterruptLine}, the
 *     {@link org.quaject.runner.device.VirtualClock}, a
 *     {@link org.quaject.runner.device.Scheduler} for events at a guest time
 *     or after a number of instructions, and
 *     {@link org.quaject.runner.device.GuestMemory} for DMA.
 * <li>A {@link org.quaject.runner.device.DeviceProvider}, found by
 *     {@link java.util.ServiceLoader} in plug-in jars
 *     ({@link org.quaject.runner.device.DevicePlugins}), names a device type,
 *     says where it goes ({@link org.quaject.runner.device.Placement}) and
 *     what QEMU needs for the same device, and creates the model.
 * </ul>
 */
package org.quaject.runner.device;
