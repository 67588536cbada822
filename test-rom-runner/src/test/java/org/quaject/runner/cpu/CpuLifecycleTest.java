package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Arguments are checked before they reach native code, and a closed CPU refuses to be used. */
class CpuLifecycleTest {
    private static final MmioHandler NOTHING = new MmioHandler() {
        @Override
        public long read(int offset, int size) {
            return 0;
        }

        @Override
        public void write(int offset, int size, long value) {
        }
    };

    @Test
    void mappingsMustBePageAlignedAndInside32Bits() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            assertThrows(IllegalArgumentException.class, () -> cpu.mapRam(0x800, 0x1000));
            assertThrows(IllegalArgumentException.class, () -> cpu.mapRam(0, 0x1800));
            assertThrows(IllegalArgumentException.class, () -> cpu.mapRam(0, 0));
            assertThrows(IllegalArgumentException.class, () -> cpu.mapRam(0xfffff000L, 0x2000));
            assertThrows(IllegalArgumentException.class, () -> cpu.mapMmio(0xff008004L, 0x1000, NOTHING));
            assertThrows(NullPointerException.class, () -> cpu.mapMmio(0xff008000L, 0x1000, null));
        }
    }

    @Test
    void mappingsMustNotOverlap() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            cpu.mapRam(0x10000, 0x10000);
            cpu.mapMmio(0xff008000L, 0x1000, NOTHING);
            assertThrows(IllegalArgumentException.class, () -> cpu.mapRam(0x1f000, 0x2000));
            assertThrows(IllegalArgumentException.class, () -> cpu.mapMmio(0x10000, 0x1000, NOTHING));
            assertThrows(IllegalArgumentException.class, () -> cpu.mapRam(0xff008000L, 0x1000));
            cpu.mapRam(0x20000, 0x1000);
        }
    }

    @Test
    void runNeedsAnExceptionHandlerAndABudgetOfAtLeastZero() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            assertThrows(IllegalStateException.class, () -> cpu.run(1));
            cpu.setExceptionHandler(intno -> { });
            assertThrows(IllegalArgumentException.class, () -> cpu.run(-1));
            assertEquals(Stop.of(StopReason.COUNT_REACHED, 0), cpu.run(0));
        }
    }

    @Test
    void closedCpuRefusesEverythingButClose() {
        UnicornCpu cpu = UnicornCpu.open();
        cpu.close();
        cpu.close();
        assertThrows(IllegalStateException.class, () -> cpu.get(Register.D0));
        assertThrows(IllegalStateException.class, () -> cpu.set(Register.D0, 1));
        assertThrows(IllegalStateException.class, () -> cpu.mapRam(0, 0x1000));
        assertThrows(IllegalStateException.class, () -> cpu.run(1));
    }

    @Test
    void manyCpusCanBeOpenedAndClosed() {
        for (int i = 0; i < 20; i++) {
            try (UnicornCpu cpu = UnicornCpu.open()) {
                cpu.mapRam(0, 0x10000).write32(0, i);
            }
        }
    }
}
