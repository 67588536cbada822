package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that end because of the guest: STOP, and accesses to memory that is not there. */
class StopAndFaultTest {
    private static final String CASES = """
                .globl _start
            _start:
                moveq #1,d0
                stop #0x2714
            after_stop:
                moveq #2,d0
                stop #0x2700
            read_fault:
                moveq #3,d0
                move.l 0x80000000,d1
            write_fault:
                moveq #4,d0
                move.w d0,0x80000006
            fetch_fault:
                moveq #5,d0
                jmp 0x80000010
            """;

    @TempDir
    static Path dir;
    static GuestProgram program;

    @BeforeAll
    static void assemble() throws Exception {
        program = GuestProgram.assemble(dir, CASES);
    }

    @Test
    void stopReportsPcAfterItAndTheNewStatusRegister() {
        try (Machine machine = Machine.load(program)) {
            Stop stop = machine.cpu.run(100);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(2, stop.instructions(), "STOP counts");
            assertEquals(program.symbol("after_stop"), machine.cpu.get(Register.PC));
            assertEquals(0x2714, machine.cpu.get(Register.SR), "interrupt mask and condition codes from the operand");
            assertEquals(-1, stop.address());
        }
    }

    @Test
    void runningAgainAfterStopContinuesPastIt() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.run(100);
            Stop stop = machine.cpu.run(100);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(2, stop.instructions());
            assertEquals(2, machine.cpu.get(Register.D0));
        }
    }

    @Test
    void stopIsRecognisedWhenItIsTheOnlyInstructionLeftInTheBudget() {
        try (Machine machine = Machine.load(program)) {
            assertEquals(StopReason.COUNT_REACHED, machine.cpu.run(1).reason());
            Stop stop = machine.cpu.run(1);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(1, stop.instructions());
        }
    }

    @Test
    void readOfUnmappedMemoryReportsTheAddress() {
        Stop stop = faultFrom("read_fault");
        assertEquals(StopReason.READ_FAULT, stop.reason());
        assertEquals(0x80000000L, stop.address());
        assertEquals(1, stop.instructions(), "the moveq; the faulting move did not complete");
    }

    @Test
    void writeToUnmappedMemoryReportsTheAddress() {
        Stop stop = faultFrom("write_fault");
        assertEquals(StopReason.WRITE_FAULT, stop.reason());
        assertEquals(0x80000006L, stop.address());
        assertEquals(1, stop.instructions());
    }

    @Test
    void fetchFromUnmappedMemoryReportsTheAddress() {
        Stop stop = faultFrom("fetch_fault");
        assertEquals(StopReason.FETCH_FAULT, stop.reason());
        assertEquals(0x80000010L, stop.address());
        assertEquals(2, stop.instructions(), "the moveq and the jmp completed");
    }

    private static Stop faultFrom(String label) {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.set(Register.PC, program.symbol(label));
            Stop stop = machine.cpu.run(100);
            assertEquals(false, stop.error().isEmpty(), "Unicorn's description");
            if (stop.reason() != StopReason.FETCH_FAULT) {
                assertEquals(program.symbol(label) + 2, machine.cpu.get(Register.PC), "PC at the faulting instruction");
            }
            return stop;
        }
    }
}
