package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints how fast a tight guest loop runs through the {@link Cpu} API; measures, asserts nothing about time. */
@Tag("benchmark")
class CpuBenchmark {
    /** Two instructions per turn: one translation block that branches to itself. */
    private static final String TIGHT_LOOP = """
                .globl _start
            _start:
            loop:
                subq.l #1,d0
                bne.s loop
                stop #0x2700
            """;
    private static final int TURNS = 50_000_000;

    @TempDir
    Path dir;

    @Test
    void tightLoop() throws Exception {
        try (Machine machine = Machine.boot(dir, TIGHT_LOOP)) {
            for (long slice : new long[] {10_000, 1_000_000}) {
                machine.restart();
                machine.cpu.set(Register.D0, TURNS);
                long total = 0;
                long start = System.nanoTime();
                Stop stop;
                do {
                    stop = machine.cpu.run(slice);
                    total += stop.instructions();
                } while (stop.reason() == StopReason.COUNT_REACHED);
                double seconds = (System.nanoTime() - start) / 1e9;
                assertEquals(2L * TURNS + 1, total);
                System.out.printf("tight loop, runs of %,d instructions: %.0f MIPS (%,d instructions in %.2f s)%n",
                        slice, total / seconds / 1e6, total, seconds);
            }
        }
    }
}
