package org.quaject.runner.board;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.quaject.runner.device.Device;
import org.quaject.runner.device.DeviceContext;
import org.quaject.runner.device.DeviceModel;
import org.quaject.runner.device.DeviceProvider;
import org.quaject.runner.device.EventQueue;
import org.quaject.runner.device.GuestErrorException;
import org.quaject.runner.device.GuestMemory;
import org.quaject.runner.device.InterruptLine;
import org.quaject.runner.device.Placement;
import org.quaject.runner.device.Scheduler;
import org.quaject.runner.device.VirtioDevice;
import org.quaject.runner.device.VirtualClock;

/**
 * The devices of QEMU's {@code virt} m68k machine, at their addresses and
 * wired as board-virt68030.md lists them:
 * <pre>
 * 0xff000000 + 0x1000·i  goldfish-pic #(i+1), i = 0..5, drives CPU level i+1
 * 0xff006000             goldfish-rtc #0   PIC 6 IRQ #1
 * 0xff007000             goldfish-rtc #1   PIC 6 IRQ #2
 * 0xff008000             goldfish-tty      PIC 1 IRQ #32
 * 0xff009000             virt-ctrl         PIC 1 IRQ #1 (never raised)
 * 0xff010000 + 0x200·n   virtio-mmio transport n = 0..127, PIC 2 + n/32 IRQ #(n mod 32)+1
 * </pre>
 * All 128 virtio-mmio transports are there ({@link VirtioMmio}), as on QEMU:
 * without a device they answer MagicValue "virt", Version 2 and DeviceID 0.
 * A disk, when the run has one, is a virtio-blk device ({@link VirtioBlk}) at
 * transport 127 ({@code 0xff01fe00}, PIC 5 IRQ #32, CPU level 5), where QEMU
 * puts the first virtio device; it does each request when the driver writes
 * QueueNotify, so the disk adds no device events.
 *
 * <p>Devices of plug-ins ({@link DeviceProvider}) join them: a
 * {@link Placement.Fixed} one at its address and line, which must be free,
 * a virtio one behind the next free transport, from 126 down after the disk
 * (from 127 down without one), in the order given, as QEMU places its
 * {@code -device}s. Every device, the board's own and the plug-ins', is a
 * {@link Device} in {@link #devices()}, and every device event (the RTC
 * alarms among them) is on one {@link EventQueue}.
 *
 * <p>The machine maps {@link #devices()}, each on the 4 KiB pages its
 * window touches ({@link #mappedSize}), counts
 * instructions on the clock (an instruction counts before its own device
 * accesses, see {@link VirtualClock}), and after each device write looks
 * again at: {@link #interruptLevel()} for the CPU; {@link VirtCtrl#lastCommand()}
 * to stop; {@link #nextEventAt()}, since the write may have armed an alarm.
 * It runs the CPU to no further than {@link #nextEventAt()} and then calls
 * {@link #runDueEvents()}; when the CPU stops with nothing to wake it, it
 * calls {@link #idleUntilNextEvent()}. Console input goes to
 * {@link GoldfishTty#hostInput}, after which the interrupt level may have
 * changed too. A {@link GuestErrorException} from a device access ends the
 * run with its message. The board is not thread-safe: it is driven from the
 * thread that runs the CPU.
 */
public final class Virt68030Board {
    /** CPU interrupt levels with a PIC: 1 to 6 (7, NMI, has none). */
    public static final int PIC_COUNT = 6;
    /** The machine maps devices in pages of this many bytes. */
    public static final int PAGE = 0x1000;

    private static final long PIC_BASE = 0xff00_0000L;
    private static final long PIC_STRIDE = 0x1000;
    private static final long RTC0_BASE = 0xff00_6000L;
    private static final long RTC1_BASE = 0xff00_7000L;
    private static final long TTY_BASE = 0xff00_8000L;
    private static final long VIRT_CTRL_BASE = 0xff00_9000L;
    /** The CPU level both RTCs interrupt at (PIC 6). */
    public static final int RTC_LEVEL = 6;
    private static final int RTC0_IRQ = 1;
    private static final int RTC1_IRQ = 2;
    private static final int CONSOLE_LEVEL = 1;
    private static final int TTY_IRQ = 32;
    private static final int VIRT_CTRL_IRQ = 1;

    private final VirtualClock clock;
    private final EventQueue events;
    private final List<GoldfishPic> pics = new ArrayList<>();
    private final List<GoldfishRtc> rtcs;
    private final GoldfishTty tty;
    private final VirtCtrl virtCtrl;
    private final VirtioMmio virtio;
    private final List<Device> devices;
    private final List<DeviceModel> plugins;
    /** The PIC lines taken, as PIC x 100 + IRQ. */
    private final Set<Integer> linesTaken = new HashSet<>();

    /**
     * The board out of reset.
     *
     * @param clock         guest time, which the RTCs read
     * @param ram           the RAM the TTY's buffer commands use
     * @param console       receives the TTY's output
     * @param rtcStartNanos what both RTCs read at time 0 of the clock. QEMU
     *                      starts them at the host's date unless given
     *                      {@code -rtc base=DATE}; give the same date here for
     *                      the two engines to agree
     */
    public Virt68030Board(VirtualClock clock, GuestMemory ram, OutputStream console, long rtcStartNanos) {
        this(clock, ram, console, rtcStartNanos, Optional.empty());
    }

    /**
     * The board out of reset, its RTC alarms timed by {@code preemption} if it is there
     * (one stream for both RTCs).
     */
    public Virt68030Board(VirtualClock clock, GuestMemory ram, OutputStream console, long rtcStartNanos,
                          Optional<PreemptiveAlarms> preemption) {
        this(clock, ram, console, rtcStartNanos, preemption, Optional.empty());
    }

    /**
     * The board out of reset, with {@code disk} as the virtio-blk device at transport
     * {@value VirtioMmio#DISK_TRANSPORT} if it is there. The board does not close the disk.
     */
    public Virt68030Board(VirtualClock clock, GuestMemory ram, OutputStream console, long rtcStartNanos,
                          Optional<PreemptiveAlarms> preemption, Optional<DiskFile> disk) {
        this(clock, ram, console, rtcStartNanos, preemption, disk, List.of());
    }

    /**
     * The board out of reset, with the disk if it is there and one device of
     * each provider in {@code plugins}, in order.
     *
     * @throws IllegalArgumentException if a provider's placement is not free
     *         on the board, or its model does not fit its placement; the
     *         message names the device type
     */
    public Virt68030Board(VirtualClock clock, GuestMemory ram, OutputStream console, long rtcStartNanos,
                          Optional<PreemptiveAlarms> preemption, Optional<DiskFile> disk,
                          List<DeviceProvider> plugins) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = new EventQueue(clock);
        List<Device> all = new ArrayList<>();
        for (int level = 1; level <= PIC_COUNT; level++) {
            pics.add(new GoldfishPic("goldfish-pic #" + level, PIC_BASE + PIC_STRIDE * (level - 1)));
        }
        all.addAll(pics);
        rtcs = List.of(
                new GoldfishRtc("goldfish-rtc #0", RTC0_BASE, clock, events, line(RTC_LEVEL, RTC0_IRQ),
                        rtcStartNanos, preemption),
                new GoldfishRtc("goldfish-rtc #1", RTC1_BASE, clock, events, line(RTC_LEVEL, RTC1_IRQ),
                        rtcStartNanos, preemption));
        all.addAll(rtcs);
        tty = new GoldfishTty("goldfish-tty", TTY_BASE, line(CONSOLE_LEVEL, TTY_IRQ), ram, console);
        all.add(tty);
        // QEMU wires virt-ctrl's line, though it never raises it: it is taken all the same.
        line(CONSOLE_LEVEL, VIRT_CTRL_IRQ);
        virtCtrl = new VirtCtrl("virt-ctrl", VIRT_CTRL_BASE);
        all.add(virtCtrl);
        for (int n = 0; n < VirtioMmio.TRANSPORTS; n++) {
            line(2 + n / GoldfishPic.LINES, n % GoldfishPic.LINES + 1);
        }

        List<VirtioDevice> virtioDevices = new ArrayList<>();
        disk.map(VirtioBlk::new).ifPresent(virtioDevices::add);
        List<DeviceModel> added = new ArrayList<>();
        for (DeviceProvider provider : plugins) {
            DeviceModel model = place(provider, ram, virtioDevices.size(), all);
            added.add(model);
            if (model instanceof VirtioDevice device) {
                virtioDevices.add(device);
            } else {
                all.add((Device) model);
            }
        }
        this.plugins = List.copyOf(added);
        virtio = new VirtioMmio(this::virtioLine, ram, virtioDevices);
        all.add(virtio);
        all.sort(Comparator.comparingLong(Device::base));
        devices = List.copyOf(all);
    }

    /** Every device, in address order, for the machine to map: the board's, the transports' window, the plug-ins'. */
    public List<Device> devices() {
        return devices;
    }

    /** The devices the plug-ins added, in the order given: each a {@link Device} or a {@link VirtioDevice}. */
    public List<DeviceModel> pluginDevices() {
        return plugins;
    }

    /** The bytes the machine maps for {@code device}: its window rounded up to whole pages. */
    public static long mappedSize(Device device) {
        long size = Math.max(1, Integer.toUnsignedLong(device.size()));
        return (size + PAGE - 1) / PAGE * PAGE;
    }

    /** The 128 virtio-mmio transports, one window of {@value VirtioMmio#SIZE} bytes. */
    public VirtioMmio virtio() {
        return virtio;
    }

    /** The board's device events: the RTC alarms, and whatever the plug-ins' devices schedule. */
    public EventQueue events() {
        return events;
    }

    /** The PIC driving CPU interrupt level {@code level}, 1 to {@value #PIC_COUNT}. */
    public GoldfishPic pic(int level) {
        if (level < 1 || level > PIC_COUNT) {
            throw new IllegalArgumentException("the PICs drive levels 1 to " + PIC_COUNT + ", not " + level);
        }
        return pics.get(level - 1);
    }

    /** goldfish-rtc #{@code index}, 0 or 1. */
    public GoldfishRtc rtc(int index) {
        if (index < 0 || index >= rtcs.size()) {
            throw new IllegalArgumentException("the board has goldfish-rtc #0 and #1, not #" + index);
        }
        return rtcs.get(index);
    }

    /** The console. */
    public GoldfishTty tty() {
        return tty;
    }

    /** Power control: whether the guest halted, panicked or asked for a reset. */
    public VirtCtrl virtCtrl() {
        return virtCtrl;
    }

    /**
     * The CPU interrupt level the board asserts: the highest level whose PIC
     * asserts, 0 for none. QEMU's m68k interrupt controller gives the CPU the
     * highest level asserted, autovectored (vector 24 + level).
     */
    public int interruptLevel() {
        for (int level = PIC_COUNT; level >= 1; level--) {
            if (pic(level).asserted()) {
                return level;
            }
        }
        return 0;
    }

    /** The instruction count after which a device needs {@link #runDueEvents()}; empty if none will. */
    public OptionalLong nextEventAt() {
        return events.nextDueAt();
    }

    /**
     * The RTC alarm that would interrupt the CPU at level {@value #RTC_LEVEL} if it fired now: armed,
     * IRQ_ENABLED, and enabled at the PIC; of two, the one due first.
     */
    public Optional<GoldfishRtc> alarmThatWouldInterrupt() {
        GoldfishRtc first = null;
        for (int i = 0; i < rtcs.size(); i++) {
            GoldfishRtc rtc = rtcs.get(i);
            if (rtc.armedToInterrupt() && pic(RTC_LEVEL).enables(i == 0 ? RTC0_IRQ : RTC1_IRQ)
                    && (first == null || rtc.alarmDueAt().getAsLong() < first.alarmDueAt().getAsLong())) {
                first = rtc;
            }
        }
        return Optional.ofNullable(first);
    }

    /** Lets every device act on what is due at the current time: RTC alarms fire, and the plug-ins' events run. */
    public void runDueEvents() {
        events.runDue();
    }

    /**
     * For a CPU stopped with no interrupt to wake it: moves the time to the
     * next device event and runs it, as QEMU does with {@code -icount sleep=off}.
     *
     * @return false if no event will ever come, so that the guest would sleep
     *         for ever (QEMU then waits until it is killed)
     */
    public boolean idleUntilNextEvent() {
        return events.idleUntilNext();
    }

    /** Transport n's line: PIC 2 + n/32, IRQ #(n mod 32) + 1. */
    private InterruptLine virtioLine(int transport) {
        return pic(2 + transport / GoldfishPic.LINES).input(transport % GoldfishPic.LINES + 1);
    }

    /** The line of input {@code irq} of PIC {@code pic}, taken from now on. */
    private InterruptLine line(int pic, int irq) {
        linesTaken.add(pic * 100 + irq);
        return pic(pic).input(irq);
    }

    /** Creates the device of {@code provider} where it says, or says why it cannot go there. */
    private DeviceModel place(DeviceProvider provider, GuestMemory ram, int virtioBefore, List<Device> placed) {
        String type = provider.type();
        Placement placement = Objects.requireNonNull(provider.placement(), () -> "device " + type + ": no placement");
        if (placement instanceof Placement.Fixed fixed) {
            InterruptLine irq = fixedLine(type, fixed);
            DeviceModel model = provider.create(new Context(fixed.base(), irq, clock, events, ram));
            if (!(model instanceof Device device)) {
                throw new IllegalArgumentException("device " + type + " has a fixed address, so its provider must"
                        + " create a Device, not " + describe(model));
            }
            if (device.base() != fixed.base()) {
                throw new IllegalArgumentException(String.format("device %s was placed at 0x%08x but its model"
                        + " says its base is 0x%08x", type, fixed.base(), device.base()));
            }
            if (fixed.base() % PAGE != 0) {
                throw new IllegalArgumentException(String.format("device %s: its address 0x%08x is not on a"
                        + " 4 KiB page boundary", type, fixed.base()));
            }
            long end = fixed.base() + mappedSize(device);
            for (Device other : placed) {
                if (fixed.base() < other.base() + mappedSize(other) && other.base() < end) {
                    throw new IllegalArgumentException(String.format("device %s at 0x%08x (%d bytes) overlaps %s"
                            + " at 0x%08x", type, fixed.base(), device.size(), other.name(), other.base()));
                }
            }
            if (fixed.base() < VirtioMmio.BASE + VirtioMmio.SIZE && VirtioMmio.BASE < end) {
                throw new IllegalArgumentException(String.format("device %s at 0x%08x overlaps the virtio-mmio"
                        + " transports at 0x%08x", type, fixed.base(), VirtioMmio.BASE));
            }
            return device;
        }
        if (virtioBefore >= VirtioMmio.TRANSPORTS) {
            throw new IllegalArgumentException("device " + type + ": all " + VirtioMmio.TRANSPORTS
                    + " virtio-mmio transports are taken");
        }
        int transport = VirtioMmio.transportOf(virtioBefore);
        DeviceModel model = provider.create(new Context(VirtioMmio.address(transport), virtioLine(transport), clock,
                events, ram));
        if (!(model instanceof VirtioDevice)) {
            throw new IllegalArgumentException("device " + type + " goes behind a virtio-mmio transport, so its"
                    + " provider must create a VirtioDevice, not " + describe(model));
        }
        return model;
    }

    private InterruptLine fixedLine(String type, Placement.Fixed fixed) {
        if (fixed.pic() < 1 || fixed.pic() > PIC_COUNT || fixed.irq() < 1 || fixed.irq() > GoldfishPic.LINES) {
            throw new IllegalArgumentException("device " + type + ": there is no line " + fixed.pic() + ":"
                    + fixed.irq() + " (PICs 1 to " + PIC_COUNT + ", lines 1 to " + GoldfishPic.LINES + ")");
        }
        if (linesTaken.contains(fixed.pic() * 100 + fixed.irq())) {
            throw new IllegalArgumentException("device " + type + ": line " + fixed.pic() + ":" + fixed.irq()
                    + " is taken; free lines are 1:2 to 1:31 and 6:3 to 6:32");
        }
        return line(fixed.pic(), fixed.irq());
    }

    private static String describe(DeviceModel model) {
        return model == null ? "nothing" : model.getClass().getName();
    }

    /** What the board gives a plug-in's device. */
    private record Context(long base, InterruptLine interruptLine, VirtualClock clock, Scheduler scheduler,
                           GuestMemory memory) implements DeviceContext {
    }
}
