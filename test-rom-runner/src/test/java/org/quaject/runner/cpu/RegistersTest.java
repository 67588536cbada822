package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registers written by Java reach the guest and the other way round, including those Unicorn has no id for. */
class RegistersTest {
    // SR bits, MC68030 User's Manual figure 1-4.
    private static final int S = 0x2000;
    private static final int M = 0x1000;
    private static final int X = 0x10;
    private static final int N = 0x08;
    private static final int Z = 0x04;
    private static final int V = 0x02;
    private static final int C = 0x01;

    @TempDir
    Path dir;

    @Test
    void dataAndAddressRegistersGoInAndOut() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    add.l d1,d0
                    move.l a0,d2
                    lea 4(a1),a2
                    exg d3,a3
                    stop #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            cpu.set(Register.D0, 40);
            cpu.set(Register.D1, 2);
            cpu.set(Register.A0, 0xcafe0000);
            cpu.set(Register.A1, 0x1000);
            cpu.set(Register.D3, 0x33);
            cpu.set(Register.A3, 0xaaaa);
            cpu.run(100);
            assertEquals(42, cpu.get(Register.D0));
            assertEquals(0xcafe0000, cpu.get(Register.D2));
            assertEquals(0x1004, cpu.get(Register.A2));
            assertEquals(0xaaaa, cpu.get(Register.D3));
            assertEquals(0x33, cpu.get(Register.A3));
        }
    }

    @Test
    void everyDataAndAddressRegisterIsItsOwn() throws Exception {
        try (Machine machine = Machine.boot(dir, ".globl _start\n_start: stop #0x2700\n")) {
            for (int n = 0; n < 8; n++) {
                machine.cpu.set(Register.d(n), 0x100 + n);
                machine.cpu.set(Register.a(n), 0x200 + n);
            }
            for (int n = 0; n < 8; n++) {
                assertEquals(0x100 + n, machine.cpu.get(Register.d(n)));
                assertEquals(0x200 + n, machine.cpu.get(Register.a(n)));
            }
            assertThrows(IllegalArgumentException.class, () -> Register.d(8));
        }
    }

    @Test
    void statusRegisterIncludesTheConditionCodesTheGuestSet() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    moveq #0,d0
                    moveq #-1,d0
                    cmp.l #1,d0
                    move.l #0x7fffffff,d1
                    addq.l #1,d1
                    stop #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            int[] expected = {S | 0x700 | Z, S | 0x700 | N, S | 0x700 | N, S | 0x700, S | 0x700 | N | V};
            for (int sr : expected) {
                assertEquals(StopReason.COUNT_REACHED, cpu.run(1).reason());
                assertEquals(sr, cpu.get(Register.SR), Integer.toHexString(sr));
            }
        }
    }

    @Test
    void conditionCodesWrittenFromJavaSteerTheGuest() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    bcs.s carry
                    moveq #1,d0
                    stop #0x2700
                carry:
                    moveq #2,d0
                    addx.l d1,d1
                    stop #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            cpu.set(Register.SR, S | 0x700 | X | C);
            cpu.run(100);
            assertEquals(2, cpu.get(Register.D0));
            assertEquals(1, cpu.get(Register.D1), "addx added X");
        }
    }

    @Test
    void pcWrittenFromJavaIsWhereTheRunStarts() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    moveq #1,d0
                    stop #0x2700
                other:
                    moveq #2,d0
                    stop #0x2700
                """)) {
            machine.cpu.set(Register.PC, machine.symbol("other"));
            machine.cpu.run(100);
            assertEquals(2, machine.cpu.get(Register.D0));
            assertEquals(machine.symbol("other") + 6, machine.cpu.get(Register.PC));
        }
    }

    @Test
    void vbrSetByTheGuestIsReadByJavaAndTheOtherWay() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    movec d0,vbr
                    stop #0x2700
                readback:
                    movec vbr,d1
                    stop #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            cpu.set(Register.D0, 0x00f0_0000);
            cpu.run(100);
            assertEquals(0x00f0_0000, cpu.get(Register.VBR));
            cpu.set(Register.VBR, 0x0012_3400);
            cpu.set(Register.PC, machine.symbol("readback"));
            cpu.run(100);
            assertEquals(0x0012_3400, cpu.get(Register.D1));
            assertEquals(0x0012_3400, cpu.get(Register.VBR));
        }
    }

    @Test
    void uspSetByTheGuestIsReadByJavaAndTheOtherWay() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    move.l a0,usp
                    stop #0x2700
                readback:
                    move.l usp,a1
                    stop #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            int isp = cpu.get(Register.A7);
            cpu.set(Register.A0, 0x8000);
            cpu.run(100);
            assertEquals(0x8000, cpu.get(Register.USP));
            assertEquals(isp, cpu.get(Register.A7), "reading USP leaves the active stack alone");
            assertEquals(isp, cpu.get(Register.ISP));
            cpu.set(Register.USP, 0x9000);
            cpu.set(Register.PC, machine.symbol("readback"));
            cpu.run(100);
            assertEquals(0x9000, cpu.get(Register.A1));
            assertEquals(isp, cpu.get(Register.A7));
        }
    }

    @Test
    void statusRegisterWritesSwitchBetweenTheThreeStacks() throws Exception {
        try (Machine machine = Machine.boot(dir, ".globl _start\n_start: stop #0x2700\n")) {
            Cpu cpu = machine.cpu;
            cpu.set(Register.USP, 0x1111);
            cpu.set(Register.ISP, 0x2222);
            cpu.set(Register.MSP, 0x3333);
            assertEquals(0x2222, cpu.get(Register.A7), "supervisor, M clear: ISP");
            cpu.set(Register.SR, S | M | 0x700);
            assertEquals(0x3333, cpu.get(Register.A7), "M set: MSP");
            cpu.set(Register.SR, 0x0700);
            assertEquals(0x1111, cpu.get(Register.A7), "user mode: USP");
            assertEquals(0x2222, cpu.get(Register.ISP));
            assertEquals(0x3333, cpu.get(Register.MSP));
            cpu.set(Register.ISP, 0x4444);
            assertEquals(0x1111, cpu.get(Register.A7));
            assertEquals(0x0700, cpu.get(Register.SR), "switching to reach ISP restored SR");
            cpu.set(Register.SR, S | 0x700);
            assertEquals(0x4444, cpu.get(Register.A7));
        }
    }

    @Test
    void masterStackIsWhatTheGuestSeesWithMSet() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    ori.w #0x1000,sr
                    move.l a7,d0
                    andi.w #0xefff,sr
                    move.l a7,d1
                    stop #0x2700
                """)) {
            Cpu cpu = machine.cpu;
            cpu.set(Register.MSP, 0x5000);
            cpu.set(Register.ISP, 0x6000);
            cpu.run(100);
            assertEquals(0x5000, cpu.get(Register.D0));
            assertEquals(0x6000, cpu.get(Register.D1));
        }
    }

    @Test
    void traceBitsAreKeptButNothingIsTraced() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    nop
                    nop
                    move.w sr,d0
                    stop #0x2700
                """)) {
            machine.cpu.set(Register.SR, 0x8000 | S | 0x700);
            assertEquals(0x8000 | S | 0x700, machine.cpu.get(Register.SR));
            Stop stop = machine.cpu.run(100);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(0x8000 | S | 0x700, machine.cpu.get(Register.D0));
            assertEquals(0, machine.exceptions.size(), "no trace exceptions");
        }
    }

    /**
     * SR reads right after a write come from what was written (no snapshot
     * of the core is taken for them): they must agree with what the core
     * then holds, which a run of one NOP (changing nothing) shows.
     */
    @Test
    void anSrWrittenReadsBackAsTheCoreHoldsIt() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    nop
                    bra.s _start
                """)) {
            Cpu cpu = machine.cpu;
            int start = cpu.get(Register.PC);
            for (int written : new int[] {0x2700, 0x271f, 0x27ff, 0xffff, 0x2000 | X | C, 0x0000, 0x8000 | S | 0x0e0}) {
                cpu.set(Register.PC, start);
                cpu.set(Register.SR, written);
                int read = cpu.get(Register.SR);
                assertEquals(StopReason.COUNT_REACHED, cpu.run(1).reason());
                assertEquals(Integer.toHexString(cpu.get(Register.SR)), Integer.toHexString(read),
                        "SR written as 0x" + Integer.toHexString(written));
            }
        }
    }

    @Test
    void vbrWrittenAfterOtherRegistersLeavesThemAsWritten() throws Exception {
        try (Machine machine = Machine.boot(dir, ".globl _start\n_start: stop #0x2700\n")) {
            Cpu cpu = machine.cpu;
            cpu.get(Register.VBR);
            cpu.set(Register.D5, 0x5555);
            cpu.set(Register.SR, 0x2300 | Z);
            cpu.set(Register.VBR, 0x4000);
            assertEquals(0x5555, cpu.get(Register.D5));
            assertEquals(0x2300 | Z, cpu.get(Register.SR));
            assertEquals(0x4000, cpu.get(Register.VBR));
        }
    }

    @Test
    void newCpuIsInTheResetState() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            assertEquals(0x2700, cpu.get(Register.SR));
            for (Register register : Register.values()) {
                if (register != Register.SR) {
                    assertEquals(0, cpu.get(register), register.name());
                }
            }
        }
    }
}
