package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exception thrown by a callback stops the run and comes out of {@link Cpu#run}; the CPU stays usable. */
class CallbackFailureTest {
    private static final String PROGRAM = """
                .globl _start
            _start:
                move.l #1,0xff009000
                moveq #1,d0
            trap_here:
                trap #1
                moveq #2,d0
                stop #0x2700
            """;
    private static final long DEVICE = 0xff009000L;

    @TempDir
    static Path dir;
    static GuestProgram program;

    @BeforeAll
    static void assemble() throws Exception {
        program = GuestProgram.assemble(dir, PROGRAM);
    }

    /** A device whose writes do {@code onWrite}. */
    private static MmioHandler device(Runnable onWrite) {
        return new MmioHandler() {
            @Override
            public long read(int offset, int size) {
                return 0;
            }

            @Override
            public void write(int offset, int size, long value) {
                onWrite.run();
            }
        };
    }

    @Test
    void exceptionFromAnMmioHandlerComesOutOfRun() {
        try (Machine machine = Machine.load(program)) {
            IllegalStateException broken = new IllegalStateException("device broken");
            machine.cpu.mapMmio(DEVICE, 0x1000, device(() -> {
                throw broken;
            }));
            assertSame(broken, assertThrows(IllegalStateException.class, () -> machine.cpu.run(100)));
        }
    }

    @Test
    void errorFromTheExceptionHandlerComesOutOfRunAndTheCpuCanGoOn() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.mapMmio(DEVICE, 0x1000, device(() -> { }));
            machine.cpu.setExceptionHandler(intno -> {
                throw new AssertionError("handler broken");
            });
            AssertionError thrown = assertThrows(AssertionError.class, () -> machine.cpu.run(100));
            assertEquals("handler broken", thrown.getMessage());
            assertEquals(program.symbol("trap_here"), machine.cpu.get(Register.PC), "stopped at the trap");
            machine.cpu.setExceptionHandler(intno -> machine.cpu.set(Register.PC, machine.cpu.get(Register.PC) + 2));
            Stop stop = machine.cpu.run(100);
            assertEquals(StopReason.STOP_INSTRUCTION, stop.reason());
            assertEquals(2, machine.cpu.get(Register.D0));
        }
    }

    @Test
    void registerWritesFromAnMmioHandlerAreRefused() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.mapMmio(DEVICE, 0x1000, device(() -> machine.cpu.set(Register.D0, 5)));
            assertThrows(IllegalStateException.class, () -> machine.cpu.run(100));
        }
    }

    @Test
    void runningFromInsideACallbackIsRefused() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.mapMmio(DEVICE, 0x1000, device(() -> machine.cpu.run(1)));
            assertThrows(IllegalStateException.class, () -> machine.cpu.run(100));
        }
    }

    @Test
    void stopRequestedFromAnotherThreadEndsAnEndlessRun() throws Exception {
        try (Machine machine = Machine.boot(dir, ".globl _start\n_start: bra.s _start\n")) {
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                machine.cpu.requestStop();
            });
            stopper.start();
            Stop stop = machine.cpu.run(Long.MAX_VALUE);
            stopper.join();
            assertEquals(StopReason.STOP_REQUESTED, stop.reason());
            assertEquals(machine.symbol("_start"), machine.cpu.get(Register.PC));
        }
    }

    @Test
    void stopRequestedBetweenRunsEndsTheNextRunAfterOneBlock() {
        try (Machine machine = Machine.load(program)) {
            machine.cpu.mapMmio(DEVICE, 0x1000, device(() -> { }));
            machine.cpu.requestStop();
            Stop stop = machine.cpu.run(100);
            assertEquals(StopReason.STOP_REQUESTED, stop.reason());
            assertEquals(3, stop.instructions(), "the first block ends at the trap");
        }
    }
}
