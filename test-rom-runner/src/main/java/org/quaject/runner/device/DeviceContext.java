package org.quaject.runner.device;

/**
 * What the board gives a device model it creates ({@link DeviceProvider#create}):
 * where the device is, its interrupt line, guest time, events and RAM.
 */
public interface DeviceContext {
    /**
     * The guest address of the device's registers: the placement's address
     * for a {@link Placement.Fixed} device, the transport's for a virtio
     * device (its registers are the transport's; the device sees only its
     * config space).
     */
    long base();

    /**
     * The PIC input the device drives: the placement's line for a
     * {@link Placement.Fixed} device. A virtio device's line belongs to its
     * transport, which raises it when the device puts chains on a used ring
     * ({@link VirtioQueue#notifyDriver()}); the device does not drive it.
     */
    InterruptLine interruptLine();

    /** Guest time: it grows with executed instructions only, so runs are reproducible. */
    VirtualClock clock();

    /** Where the device schedules what it does later by itself. */
    Scheduler scheduler();

    /** Guest RAM, for DMA. */
    GuestMemory memory();
}
