package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instruction counts are exact, and a run can be cut anywhere without changing what the guest computes. */
class CountingTest {
    /** 2 set-up instructions, 3 per iteration for 1000 iterations, and the STOP: 3003. */
    private static final String SUM_TO_1000 = """
                .globl _start
            _start:
                moveq #0,d1
                move.l #1000,d0
            loop:
                add.l d0,d1
                subq.l #1,d0
                bne.s loop
                stop #0x2700
            """;
    private static final long SUM_INSTRUCTIONS = 3003;

    /** Three instructions per turn, forever. */
    private static final String ENDLESS = """
                .globl _start
            _start:
            loop:
                addq.l #1,d0
                addq.l #1,d1
                bra.s loop
            """;

    /**
     * Condition codes set in one instruction and tested in the next, inside
     * translation blocks; 5 turns. Unicorn's own instruction limit, cutting
     * between cmp and bne, makes the bne go the wrong way.
     */
    private static final String FLAGS_ACROSS_CUTS = """
                .globl _start
            _start:
                moveq #0,d0
                moveq #5,d1
                moveq #5,d2
            loop:
                cmp.l d1,d2
                bne.s skip
                addq.l #7,d0
            skip:
                subq.l #1,d1
                addx.l d2,d3
                tst.l d1
                bgt.s loop
                stop #0x2700
            """;

    @TempDir
    Path dir;

    @Test
    void loopOfKnownLengthCountsExactlyTheSameTwice() throws Exception {
        try (Machine machine = Machine.boot(dir, SUM_TO_1000)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                machine.restart();
                Stop stop = machine.cpu.run(1_000_000);
                assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
                assertEquals(SUM_INSTRUCTIONS, stop.instructions());
                assertEquals(500_500, machine.cpu.get(Register.D1));
            }
        }
    }

    @Test
    void budgetSmallerThanTheLoopStopsExactlyAtIt() throws Exception {
        try (Machine machine = Machine.boot(dir, SUM_TO_1000)) {
            Stop stop = machine.cpu.run(SUM_INSTRUCTIONS - 1);
            assertEquals(StopReason.COUNT_REACHED, stop.reason());
            assertEquals(SUM_INSTRUCTIONS - 1, stop.instructions());
            assertEquals(machine.symbol("loop") + 6, machine.cpu.get(Register.PC), "at the STOP, not past it");
        }
    }

    @Test
    void endlessLoopStopsAfterExactlyTheBudget() throws Exception {
        try (Machine machine = Machine.boot(dir, ENDLESS)) {
            int loop = machine.symbol("loop");
            for (long budget : new long[] {1, 2, 3, 4, 5, 7, 100, 1000, 99_999, 1_000_001}) {
                machine.restart();
                Stop stop = machine.cpu.run(budget);
                assertEquals(StopReason.COUNT_REACHED, stop.reason(), "budget " + budget);
                assertEquals(budget, stop.instructions(), "budget " + budget);
                assertEquals((budget + 2) / 3, machine.cpu.get(Register.D0), "first addq runs, budget " + budget);
                assertEquals((budget + 1) / 3, machine.cpu.get(Register.D1), "second addq runs, budget " + budget);
                assertEquals(loop + 2 * (budget % 3), machine.cpu.get(Register.PC), "budget " + budget);
            }
        }
    }

    @Test
    void runsOfAnyLengthAddUpToOneRun() throws Exception {
        try (Machine machine = Machine.boot(dir, SUM_TO_1000)) {
            for (long slice : new long[] {1, 2, 7, 64, 1000}) {
                machine.restart();
                long total = 0;
                Stop stop;
                do {
                    stop = machine.cpu.run(slice);
                    total += stop.instructions();
                } while (stop.reason() == StopReason.COUNT_REACHED);
                assertEquals(StopReason.STOP_INSTRUCTION, stop.reason(), "slice " + slice);
                assertEquals(SUM_INSTRUCTIONS, total, "slice " + slice);
                assertEquals(500_500, machine.cpu.get(Register.D1), "slice " + slice);
            }
        }
    }

    @Test
    void cuttingARunAnywhereKeepsTheConditionCodes() throws Exception {
        try (Machine machine = Machine.boot(dir, FLAGS_ACROSS_CUTS)) {
            Stop whole = machine.cpu.run(1000);
            assertEquals(StopReason.STOP_INSTRUCTION, whole.reason());
            int d0 = machine.cpu.get(Register.D0);
            int d3 = machine.cpu.get(Register.D3);
            assertEquals(7, d0, "only the first turn compares equal");
            for (long cut = 1; cut < whole.instructions(); cut++) {
                machine.restart();
                Stop first = machine.cpu.run(cut);
                assertEquals(cut, first.instructions());
                Stop rest = machine.cpu.run(1000);
                assertEquals(StopReason.STOP_INSTRUCTION, rest.reason(), "cut after " + cut);
                assertEquals(whole.instructions(), cut + rest.instructions(), "cut after " + cut);
                assertEquals(d0, machine.cpu.get(Register.D0), "cut after " + cut);
                assertEquals(d3, machine.cpu.get(Register.D3), "X flag, cut after " + cut);
            }
        }
    }

    @Test
    void readingSrBetweenCutsKeepsTheConditionCodes() throws Exception {
        try (Machine machine = Machine.boot(dir, FLAGS_ACROSS_CUTS)) {
            Stop whole = machine.cpu.run(1000);
            int d0 = machine.cpu.get(Register.D0);
            for (long cut = 1; cut < whole.instructions(); cut++) {
                machine.restart();
                machine.cpu.run(cut);
                machine.cpu.get(Register.SR);
                machine.cpu.run(1000);
                assertEquals(d0, machine.cpu.get(Register.D0), "cut after " + cut);
            }
        }
    }

    /** Unicorn 2.1.4 keeps the condition codes when stopped inside a block; 2.0.1 does not (UnicornQuirksTest). */
    @Test
    void aCoreThatKeepsTheFlagsInsideBlocksStopsExactlyThere() throws Exception {
        try (Machine machine = Machine.boot(dir, ENDLESS)) {
            assertEquals(!CpuCore.loaded().version().startsWith("2.0."), machine.cpu.stopsInsideBlocks(),
                    CpuCore.loaded().describe());
        }
    }
}
