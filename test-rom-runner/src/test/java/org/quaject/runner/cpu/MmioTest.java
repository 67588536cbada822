package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device registers reach Java with the offsets, sizes and values the guest used. */
class MmioTest {
    /** goldfish-tty on the virt board (board-virt68030.md): PUT_CHAR at offset 0. */
    private static final long TTY = 0xff008000L;

    @TempDir
    Path dir;

    /** A device that records every access and answers reads with 0xA0 + offset. */
    private static class Recorder implements MmioHandler {
        final List<String> accesses = new ArrayList<>();

        @Override
        public long read(int offset, int size) {
            accesses.add("r" + size + "@" + offset);
            return 0xa0 + offset;
        }

        @Override
        public void write(int offset, int size, long value) {
            accesses.add("w" + size + "@" + offset + "=" + Long.toHexString(value));
        }
    }

    @Test
    void putCharRegisterReceivesWhatTheGuestPrints() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    lea message,a0
                    lea 0xff008000,a1
                next:
                    moveq #0,d0
                    move.b (a0)+,d0
                    beq.s done
                    move.l d0,(a1)
                    bra.s next
                done:
                    stop #0x2700
                message:
                    .asciz "Hi!\\n"
                """)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            machine.cpu.mapMmio(TTY, 0x1000, new MmioHandler() {
                @Override
                public long read(int offset, int size) {
                    return 0;
                }

                @Override
                public void write(int offset, int size, long value) {
                    assertEquals(0, offset);
                    assertEquals(4, size);
                    console.write((int) value);
                }
            });
            assertEquals(StopReason.STOP_INSTRUCTION, machine.cpu.run(1000).reason());
            assertEquals("Hi!\n", console.toString(StandardCharsets.US_ASCII));
        }
    }

    /** A device read sees the count with its own instruction included, as QEMU's icount does. */
    @Test
    void aDeviceSeesTheExactCountOfTheAccessingInstruction() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    moveq   #0,d0
                    moveq   #1,d1
                    move.l  0xff009000,d2
                    moveq   #2,d3
                    moveq   #9,d4
                1:  subq.l  #1,d4
                    bne.s   1b
                    move.l  0xff009000,d5
                    stop    #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            cpu.mapMmio(0xff009000L, 0x1000, new Recorder() {
                @Override
                public long read(int offset, int size) {
                    return cpu.instructionsThisRun();
                }
            });
            cpu.set(Register.PC, machine.symbol("_start"));
            assertEquals(StopReason.STOP_INSTRUCTION, cpu.run(1_000).reason());
            assertEquals(3, cpu.get(Register.D2), "the third instruction reads");
            assertEquals(24, cpu.get(Register.D5), "five, eighteen in the loop, then the read");

            cpu.set(Register.PC, machine.symbol("_start"));
            assertEquals(2, cpu.run(2).instructions());
            cpu.run(1_000);
            assertEquals(1, cpu.get(Register.D2), "counts start again with each run");
        }
    }

    @Test
    void offsetsSizesAndValuesArriveAsTheGuestMadeThem() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    move.l #0x41424344,0xff009004
                    move.w #0x1234,0xff00900a
                    move.b #0x7f,0xff00900f
                    move.l 0xff009010,d0
                    move.w 0xff009022,d1
                    move.b 0xff009ffe,d2
                    stop #0x2700
                """)) {
            Recorder device = new Recorder();
            machine.cpu.mapMmio(0xff009000L, 0x1000, device);
            machine.cpu.run(100);
            assertEquals(List.of("w4@4=41424344", "w2@10=1234", "w1@15=7f", "r4@16", "r2@34", "r1@4094"),
                    device.accesses);
            assertEquals(0xa0 + 16, machine.cpu.get(Register.D0));
            assertEquals(0xa0 + 34, machine.cpu.get(Register.D1));
            assertEquals(0xa0 + 4094 & 0xff, machine.cpu.get(Register.D2) & 0xff);
        }
    }

    @Test
    void handlerReadsTheRegistersOfTheAccessingInstructionButWritesNone() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    moveq #5,d3
                    movec d3,vbr
                access:
                    move.l d3,0xff009000
                    stop #0x2700
                """)) {
            assertEquals(List.of(machine.symbol("access"), 5, 5),
                    readOnEachWrite(machine, Register.PC, Register.D3, Register.VBR));
        }
    }

    @Test
    void eachAccessOfARunSeesTheVbrOfItsOwnInstruction() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    moveq #4,d3
                    movec d3,vbr
                    move.l d3,0xff009000
                    moveq #8,d3
                    movec d3,vbr
                    move.l d3,0xff009000
                    stop #0x2700
                """)) {
            // A snapshot of the core taken before the run must not answer for it.
            machine.cpu.get(Register.VBR);
            assertEquals(List.of(4, 8), readOnEachWrite(machine, Register.VBR));
        }
    }

    /**
     * Maps a device at 0xff009000 whose handler reads {@code registers} on
     * each write, runs the machine to its STOP and returns what was read.
     */
    private static List<Integer> readOnEachWrite(Machine machine, Register... registers) {
        Cpu cpu = machine.cpu;
        List<Integer> seen = new ArrayList<>();
        cpu.mapMmio(0xff009000L, 0x1000, new Recorder() {
            @Override
            public void write(int offset, int size, long value) {
                for (Register register : registers) {
                    seen.add(cpu.get(register));
                }
            }
        });
        assertEquals(StopReason.STOP_INSTRUCTION, cpu.run(100).reason());
        return seen;
    }

    /**
     * The core reads a clock's halves by itself: the low half is the base
     * plus the instructions counted so far in the run (this one included)
     * shifted, and latches the high half; other accesses, and narrower
     * reads of the clock, reach the handler.
     */
    @Test
    void clockRegistersAreReadByTheCoreAndEverythingElseByTheHandler() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    nop
                    move.l 0xff009010,d0
                    move.l 0xff009014,d1
                    move.l 0xff009008,d2
                    move.w 0xff009010,d3
                    move.l #7,0xff009014
                    move.l 0xff009010,d4
                    move.l 0xff009014,d5
                    stop #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            Recorder device = new Recorder();
            ClockRegisters clock = cpu.mapMmio(0xff009000L, 0x1000, device, 0x10, 0x14, 4, -1);
            clock.setBase(0x1_ffff_ffe0L);
            assertEquals(StopReason.STOP_INSTRUCTION, cpu.run(100).reason());
            // Instruction 2 reads the low half: 0x1_ffff_ffe0 + 2 * 16; instruction 7: + 7 * 16.
            assertEquals(0x0000_0000, cpu.get(Register.D0));
            assertEquals(2, cpu.get(Register.D1), "the high half latched by the low half's read");
            assertEquals(0xa8, cpu.get(Register.D2));
            assertEquals(0xb0, cpu.get(Register.D3) & 0xffff);
            assertEquals(0x0000_0050, cpu.get(Register.D4));
            assertEquals(2, cpu.get(Register.D5));
            assertEquals(2, clock.latchedHigh());
            assertEquals(List.of("r4@8", "r2@16", "w4@20=7"), device.accesses);
        }
    }

    /** A held write reaches the device just before its next access, so the device sees the guest's order. */
    @Test
    void aDeferredRegistersWritesReachTheDeviceBeforeItsNextAccess() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    move.l #5,0xff009018
                    move.l #6,0xff00900c
                    move.l #7,0xff009018
                    move.l 0xff009018,d0
                    move.w #8,0xff009018
                    move.l #9,0xff009018
                    stop #0x2700
                """)) {
            Recorder device = new Recorder();
            machine.cpu.mapMmio(0xff009000L, 0x1000, device, 0x10, 0x14, 4, 0x18);
            assertEquals(StopReason.STOP_INSTRUCTION, machine.cpu.run(100).reason());
            // The last write is still held: nothing has touched the device since.
            assertEquals(List.of("w4@24=5", "w4@12=6", "w4@24=7", "r4@24", "w2@24=8"), device.accesses);
        }
    }

    @Test
    void firstInstructionTouchingADeviceIsCountedOnce() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    move.l #1,0xff009000
                    stop #0x2700
                """)) {
            machine.cpu.mapMmio(0xff009000L, 0x1000, new Recorder());
            assertEquals(2, machine.cpu.run(100).instructions());
        }
    }

    @Test
    void deviceAskingToStopEndsTheRunAtTheEndOfTheBlock() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    move.l #2,0xff009004
                    moveq #1,d7
                    bra.w parked
                parked:
                    moveq #2,d6
                    bra.s parked
                """)) {
            machine.cpu.mapMmio(0xff009000L, 0x1000, new Recorder() {
                @Override
                public void write(int offset, int size, long value) {
                    super.write(offset, size, value);
                    machine.cpu.requestStop();
                }
            });
            Stop stop = machine.cpu.run(1000);
            assertEquals(StopReason.STOP_REQUESTED, stop.reason());
            assertEquals(3, stop.instructions(), "the write completes once, the block runs to its branch");
            assertEquals(1, machine.cpu.get(Register.D7));
            assertEquals(0, machine.cpu.get(Register.D6));
            assertEquals(machine.symbol("parked"), machine.cpu.get(Register.PC));
            Stop more = machine.cpu.run(10);
            assertEquals(StopReason.COUNT_REACHED, more.reason(), "nothing left pending");
            assertEquals(2, machine.cpu.get(Register.D6));
        }
    }

    @Test
    void accessesAllocateNothingPerCall() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    move.l #100000,d0
                loop:
                    move.l d0,0xff009000
                    move.l 0xff009004,d1
                    subq.l #1,d0
                    bne.s loop
                    stop #0x2700
                """)) {
            long[] sum = new long[1];
            machine.cpu.mapMmio(0xff009000L, 0x1000, new MmioHandler() {
                @Override
                public long read(int offset, int size) {
                    return offset;
                }

                @Override
                public void write(int offset, int size, long value) {
                    sum[0] += value;
                }
            });
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            machine.cpu.run(1000); // warm up
            long before = threads.getCurrentThreadAllocatedBytes();
            Stop stop = machine.cpu.run(1_000_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(100_000L * 100_001 / 2, sum[0]);
            System.out.printf("200,000 MMIO accesses allocated %,d bytes%n", allocated);
            assertEquals(true, allocated < 200_000, allocated + " bytes allocated for 200,000 MMIO accesses");
        }
    }

    /**
     * A write that limits the run from inside a translation block: on a core
     * that stops inside blocks, the run ends right after the writing
     * instruction, or after the count the handler asked for; on one that
     * cannot, limitRun refuses and the run goes on.
     */
    @Test
    void aHandlerCanEndTheRunRightAfterItsInstruction() throws Exception {
        String code = """
                    .globl _start
                _start:
                    lea 0xff008000,a1
                    moveq #0,d0
                    move.l d0,(a1)
                    addq.l #1,d0
                    addq.l #1,d0
                    addq.l #1,d0
                    addq.l #1,d0
                    stop #0x2700
                """;
        for (long asked : new long[] {0, 3, 5}) {
            try (Machine machine = Machine.boot(dir, code)) {
                boolean[] limited = new boolean[1];
                machine.cpu.mapMmio(TTY, 0x1000, new Recorder() {
                    @Override
                    public void write(int offset, int size, long value) {
                        limited[0] = machine.cpu.limitRun(asked);
                    }
                });
                Stop stop = machine.cpu.run(1000);
                assertEquals(machine.cpu.stopsInsideBlocks(), limited[0]);
                if (limited[0]) {
                    long expected = Math.max(asked, 3);
                    assertEquals(StopReason.COUNT_REACHED, stop.reason(), "asked " + asked);
                    assertEquals(expected, stop.instructions(), "asked " + asked);
                    assertEquals(expected - 3, machine.cpu.get(Register.D0), "asked " + asked);
                    assertEquals(StopReason.STOP_INSTRUCTION, machine.cpu.run(1000).reason());
                } else {
                    assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
                }
                assertEquals(4, machine.cpu.get(Register.D0));
            }
        }
    }

    @Test
    void onlyAHandlerMayLimitTheRun() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    stop #0x2700
                """)) {
            assertThrows(IllegalStateException.class, () -> machine.cpu.limitRun(1));
        }
    }
}
