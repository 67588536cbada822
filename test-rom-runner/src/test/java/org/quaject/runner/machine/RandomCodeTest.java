package org.quaject.runner.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.elf.ElfFile;
import org.quaject.runner.cpu.Register;
import org.quaject.testing.CrossToolchain;

/**
 * Random guest code, a few hundred seeds: random words in RAM and random
 * registers, run to a small instruction budget. Whatever the code does, the
 * runner must end the run with a verdict (a crash report, a hang, the budget)
 * and never take the JVM down or overrun the budget, and two runs of one seed
 * must end alike. Set {@code -Dqj.randomCode.seeds=N} for a longer search.
 */
class RandomCodeTest {

    private static final int SEEDS = Integer.getInteger("qj.randomCode.seeds", 300);
    private static final long CODE_AT = 0x10000;
    private static final int CODE_WORDS = 512;
    private static final long BUDGET = 20_000;
    /** A safety net only: the budget ends every run long before. */
    private static final long WALL_NANOS = 60_000_000_000L;

    @TempDir
    static Path dir;
    private static ElfFile stub;

    /** What a run ended with, and the state it left. */
    private record Outcome(MachineStop stop, String console, List<Integer> registers) {
    }

    @BeforeAll
    static void linkStub() throws Exception {
        // An image for the machine to boot; the random code replaces what it would run.
        stub = ElfFile.read(CrossToolchain.link(dir, "stub", """
                        .globl  _start
                _start: stop    #0x2700
                        bra.s   _start
                """));
    }

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theRunnerEndsEveryRunWithAVerdictAndEndsItAlikeTwice(long seed) {
        Outcome first = run(seed);
        Outcome second = run(seed);
        assertTrue(first.stop().instructions() <= BUDGET, first::toString);
        assertNotEquals(MachineStop.Kind.OUT_OF_TIME, first.stop().kind(), first::toString);
        assertEquals(first, second, "two runs of seed " + seed);
    }

    /**
     * Even seeds get every register random, odd ones a stack in RAM, so that
     * exceptions are taken rather than ending as double faults.
     */
    private static Outcome run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Machine.boot(stub, Fixtures.RAM_BYTES, false, console)) {
            byte[] code = new byte[2 * CODE_WORDS];
            for (int i = 0; i < code.length; i++) {
                code[i] = (byte) random.nextInt(256);
            }
            machine.ram().write(CODE_AT, code, 0, code.length);
            for (int n = 0; n < 8; n++) {
                machine.cpu().set(Register.d(n), random.nextInt());
                machine.cpu().set(Register.a(n), random.nextInt());
            }
            if (seed % 2 == 1) {
                machine.cpu().set(Register.A7, (int) Fixtures.RAM_BYTES - 0x100);
            }
            machine.cpu().set(Register.SR, 0x2700 | random.nextInt(32));
            machine.cpu().set(Register.PC, (int) CODE_AT);
            MachineStop stop = machine.run(BUDGET, System.nanoTime() + WALL_NANOS, () -> { });
            List<Integer> registers = new ArrayList<>();
            for (Register register : List.of(Register.PC, Register.D0, Register.D7, Register.A0, Register.A7)) {
                registers.add(machine.cpu().get(register));
            }
            return new Outcome(stop, console.toString(), registers);
        }
    }
}
