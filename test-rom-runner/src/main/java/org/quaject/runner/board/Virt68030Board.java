package org.quaject.runner.board;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

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
 * <p>The machine maps {@link #devices()} and {@link #virtio()}, counts
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

    private final VirtualClock clock;
    private final List<GoldfishPic> pics = new ArrayList<>();
    private final List<GoldfishRtc> rtcs;
    private final GoldfishTty tty;
    private final VirtCtrl virtCtrl;
    private final List<MmioDevice> devices;
    private final VirtioMmio virtio;

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
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int level = 1; level <= PIC_COUNT; level++) {
            pics.add(new GoldfishPic("goldfish-pic #" + level, PIC_BASE + PIC_STRIDE * (level - 1)));
        }
        rtcs = List.of(
                new GoldfishRtc("goldfish-rtc #0", RTC0_BASE, clock, pic(RTC_LEVEL).input(RTC0_IRQ), rtcStartNanos,
                        preemption),
                new GoldfishRtc("goldfish-rtc #1", RTC1_BASE, clock, pic(RTC_LEVEL).input(RTC1_IRQ), rtcStartNanos,
                        preemption));
        tty = new GoldfishTty("goldfish-tty", TTY_BASE, pic(CONSOLE_LEVEL).input(TTY_IRQ), ram, console);
        virtCtrl = new VirtCtrl("virt-ctrl", VIRT_CTRL_BASE);
        List<MmioDevice> all = new ArrayList<>(pics);
        all.addAll(rtcs);
        all.add(tty);
        all.add(virtCtrl);
        devices = List.copyOf(all);
        virtio = new VirtioMmio(this::virtioLine, ram, disk.map(VirtioBlk::new));
    }

    /** Every device but the virtio-mmio transports ({@link #virtio()}), in address order, for the machine to map. */
    public List<MmioDevice> devices() {
        return devices;
    }

    /** The 128 virtio-mmio transports, one window of {@value VirtioMmio#SIZE} bytes, for the machine to map. */
    public VirtioMmio virtio() {
        return virtio;
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
        return earliest(GoldfishRtc::alarmDueAt);
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

    /** Lets every device act on what is due at the current time: RTC alarms fire. */
    public void runDueEvents() {
        rtcs.forEach(GoldfishRtc::update);
    }

    /**
     * For a CPU stopped with no interrupt to wake it: moves the time to the
     * next device event and runs it, as QEMU does with {@code -icount sleep=off}.
     *
     * @return false if no event will ever come, so that the guest would sleep
     *         for ever (QEMU then waits until it is killed)
     */
    public boolean idleUntilNextEvent() {
        OptionalLong deadline = earliest(GoldfishRtc::alarmDeadline);
        if (deadline.isEmpty()) {
            return false;
        }
        clock.idleUntil(Math.max(deadline.getAsLong(), clock.nanos()));
        runDueEvents();
        return true;
    }

    /** Transport n's line: PIC 2 + n/32, IRQ #(n mod 32) + 1. */
    private InterruptLine virtioLine(int transport) {
        return pic(2 + transport / GoldfishPic.LINES).input(transport % GoldfishPic.LINES + 1);
    }

    /** The earliest of the RTCs' times, if any has one; asked between every two slices, so without streams. */
    private OptionalLong earliest(Function<GoldfishRtc, OptionalLong> time) {
        OptionalLong earliest = OptionalLong.empty();
        for (int i = 0; i < rtcs.size(); i++) {
            OptionalLong at = time.apply(rtcs.get(i));
            if (at.isPresent() && (earliest.isEmpty() || at.getAsLong() < earliest.getAsLong())) {
                earliest = at;
            }
        }
        return earliest;
    }
}
