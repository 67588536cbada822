package org.quaject.runner.board;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.quaject.runner.device.EventQueue;
import org.quaject.runner.device.InterruptLine;
import org.quaject.runner.device.MmioDevice;
import org.quaject.runner.device.Scheduler;
import org.quaject.runner.device.TimeRegisters;
import org.quaject.runner.device.VirtualClock;

/**
 * A goldfish-rtc: a 64-bit nanosecond count and one alarm (board-virt68030.md,
 * goldfish-rtc), driven by the {@link VirtualClock}.
 *
 * <p>Registers, as QEMU 7.2's goldfish_rtc.c has them:
 * <pre>
 * 0x00 TIME_LOW         R  low half of the time; latches the high half
 *                       W  sets the low half of the time
 * 0x04 TIME_HIGH        R  the high half latched by the last TIME_LOW read
 *                       W  sets the high half of the time
 * 0x08 ALARM_LOW        W  low half of the alarm, and arms it
 *                       R  low half of the alarm last written
 * 0x0c ALARM_HIGH       W  high half of the alarm (write it first)
 *                       R  high half of the alarm
 * 0x10 IRQ_ENABLED     RW  bit 0
 * 0x14 CLEAR_ALARM      W  disarms
 * 0x18 ALARM_STATUS     R  1 while armed
 * 0x1c CLEAR_INTERRUPT  W  clears the fired alarm's interrupt
 * </pre>
 * The board doc lists the common uses; the time writes and alarm reads are
 * QEMU's too. An alarm at or before the current time fires at once. Firing
 * disarms the alarm and makes its interrupt pending until CLEAR_INTERRUPT;
 * the line is high while the interrupt is pending and IRQ_ENABLED, so an
 * alarm that fired while IRQ_ENABLED was 0 raises the line when it is set.
 * Narrower accesses are refused ({@link MmioDevice}).
 *
 * <p>QEMU starts the time at the host's date, in whole seconds, unless given
 * {@code -rtc base=DATE}; a deterministic runner has no date of its own to
 * start from, so it is given one. Like QEMU, it arms an alarm for a moment of
 * guest time: setting the time afterwards does not move the alarm.
 *
 * <p>With {@link PreemptiveAlarms} (the preemption stress mode) an alarm
 * fires a drawn number of instructions after the write that arms it,
 * whatever its time; the time and the alarm registers read as usual.
 */
public final class GoldfishRtc extends MmioDevice implements TimeRegisters {
    public static final int TIME_LOW = 0x00;
    public static final int TIME_HIGH = 0x04;
    static final int ALARM_LOW = 0x08;
    static final int ALARM_HIGH = 0x0c;
    static final int IRQ_ENABLED = 0x10;
    static final int CLEAR_ALARM = 0x14;
    static final int ALARM_STATUS = 0x18;
    static final int CLEAR_INTERRUPT = 0x1c;

    private final VirtualClock clock;
    private final InterruptLine irq;
    private final Scheduler scheduler;
    private final Optional<PreemptiveAlarms> preemption;
    /** RTC time minus guest time; 64-bit arithmetic wraps as QEMU's unsigned does. */
    private long timeOffset;
    private int latchedHigh;
    private long alarm;
    /** The armed alarm, due at its deadline in guest time ({@link VirtualClock#nanos()}); null when none is. */
    private Scheduler.Event armed;
    private boolean interruptPending;
    private boolean interruptEnabled;

    /**
     * An RTC out of reset whose time is {@code startNanos} now.
     *
     * @param irq the line to the PIC input it is wired to
     */
    public GoldfishRtc(String name, long base, VirtualClock clock, InterruptLine irq, long startNanos) {
        this(name, base, clock, irq, startNanos, Optional.empty());
    }

    /**
     * An RTC out of reset whose alarms, if {@code preemption} is there, fire when it says; its
     * alarms are events of a scheduler of its own, which only {@link #update()} runs.
     */
    public GoldfishRtc(String name, long base, VirtualClock clock, InterruptLine irq, long startNanos,
                       Optional<PreemptiveAlarms> preemption) {
        this(name, base, clock, new EventQueue(clock), irq, startNanos, preemption);
    }

    /** An RTC out of reset whose alarms are events of {@code scheduler}, the board's. */
    public GoldfishRtc(String name, long base, VirtualClock clock, Scheduler scheduler, InterruptLine irq,
                       long startNanos, Optional<PreemptiveAlarms> preemption) {
        super(name, base, GoldfishPic.GOLDFISH_WINDOW, NarrowAccess.REFUSED);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.preemption = Objects.requireNonNull(preemption, "preemption");
        setTime(startNanos);
    }

    /**
     * The instruction count after which the armed alarm fires: run the CPU
     * to exactly that count, and the scheduler fires it (or call {@link #update()}).
     * Empty when no alarm is armed. A write to the RTC can arm or move the
     * alarm at any time.
     */
    public OptionalLong alarmDueAt() {
        return armed() ? OptionalLong.of(clock.instructions() + clock.instructionsUntil(armed.deadline()))
                : OptionalLong.empty();
    }

    /** When the armed alarm fires, in guest time; empty when no alarm is armed. */
    OptionalLong alarmDeadline() {
        return armed() ? OptionalLong.of(armed.deadline()) : OptionalLong.empty();
    }

    /** Whether an alarm is armed whose firing raises the interrupt line at once (IRQ_ENABLED is set). */
    public boolean armedToInterrupt() {
        return armed() && interruptEnabled;
    }

    /** Fires the armed alarm now, before its time: the contention stress mode's interrupt before a CAS. */
    public void fireEarly() {
        if (armed()) {
            disarm();
            raiseInterrupt();
        }
    }

    /** Fires the alarm if its time has come, whether or not its scheduler has run it yet. */
    public void update() {
        if (armed() && clock.nanos() >= armed.deadline()) {
            disarm();
            raiseInterrupt();
        }
    }

    @Override
    public int timeLowOffset() {
        return TIME_LOW;
    }

    @Override
    public int timeHighOffset() {
        return TIME_HIGH;
    }

    /** ALARM_HIGH: only the write of ALARM_LOW that follows arms the alarm. */
    @Override
    public int deferrableWriteOffset() {
        return ALARM_HIGH;
    }

    private boolean armed() {
        return armed != null && armed.pending();
    }

    private void disarm() {
        if (armed != null) {
            armed.cancel();
            armed = null;
        }
    }

    /** Arms the alarm for {@code deadline}, in guest time. */
    private void armAt(long deadline) {
        disarm();
        armed = scheduler.at(deadline, this::fire);
    }

    /** The scheduler's action: the armed alarm's time has come. */
    private void fire() {
        armed = null;
        raiseInterrupt();
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case TIME_LOW -> {
                long now = time();
                latchedHigh = Halves.high(now);
                yield Halves.low(now);
            }
            case TIME_HIGH -> latchedHigh;
            case ALARM_LOW -> Halves.low(alarm);
            case ALARM_HIGH -> Halves.high(alarm);
            case IRQ_ENABLED -> interruptEnabled ? 1 : 0;
            case ALARM_STATUS -> armed() ? 1 : 0;
            default -> 0;
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case TIME_LOW -> setTime(Halves.withLow(time(), value));
            case TIME_HIGH -> setTime(Halves.withHigh(time(), value));
            case ALARM_LOW -> {
                alarm = Halves.withLow(alarm, value);
                arm();
            }
            case ALARM_HIGH -> alarm = Halves.withHigh(alarm, value);
            case IRQ_ENABLED -> {
                interruptEnabled = (value & 1) != 0;
                driveLine();
            }
            case CLEAR_ALARM -> disarm();
            case CLEAR_INTERRUPT -> {
                interruptPending = false;
                driveLine();
            }
            default -> {
                // Unknown offset: QEMU logs it and does nothing.
            }
        }
    }

    /** The time the RTC reads now, in ns: what TIME_LOW and TIME_HIGH give. */
    @Override
    public long time() {
        return timeOffset + clock.nanos();
    }

    private void setTime(long nanos) {
        timeOffset = nanos - clock.nanos();
    }

    private void arm() {
        if (preemption.isPresent()) {
            armAt(clock.nanosAfter(preemption.get().nextDelay()));
            return;
        }
        // QEMU compares the alarm with the time as unsigned 64-bit numbers.
        if (Long.compareUnsigned(alarm, time()) <= 0) {
            disarm();
            raiseInterrupt();
        } else {
            armAt(alarm - timeOffset);
            // QEMU's timers hold signed times: an alarm whose guest time
            // passes 2^63 ns lands in the past and fires straight after the
            // write (checked with 0x80000000_00000000).
            update();
        }
    }

    private void raiseInterrupt() {
        interruptPending = true;
        driveLine();
    }

    private void driveLine() {
        irq.set(interruptPending && interruptEnabled);
    }
}
