package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every guest exception reaches the {@link ExceptionHandler} with its vector
 * number and with PC where Unicorn leaves it, and the handler steers the run.
 * Each case starts at its label; the default handler of {@link Machine}
 * records the exception and resumes at {@code resume}.
 */
class ExceptionHandlerTest {
    private static final String CASES = """
                .globl _start
            _start:
            trap3:
                trap #3
                moveq #1,d0
            illegal_insn:
                illegal
            zero_divide:
                moveq #0,d1
                divu.w d1,d0
                nop
            check:
                moveq #-1,d1
                chk.w d2,d1
            after_check:
                nop
            line_a:
                .word 0xa123
            line_f:
                .word 0xf123
            trapv:
                move.w #2,ccr
                trapv
            privileged:
                move.w #0x2700,sr
            return:
                rte
            negative_trap:
                moveq #-1,d1
                trap #2
            resume:
                moveq #9,d7
                stop #0x2700
            """;

    @TempDir
    static Path dir;
    static GuestProgram program;

    @BeforeAll
    static void assemble() throws Exception {
        program = GuestProgram.assemble(dir, CASES);
    }

    /** Runs from {@code label} (in supervisor mode unless {@code sr} says otherwise) and returns the one exception seen. */
    private static int[] exceptionFrom(String label, int sr) throws Exception {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.set(Register.SR, sr);
            machine.cpu.set(Register.PC, program.symbol(label));
            Stop stop = machine.cpu.run(100);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason(), label);
            assertEquals(9, machine.cpu.get(Register.D7), "resumed where the handler said");
            assertEquals(1, machine.exceptions.size(), label);
            return machine.exceptions.get(0);
        }
    }

    private static int[] expected(int vector, String pcLabel) {
        return new int[] {vector, program.symbol(pcLabel)};
    }

    @Test
    void trap3ArrivesAsVector35WithPcAtTheTrap() throws Exception {
        assertArrayEquals(expected(35, "trap3"), exceptionFrom("trap3", 0x2700));
    }

    @Test
    void illegalInstructionIsVector4AtTheInstruction() throws Exception {
        assertArrayEquals(expected(4, "illegal_insn"), exceptionFrom("illegal_insn", 0x2700));
    }

    @Test
    void zeroDivideIsVector5AtTheInstruction() throws Exception {
        assertArrayEquals(new int[] {5, program.symbol("zero_divide") + 2}, exceptionFrom("zero_divide", 0x2700));
    }

    @Test
    void chkIsVector6AfterTheInstruction() throws Exception {
        assertArrayEquals(expected(6, "after_check"), exceptionFrom("check", 0x2700));
    }

    @Test
    void privilegeViolationInUserModeIsVector8AtTheInstruction() throws Exception {
        assertArrayEquals(expected(8, "privileged"), exceptionFrom("privileged", 0x0700));
    }

    @Test
    void lineAAndLineFAreVectors10And11() throws Exception {
        assertArrayEquals(expected(10, "line_a"), exceptionFrom("line_a", 0x2700));
        assertArrayEquals(expected(11, "line_f"), exceptionFrom("line_f", 0x2700));
    }

    @Test
    void trapvIsDecodedAsAnIllegalInstruction() throws Exception {
        assertArrayEquals(new int[] {4, program.symbol("trapv") + 4}, exceptionFrom("trapv", 0x2700));
    }

    @Test
    void rteIsLeftToTheHandlerAs0x100() throws Exception {
        assertArrayEquals(expected(ExceptionHandler.RTE, "return"), exceptionFrom("return", 0x2700));
    }

    @Test
    void handlerSeesTheStateAtTheExceptionAndSetsTheStateAfterIt() throws Exception {
        try (Machine machine = Machine.load(program)) {
            Cpu cpu = machine.cpu;
            cpu.setExceptionHandler(intno -> {
                assertEquals(0x2700, cpu.get(Register.SR));
                int sp = cpu.get(Register.A7) - 4;
                machine.ram.write32(sp, cpu.get(Register.PC) + 2);
                cpu.set(Register.A7, sp);
                cpu.set(Register.SR, 0x2704);
                cpu.set(Register.D0, intno);
                cpu.set(Register.PC, program.symbol("resume"));
            });
            cpu.set(Register.PC, program.symbol("trap3"));
            Stop stop = cpu.run(100);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(3, stop.instructions(), "trap, moveq, stop: the trap counts once");
            assertEquals(35, cpu.get(Register.D0));
            assertEquals(program.symbol("trap3") + 2, machine.ram.read32(Machine.RAM_SIZE - 4));
        }
    }

    @Test
    void handlerSeesTheConditionCodesOfTheInterruptedCode() {
        try (Machine machine = Machine.load(program)) {
            Cpu cpu = machine.cpu;
            int[] sr = new int[1];
            cpu.setExceptionHandler(intno -> {
                sr[0] = cpu.get(Register.SR);
                cpu.set(Register.PC, program.symbol("resume"));
            });
            cpu.set(Register.PC, program.symbol("negative_trap"));
            cpu.run(100);
            assertEquals(0x2708, sr[0], "N from the moveq");
        }
    }

    @Test
    void handlerThatRedirectsAndAsksToStopStopsAtTheNewPc() throws Exception {
        try (Machine machine = Machine.load(program)) {
            Cpu cpu = machine.cpu;
            cpu.setExceptionHandler(intno -> {
                cpu.set(Register.PC, program.symbol("resume"));
                cpu.requestStop();
            });
            cpu.set(Register.PC, program.symbol("trap3"));
            Stop stop = cpu.run(100);
            assertEquals(StopReason.STOP_REQUESTED, stop.reason());
            assertEquals(1, stop.instructions());
            assertEquals(program.symbol("resume"), cpu.get(Register.PC));
            assertEquals(0, cpu.get(Register.D7));
        }
    }

    @Test
    void exceptionsInALoopAreCountedOnceEach() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    moveq #9,d0
                loop:
                    trap #0
                    dbra d0,loop
                    stop #0x2700
                """)) {
            int[] traps = {0};
            machine.cpu.setExceptionHandler(intno -> {
                traps[0]++;
                machine.cpu.set(Register.PC, machine.cpu.get(Register.PC) + 2);
            });
            Stop stop = machine.cpu.run(1000);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(10, traps[0]);
            assertEquals(1 + 10 * 2 + 1, stop.instructions());
        }
    }
}
