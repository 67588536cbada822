package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.elf.ElfFile;
import org.quaject.runner.cpu.Register;

/**
 * What stops a guest that does not stop by itself: the instruction budget
 * (after which the machine runs on exactly where it was), the wall-clock
 * budget, and an access to memory the board does not have.
 */
class BudgetsTest {

    private static final long FIRST = 1001;
    private static final long SECOND = 2500;

    @TempDir
    Path dir;

    @Test
    void instructionBudgetStopsAtAPcAndTheMachineRunsOnExactly() throws Exception {
        Path image = Fixtures.link(dir, "endless");
        int roundsInOneGo;
        int pcInOneGo;
        try (Machine machine = Fixtures.boot(image, new ByteArrayOutputStream())) {
            MachineStop stop = run(machine, FIRST + SECOND);
            assertEquals(MachineStop.Kind.OUT_OF_INSTRUCTIONS, stop.kind(), stop.detail());
            roundsInOneGo = machine.cpu().get(Register.D0);
            pcInOneGo = machine.cpu().get(Register.PC);
        }
        try (Machine machine = Fixtures.boot(image, new ByteArrayOutputStream())) {
            MachineStop first = run(machine, FIRST);
            assertEquals(MachineStop.Kind.OUT_OF_INSTRUCTIONS, first.kind(), first.detail());
            assertEquals(FIRST, first.instructions());
            String pc = String.format("0x%08x", machine.cpu().get(Register.PC));
            assertEquals("the instruction budget ran out at PC " + pc, first.detail());
            MachineStop second = run(machine, SECOND);
            assertEquals(MachineStop.Kind.OUT_OF_INSTRUCTIONS, second.kind(), second.detail());
            assertEquals(FIRST + SECOND, second.instructions());
            assertEquals(roundsInOneGo, machine.cpu().get(Register.D0), "rounds counted in two runs and in one");
            assertEquals(pcInOneGo, machine.cpu().get(Register.PC), "PC after two runs and after one");
        }
        // moveq, then addq and bra per round: a round count that the budget did not disturb.
        assertEquals((FIRST + SECOND - 1) / 2, roundsInOneGo);
    }

    @Test
    void wallClockBudgetStopsAnEndlessLoop() throws Exception {
        try (Machine machine = Fixtures.boot(Fixtures.link(dir, "endless"), new ByteArrayOutputStream())) {
            MachineStop stop = machine.run(Long.MAX_VALUE, System.nanoTime() + 50_000_000L, () -> { });
            assertEquals(MachineStop.Kind.OUT_OF_TIME, stop.kind(), stop.detail());
            String pc = String.format("0x%08x", machine.cpu().get(Register.PC));
            assertEquals("the time budget ran out at PC " + pc, stop.detail());
            assertTrue(stop.instructions() > 0, "the loop ran before the time ran out");
        }
    }

    @Test
    void unmappedAccessEndsTheRunNamingTheAddressAndThePc() throws Exception {
        Path image = Fixtures.link(dir, "unmapped");
        long readAt = ElfFile.read(image).symbol("unmapped_read_at").orElseThrow().value();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Fixtures.boot(image, console)) {
            MachineStop stop = Fixtures.runToEnd(machine);
            assertEquals(MachineStop.Kind.CRASH, stop.kind(), stop.detail());
            assertEquals(String.format("read of unmapped address 0x40000000 at PC 0x%08x", readAt), stop.detail());
        }
        Fixtures.assertAllPass(console.toString(US_ASCII));
    }

    private static MachineStop run(Machine machine, long instructions) {
        return machine.run(instructions, System.nanoTime() + Fixtures.TIMEOUT.toNanos(), () -> { });
    }
}
