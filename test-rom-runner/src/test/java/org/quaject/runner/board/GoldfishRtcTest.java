package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quaject.runner.device.InterruptLine;
import org.quaject.runner.device.VirtualClock;

/** goldfish-rtc, register by register (board-virt68030.md, goldfish-rtc). */
class GoldfishRtcTest {
    /** Guest time per instruction. */
    private static final long NS = 128;

    private final VirtualClock clock = new VirtualClock();
    private final List<Boolean> driven = new ArrayList<>();
    private final InterruptLine line = new InterruptLine(driven::add);

    private GoldfishRtc rtc(long startNanos) {
        return new GoldfishRtc("goldfish-rtc #0", 0xff00_6000L, clock, line, startNanos);
    }

    @Test
    void timeIsTheStartPlusGuestTime() {
        clock.advance(3);
        GoldfishRtc rtc = rtc(1_000_000);
        assertEquals(1_000_000, time(rtc), "the start is the time when the RTC is made");
        clock.advance(10);
        assertEquals(1_000_000 + 10 * NS, time(rtc));
    }

    @Test
    void timeLowLatchesTheHighHalf() {
        GoldfishRtc rtc = rtc(0xffff_ff80L);
        assertEquals(0, rtc.read(GoldfishRtc.TIME_HIGH, 4), "nothing latched yet");
        assertEquals(0xffff_ff80, rtc.read(GoldfishRtc.TIME_LOW, 4));
        clock.advance(1);
        assertEquals(0, rtc.read(GoldfishRtc.TIME_HIGH, 4), "still the half latched with the low one, not 1");
        assertEquals(0, rtc.read(GoldfishRtc.TIME_LOW, 4));
        assertEquals(1, rtc.read(GoldfishRtc.TIME_HIGH, 4));
    }

    @Test
    void writingTheTimeSetsEachHalf() {
        GoldfishRtc rtc = rtc(0);
        clock.advance(2);
        rtc.write(GoldfishRtc.TIME_HIGH, 4, 0x12);
        rtc.write(GoldfishRtc.TIME_LOW, 4, 0x3456_7800);
        assertEquals(0x12_3456_7800L, time(rtc));
        clock.advance(1);
        assertEquals(0x12_3456_7880L, time(rtc), "and the time goes on from there");
    }

    @Test
    void alarmFiresAfterTheInstructionThatReachesIt() {
        GoldfishRtc rtc = rtc(0);
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 1);
        clock.advance(10);
        // QEMU: armed at instruction 10 for 2049 ns, taken after instruction 17.
        arm(rtc, 2049);
        assertEquals(1, rtc.read(GoldfishRtc.ALARM_STATUS, 4));
        assertEquals(OptionalLong.of(17), rtc.alarmDueAt());

        clock.advance(6);
        rtc.update();
        assertEquals(1, rtc.read(GoldfishRtc.ALARM_STATUS, 4), "not yet at instruction 16");
        assertFalse(line.isHigh());

        clock.advance(1);
        rtc.update();
        assertEquals(0, rtc.read(GoldfishRtc.ALARM_STATUS, 4), "firing disarms");
        assertTrue(line.isHigh());
        assertEquals(OptionalLong.empty(), rtc.alarmDueAt());
    }

    @Test
    void alarmAtOrBeforeNowFiresAtOnce() {
        GoldfishRtc rtc = rtc(5000);
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 1);
        arm(rtc, 5000);
        assertEquals(0, rtc.read(GoldfishRtc.ALARM_STATUS, 4));
        assertTrue(line.isHigh());

        rtc.write(GoldfishRtc.CLEAR_INTERRUPT, 4, 0);
        arm(rtc, 3);
        assertTrue(line.isHigh(), "an alarm in the past fires too");
        assertEquals(0, rtc.read(GoldfishRtc.ALARM_STATUS, 4));
    }

    @Test
    void alarmHighHalfIsWrittenFirstAndKept() {
        GoldfishRtc rtc = rtc(0);
        rtc.write(GoldfishRtc.ALARM_HIGH, 4, 1);
        rtc.write(GoldfishRtc.ALARM_LOW, 4, 0);
        assertEquals(1, rtc.read(GoldfishRtc.ALARM_STATUS, 4), "2^32 ns ahead");
        assertEquals(OptionalLong.of((1L << 32) / NS), rtc.alarmDueAt());
        assertEquals(1, rtc.read(GoldfishRtc.ALARM_HIGH, 4), "the alarm reads back, as in QEMU");
        assertEquals(0, rtc.read(GoldfishRtc.ALARM_LOW, 4));

        rtc.write(GoldfishRtc.ALARM_LOW, 4, 0x100);
        assertEquals(OptionalLong.of(((1L << 32) + 0x100) / NS), rtc.alarmDueAt(),
                "writing the low half again re-arms with the high half kept");
    }

    @Test
    void alarmBeyondWhatQemuTimersHoldFiresAtOnce() {
        GoldfishRtc rtc = rtc(0);
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 1);
        // Checked on QEMU 7.2: 0x80000000_00000000 is later than the time, yet
        // GoldfishRtc.ALARM_STATUS reads 0 straight after and the interrupt is pending.
        rtc.write(GoldfishRtc.ALARM_HIGH, 4, 0x8000_0000);
        rtc.write(GoldfishRtc.ALARM_LOW, 4, 0);
        assertEquals(0, rtc.read(GoldfishRtc.ALARM_STATUS, 4));
        assertTrue(line.isHigh());

        rtc.write(GoldfishRtc.ALARM_HIGH, 4, 0x7fff_ffff);
        rtc.write(GoldfishRtc.ALARM_LOW, 4, 0);
        assertEquals(1, rtc.read(GoldfishRtc.ALARM_STATUS, 4), "0x7fffffff_00000000 ns is merely far away");
    }

    @Test
    void irqEnabledGatesTheLineNotTheInterrupt() {
        GoldfishRtc rtc = rtc(0);
        arm(rtc, 0);
        assertFalse(line.isHigh(), "fired, but GoldfishRtc.IRQ_ENABLED is 0");
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 3);
        assertEquals(1, rtc.read(GoldfishRtc.IRQ_ENABLED, 4), "only bit 0 counts");
        assertTrue(line.isHigh(), "the interrupt was pending all along");
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 0);
        assertFalse(line.isHigh());
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 1);
        assertTrue(line.isHigh());
    }

    @Test
    void clearInterruptLowersTheLineUntilTheNextAlarm() {
        GoldfishRtc rtc = rtc(0);
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 1);
        arm(rtc, 0);
        assertTrue(line.isHigh());
        clock.advance(100);
        assertTrue(line.isHigh(), "the line stays high until cleared");
        rtc.write(GoldfishRtc.CLEAR_INTERRUPT, 4, 0);
        assertFalse(line.isHigh());
        arm(rtc, 0);
        assertTrue(line.isHigh());
    }

    @Test
    void clearAlarmDisarms() {
        GoldfishRtc rtc = rtc(0);
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 1);
        arm(rtc, 10 * NS);
        rtc.write(GoldfishRtc.CLEAR_ALARM, 4, 0);
        assertEquals(0, rtc.read(GoldfishRtc.ALARM_STATUS, 4));
        assertEquals(OptionalLong.empty(), rtc.alarmDueAt());
        clock.advance(20);
        rtc.update();
        assertFalse(line.isHigh());
        assertEquals(List.of(false), driven, "only the GoldfishRtc.IRQ_ENABLED write drove the line");
    }

    @Test
    void settingTheTimeDoesNotMoveAnArmedAlarm() {
        GoldfishRtc rtc = rtc(0);
        rtc.write(GoldfishRtc.IRQ_ENABLED, 4, 1);
        arm(rtc, 10 * NS);
        rtc.write(GoldfishRtc.TIME_LOW, 4, 1_000_000);
        assertEquals(1, rtc.read(GoldfishRtc.ALARM_STATUS, 4), "QEMU keeps the alarm's moment of guest time");
        assertEquals(OptionalLong.of(10), rtc.alarmDueAt());
        clock.advance(10);
        rtc.update();
        assertTrue(line.isHigh());
    }

    @Test
    void unknownOffsetsReadZeroAndIgnoreWrites() {
        GoldfishRtc rtc = rtc(0x1234);
        rtc.write(0x20, 4, 1);
        assertEquals(0, rtc.read(0x20, 4));
        assertEquals(0, rtc.read(GoldfishRtc.CLEAR_ALARM, 4), "write-only registers read 0");
        assertEquals(0, rtc.read(GoldfishRtc.CLEAR_INTERRUPT, 4));
        rtc.write(GoldfishRtc.ALARM_STATUS, 4, 1);
        assertEquals(0, rtc.read(GoldfishRtc.ALARM_STATUS, 4));
        assertEquals(0x1234, time(rtc));
    }

    private static long time(GoldfishRtc rtc) {
        long low = Integer.toUnsignedLong(rtc.read(GoldfishRtc.TIME_LOW, 4));
        return ((long) rtc.read(GoldfishRtc.TIME_HIGH, 4) << 32) | low;
    }

    private static void arm(GoldfishRtc rtc, long alarmNanos) {
        rtc.write(GoldfishRtc.ALARM_HIGH, 4, (int) (alarmNanos >>> 32));
        rtc.write(GoldfishRtc.ALARM_LOW, 4, (int) alarmNanos);
    }
}
