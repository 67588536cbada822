package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running to the next point where a masked interrupt could be let in: right
 * after an SR write; on a core that cannot stop inside blocks, also at the end
 * of the core's block.
 */
class InterruptPointTest {
    private static final String CASES = """
                .globl _start
            _start:
                moveq   #1,d0
                moveq   #2,d0
                andi.w  #0xf8ff,sr
            after_andi:
                moveq   #3,d0
                eori.w  #0x0700,sr
            after_eori:
                moveq   #4,d0
                move.w  #0x2000,sr
            after_move:
                moveq   #5,d0
                moveq   #6,d0
                bra.w   branched
            branched:
                moveq   #7,d0
                stop    #0x2700
            """;

    @TempDir
    static Path dir;
    static GuestProgram program;

    @BeforeAll
    static void assemble() throws Exception {
        program = GuestProgram.assemble(dir, CASES);
    }

    @Test
    void stopsRightAfterEachInstructionThatWritesSr() {
        try (Machine machine = Machine.load(program)) {
            runToPoint(machine, StopReason.COUNT_REACHED, 1, "_start+2");
            runToPoint(machine, StopReason.COUNT_REACHED, 1, "_start+4");
            assertEquals(StopReason.COUNT_REACHED, machine.cpu.runToInterruptPoint(100).reason());
            assertEquals(program.symbol("after_andi"), machine.cpu.get(Register.PC), "ANDI to SR");
            assertEquals(0x2000, machine.cpu.get(Register.SR) & 0xff00);
            machine.cpu.runToInterruptPoint(100);
            machine.cpu.runToInterruptPoint(100);
            assertEquals(program.symbol("after_eori"), machine.cpu.get(Register.PC), "EORI to SR");
            machine.cpu.runToInterruptPoint(100);
            machine.cpu.runToInterruptPoint(100);
            assertEquals(program.symbol("after_move"), machine.cpu.get(Register.PC), "MOVE to SR");
        }
    }

    /**
     * Without an SR write ahead, a CPU that watches the blocks ahead for SR
     * writes runs on (here to the STOP); one that cannot stops where the
     * block ends.
     */
    @Test
    void withoutAnSrWriteAheadRunsOnOrToTheEndOfTheBlock() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.set(Register.PC, program.symbol("after_move"));
            Stop stop = machine.cpu.runToInterruptPoint(100);
            if (machine.cpu.stopsInsideBlocks()) {
                assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
                assertEquals(5, stop.instructions(), "two moves, the branch, a move and the STOP");
            } else {
                assertEquals(StopReason.STOP_REQUESTED, stop.reason());
                assertEquals(3, stop.instructions(), "two moves and the branch that ends the block");
                assertEquals(program.symbol("branched"), machine.cpu.get(Register.PC));
            }
        }
    }

    @Test
    void stopsBeforeALaterBlockThatMayWriteSr() throws Exception {
        GuestProgram later = GuestProgram.assemble(dir, """
                    .globl _start
                _start:
                    moveq   #1,d0
                    bra.w   next
                next:
                    moveq   #2,d0
                    move.w  #0x2000,sr
                    stop    #0x2700
                """);
        try (Machine machine = Machine.load(later)) {
            Stop stop = machine.cpu.runToInterruptPoint(100);
            assertEquals(StopReason.STOP_REQUESTED, stop.reason());
            assertEquals(2, stop.instructions(), "the move and the branch");
            assertEquals(later.symbol("next"), machine.cpu.get(Register.PC));
        }
    }

    @Test
    void aStopThatEndsTheBlockIsReportedAsStop() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.set(Register.PC, program.symbol("branched"));
            Stop stop = machine.cpu.runToInterruptPoint(100);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(2, stop.instructions());
        }
    }

    @Test
    void keepsToTheInstructionBudget() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.set(Register.PC, program.symbol("after_move"));
            assertEquals(1, machine.cpu.runToInterruptPoint(1).instructions());
            assertEquals(5, machine.cpu.get(Register.D0));
        }
    }

    /** A block holding an SR write is single-stepped until the write has run. */
    private static void runToPoint(Machine machine, StopReason reason, long instructions, String where) {
        Stop stop = machine.cpu.runToInterruptPoint(100);
        assertEquals(reason, stop.reason(), where);
        assertEquals(instructions, stop.instructions(), where);
    }
}
