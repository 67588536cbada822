package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.compiler.testing.QjSources;
import picocli.CommandLine;

/**
 * What bounds a run of {@code qj run} and {@code qj test} (docs/runner.md): on
 * the runner an instruction budget, so that a verdict does not depend on the
 * host, with wall time only when asked for; on QEMU, which cannot count
 * instructions, wall time.
 */
class EngineOptionsTest {

    /**
     * Instructions examples/queues needs under {@code --preempt 7 --contend},
     * as the README prints it: the longest run of any example (docs/runner.md).
     */
    private static final long LONGEST_EXAMPLE_RUN = 3_455_970_585L;

    /** A kernel whose second test never ends. */
    private static final String RUNAWAY_KERNEL = """
            kernel runaway {
                test "passes" {
                    pass
                }
                test "never ends" {
            1:      bra.s   1b
                }
            }
            """;

    @RegisterExtension
    final QjSources sources = new QjSources();

    /** The engine options of {@code qj test ARGS}, as picocli parses them. */
    private static EngineOptions testOptions(String... args) {
        TestCommand command = new TestCommand();
        String[] all = new String[args.length + 1];
        all[0] = "kernel.qj";
        System.arraycopy(args, 0, all, 1, args.length);
        new CommandLine(command).parseArgs(all);
        return command.engineOptions;
    }

    @Test
    void testOnTheRunnerIsBoundedByTheDefaultInstructionBudgetAndNoWallClock() {
        EngineOptions options = testOptions();
        assertEquals(OptionalLong.of(EngineOptions.Limits.TEST_INSTRUCTIONS),
                options.instructionBudget(EngineOptions.Limits.TEST));
        assertEquals(EngineOptions.UNLIMITED, options.timeout(EngineOptions.Limits.TEST));
    }

    @Test
    void maxInstructionsReplacesTheDefaultBudget() {
        EngineOptions options = testOptions("--max-instructions", "1000");
        assertEquals(OptionalLong.of(1000), options.instructionBudget(EngineOptions.Limits.TEST));
        assertEquals(EngineOptions.UNLIMITED, options.timeout(EngineOptions.Limits.TEST));
    }

    @Test
    void aTimeoutOnTheRunnerIsAnExtraLimitBesideTheBudget() {
        EngineOptions options = testOptions("--timeout", "2.5");
        assertEquals(Duration.ofMillis(2500), options.timeout(EngineOptions.Limits.TEST));
        assertEquals(OptionalLong.of(EngineOptions.Limits.TEST_INSTRUCTIONS),
                options.instructionBudget(EngineOptions.Limits.TEST));
    }

    @Test
    void testOnQemuIsBoundedByTheDefaultWallClockLimit() {
        EngineOptions options = testOptions("--engine", "qemu");
        assertEquals(OptionalLong.empty(), options.instructionBudget(EngineOptions.Limits.TEST));
        assertEquals(EngineOptions.Limits.TEST_QEMU_TIME, options.timeout(EngineOptions.Limits.TEST));
    }

    @Test
    void aTimeoutReplacesQemusDefault() {
        EngineOptions options = testOptions("--engine", "qemu", "--timeout", "30");
        assertEquals(Duration.ofSeconds(30), options.timeout(EngineOptions.Limits.TEST));
    }

    @ParameterizedTest(name = "--engine {0}")
    @ValueSource(strings = {"runner", "qemu"})
    void runIsUnboundedUnlessAsked(String engine) {
        EngineOptions options = testOptions("--engine", engine);
        assertEquals(OptionalLong.empty(), options.instructionBudget(EngineOptions.Limits.NONE));
        assertEquals(EngineOptions.UNLIMITED, options.timeout(EngineOptions.Limits.NONE));
    }

    @Test
    void theDefaultBudgetLeavesRoomForTheLongestExampleRun() {
        assertTrue(EngineOptions.Limits.TEST_INSTRUCTIONS >= 5 * LONGEST_EXAMPLE_RUN,
                "the default instruction budget is not generous");
    }

    @ParameterizedTest(name = "qj {0} --help")
    @ValueSource(strings = {"run", "test"})
    void helpStatesTheDefaults(String command) {
        QjCommandLine.Result result = QjCommandLine.run(command, "--help");
        assertEquals(0, result.status(), result::toString);
        String help = result.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--max-instructions=N"), help);
        assertTrue(help.contains("Default: %,d for test".formatted(EngineOptions.Limits.TEST_INSTRUCTIONS)), help);
        assertTrue(help.contains("Default: none on the runner; %d for test on QEMU"
                .formatted(EngineOptions.Limits.TEST_QEMU_TIME.toSeconds())), help);
    }

    /** In-process, on the runner: the budget's message names the option that raises it. */
    @Test
    void aRunawayTestIsStoppedByTheInstructionBudgetWhichTheMessageNames() {
        Path kernel = sources.write("runaway.qj", RUNAWAY_KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", kernel, "--max-instructions", "100000");
        assertEquals(1, result.status(), result::toString);
        assertTrue(result.out().contains("\nok 1 - passes\n"), result::toString);
        assertTrue(result.out().contains("\nnot ok 2 - (not reported) # the instruction budget ran out after "
                + "100000 instructions (raise it with --max-instructions N)\n"), result::toString);
        assertTrue(result.out().endsWith("1 passed, 1 failed\n"), result::toString);
    }
}
