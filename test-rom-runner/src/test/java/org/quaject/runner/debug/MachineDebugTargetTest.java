package org.quaject.runner.debug;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quaject.elf.ElfFile;
import org.quaject.runner.machine.Fixtures;
import org.quaject.runner.machine.Machine;
import org.quaject.runner.report.CodeLocator;

/**
 * The runner as gdb's target: steps and breakpoints stop before the
 * instruction, and reverse execution rebuilds exactly the states the forward
 * run went through, across interrupts, a STOP that waits for an alarm,
 * console input and gdb's own writes.
 */
class MachineDebugTargetTest {

    /** gdb's number of d7 and of pc (M68kTargetDescription). */
    private static final int D7 = 7;
    private static final int SR = 16;
    private static final int PC = 17;
    /** A forward run of a fixture is checked against a reverse step this often, and wherever the clock jumped. */
    private static final int CHECK_INTERVAL = 500;
    private static final DebugTarget.Interruption NEVER = () -> false;
    /** More steps than any fixture takes to halt (tens of thousands): a bound against a guest that never does. */
    /** SR's interrupt mask: it rises when an interrupt is taken. */
    private static final int IPL_MASK = 0x0700;
    private static final int MAX_STEPS = 1_000_000;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final StringWriter log = new StringWriter();

    /** The registers gdb sees and the instruction count: what a state is, for these tests. */
    private record State(long instructions, int[] registers) {
        @Override
        public boolean equals(Object other) {
            return other instanceof State state && state.instructions == instructions
                    && Arrays.equals(state.registers, registers);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(instructions) ^ Arrays.hashCode(registers);
        }

        @Override
        public String toString() {
            return "at " + instructions + ": " + Arrays.toString(registers);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // An alarm's interrupt ends a STOP: the clock jumps, and a reverse step must land before the STOP.
        "stop, ''",
        // Two interrupt levels, nesting, and console input typed while the target runs.
        "interrupts, x",
        // Input read by polling and by interrupt.
        "tty, abcdef",
    })
    void aReverseStepRebuildsTheStateBeforeTheLastStepAllTheWay(String fixture, String input) throws Exception {
        try (MachineDebugTarget target = boot(fixture, new ByteArrayInputStream(input.getBytes(US_ASCII)))) {
            State before = state(target);
            int checks = 0;
            for (int step = 1; ; step++) {
                assertTrue(step < MAX_STEPS, "the fixture did not halt");
                TargetStop stop = target.step();
                if (stop.exited()) {
                    break;
                }
                State after = state(target);
                if (step % CHECK_INTERVAL == 0 || after.instructions() - before.instructions() > 1) {
                    assertEquals(TargetStop.signal(TargetStop.SIGTRAP), target.reverseStep());
                    assertEquals(before, state(target), "reverse step at step " + step);
                    target.step();
                    assertEquals(after, state(target), "the step again after the reverse step at step " + step);
                    checks++;
                }
                before = after;
            }
            assertTrue(checks > 2, "too few checks: " + checks);
            assertTrue(log.toString().contains("halted"), log.toString());
        }
        Fixtures.assertAllPass(console.toString(US_ASCII));
    }

    @Test
    void aBreakpointStopsBeforeItsInstructionAndReverseContinueFindsItsLastHit() throws Exception {
        try (MachineDebugTarget target = boot("stop", null)) {
            List<State> states = new ArrayList<>();
            for (int step = 0; step < 2000; step++) {
                target.step();
                states.add(state(target));
            }
            int chosenPc = states.get(1500).registers()[PC];
            List<State> hits = states.subList(0, states.size() - 1).stream()
                    .filter(s -> s.registers()[PC] == chosenPc).toList();
            assertTrue(hits.size() > 1, "the chosen instruction runs more than once: " + hits.size());

            target.insertBreakpoint(Integer.toUnsignedLong(chosenPc));
            List<State> hitsBackwards = new ArrayList<>();
            for (TargetStop stop = target.reverseResume(NEVER); !stop.atFirstInstruction();
                 stop = target.reverseResume(NEVER)) {
                assertEquals(TargetStop.signal(TargetStop.SIGTRAP), stop);
                hitsBackwards.add(0, state(target));
            }
            assertEquals(hits, hitsBackwards);
            assertEquals(0, target.instructions());
            assertEquals(TargetStop.signal(TargetStop.SIGTRAP), target.resume(NEVER));
            assertEquals(hits.get(0), state(target));
        }
    }

    /**
     * A run to a breakpoint stops exactly where single steps find the
     * instruction, hit after hit: in the main loop and at the entry of an
     * interrupt handler, where a step lands once the interrupt is taken.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"stop", "interrupts"})
    void continuingStopsAtEveryHitThatStepsFind(String fixture) throws Exception {
        List<State> steps = new ArrayList<>();
        try (MachineDebugTarget target = boot(fixture, null)) {
            for (int step = 0; step < 3000; step++) {
                if (target.step().exited()) {
                    break;
                }
                steps.add(state(target));
            }
        }
        int inTheLoop = steps.get(steps.size() / 2).registers()[PC];
        int handlerEntry = -1;
        for (int i = 1; i < steps.size() && handlerEntry < 0; i++) {
            if ((steps.get(i).registers()[SR] & IPL_MASK) > (steps.get(i - 1).registers()[SR] & IPL_MASK)) {
                handlerEntry = steps.get(i).registers()[PC];
            }
        }
        assertTrue(handlerEntry >= 0, "no interrupt taken in the steps");
        for (int breakpoint : List.of(inTheLoop, handlerEntry)) {
            List<State> hits = steps.stream().filter(s -> s.registers()[PC] == breakpoint).toList();
            long lastStepped = steps.get(steps.size() - 1).instructions();
            try (MachineDebugTarget target = boot(fixture, null)) {
                target.insertBreakpoint(Integer.toUnsignedLong(breakpoint));
                List<State> continued = new ArrayList<>();
                while (continued.size() < hits.size()) {
                    // Anything but a breakpoint's stop, or one past the stepped part, is a hit the steps lack.
                    TargetStop stop = target.resume(() -> target.instructions() > lastStepped);
                    if (!stop.equals(TargetStop.signal(TargetStop.SIGTRAP)) || target.instructions() > lastStepped) {
                        continued.add(state(target));
                        break;
                    }
                    continued.add(state(target));
                }
                assertEquals(hits, continued, String.format("breakpoint 0x%x", breakpoint));
            }
        }
    }

    @Test
    void gdbsWritesAreMadeAgainByAReplay() throws Exception {
        try (MachineDebugTarget target = boot("interrupts", null)) {
            for (int step = 0; step < 100; step++) {
                target.step();
            }
            target.setRegister(D7, 0xcafe0007);
            assertTrue(target.writeMemory(0x100, new byte[] {1, 2, 3}));
            target.step();
            State after = state(target);
            target.reverseStep();
            target.step();
            assertEquals(after, state(target));
            assertEquals(0xcafe0007, target.register(D7));
            assertArrayEquals(new byte[] {1, 2, 3}, target.readMemory(0x100, 3).orElseThrow());
        }
    }

    @Test
    void ctrlCStopsARunWithAndWithoutBreakpoints() throws Exception {
        try (MachineDebugTarget target = boot("endless", null)) {
            int[] looks = new int[1];
            DebugTarget.Interruption third = () -> ++looks[0] == 3;
            assertEquals(TargetStop.signal(TargetStop.SIGINT), target.resume(third));
            long unwatched = target.instructions();
            assertTrue(unwatched > 0, "it ran");
            looks[0] = 0;
            target.insertBreakpoint(0xfffffffeL);
            assertEquals(TargetStop.signal(TargetStop.SIGINT), target.resume(third));
            assertTrue(target.instructions() > unwatched, "it ran on");
        }
    }

    @Test
    void memoryOutsideRamIsNeitherReadNorWritten() throws Exception {
        try (MachineDebugTarget target = boot("interrupts", null)) {
            assertTrue(target.readMemory(Fixtures.RAM_BYTES - 2, 4).isEmpty());
            assertFalse(target.writeMemory(0xff000000L, new byte[] {0}));
        }
    }

    @Test
    void aCrashStopsWithSigsegvAndADiagnosticAndCanBeReversed() throws Exception {
        try (MachineDebugTarget target = boot("unmapped", null)) {
            TargetStop crash = target.resume(NEVER);
            assertEquals(TargetStop.signal(TargetStop.SIGSEGV), crash);
            assertTrue(log.toString().contains("unmapped address"), log.toString());
            State crashed = state(target);
            assertEquals(crash, target.step(), "a crashed guest does not go on");
            // The faulting instruction never completed: one step back is before the one before it.
            assertEquals(TargetStop.signal(TargetStop.SIGTRAP), target.reverseStep());
            assertEquals(TargetStop.signal(TargetStop.SIGTRAP), target.step());
            assertEquals(crashed, state(target));
            assertEquals(crash, target.step());
        }
    }

    @Test
    void theConsoleOutputOfAReplayIsNotShownAgain() throws Exception {
        try (MachineDebugTarget target = boot("stop", null)) {
            stepToTheEnd(target);
        }
        String once = console.toString(US_ASCII);
        console.reset();
        try (MachineDebugTarget target = boot("stop", null)) {
            for (int step = 0; step < 3000; step++) {
                target.step();
            }
            assertEquals(TargetStop.atBoot(), target.reverseResume(NEVER));
            stepToTheEnd(target);
        }
        assertEquals(once, console.toString(US_ASCII));
    }

    private static void stepToTheEnd(MachineDebugTarget target) {
        for (int step = 0; step < MAX_STEPS; step++) {
            if (target.step().exited()) {
                return;
            }
        }
        throw new AssertionError("the fixture did not halt in " + MAX_STEPS + " steps");
    }

    private MachineDebugTarget boot(String fixture, InputStream input) throws IOException, InterruptedException {
        Path image = Fixtures.link(dir, fixture);
        ElfFile elf;
        try {
            elf = ElfFile.read(image);
        } catch (org.quaject.elf.ElfFormatException e) {
            throw new IOException(e);
        }
        return new MachineDebugTarget(out -> Machine.boot(elf, Fixtures.RAM_BYTES, false, out), console, input,
                CodeLocator.of(image, elf), new PrintWriter(log, true));
    }

    private static State state(MachineDebugTarget target) {
        int[] registers = new int[M68kTargetDescription.COUNT];
        for (int number = 0; number < registers.length; number++) {
            registers[number] = target.register(number);
        }
        return new State(target.instructions(), registers);
    }
}
