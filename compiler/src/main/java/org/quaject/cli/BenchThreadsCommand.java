package org.quaject.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.cli.bench.BenchEngine;
import org.quaject.cli.bench.BenchFailure;
import org.quaject.cli.bench.BenchRun;
import org.quaject.cli.bench.HostConditions;
import org.quaject.cli.bench.QemuBenchEngine;
import org.quaject.cli.bench.RunnerBenchEngine;
import org.quaject.cli.bench.ThreadFigures;
import org.quaject.cli.bench.ThreadMeasurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qj bench threads}: the instructions of the thread operations, next to Synthesis' times. */
@Command(name = "threads",
        mixinStandardHelpOptions = true,
        header = "Count the instructions of the thread operations, next to Synthesis' times for them.",
        description = {
            "Build the bench kernel bench/threads.qj that ships with qj and run it on the in-process runner, "
                    + "which counts every instruction, and on QEMU, whose guest clock counts them too, as a "
                    + "cross-check. The kernel times the operations of runtime-m68k/lib/thread.qj with the "
                    + "stopwatch, each less a baseline with the stopwatch alone and the same arguments set up:",
            "  preemptive switch   from the clock's interrupt to the next thread's first instruction",
            "                      (Table 3.3's definition), the interrupt made pending on purpose",
            "  voluntary switch    from a yield's jsr to the next thread's first instruction after its own",
            "  create              create and start, with the shared vector table, or with a table of",
            "                      its own (the first setvector, which copies the table)",
            "  destroy, suspend    X + Y: the request, jsr to rts, and what the switch code adds when it",
            "                      next meets the thread",
            "  resume              of a thread still in the ring; of one out of it, X + Y (the switch",
            "                      splices it in)",
            "  signal              X + Y: the request, and the target's switch-in, which runs its handler",
            "  wait + notify       a thread's wait, the other thread's notify and yield, back to the first",
            "  step                X + Y: the request on a stopped thread, and the switch that lets it in,",
            "                      runs one instruction of it under trace and takes it out again",
            "Each is printed next to Massalin's time for it on a 25 MHz MC68030 (Synthesis dissertation, "
                    + "Tables 3.3 and 5.2), in us and cycles (us x 25), and the goal: fewer instructions than "
                    + "those cycles over 4, a 68030's average cycles an instruction. The counts are exact: the "
                    + "same on every host and every run."})
final class BenchThreadsCommand implements Callable<Integer> {

    /** The bench kernel, among the bundled bench sources. */
    static final String SOURCE = "threads.qj";

    /** Far beyond the kernel's run: under a million instructions. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Count on this engine alone: ${COMPLETION-CANDIDATES} (default: both, QEMU's counts "
                    + "checked against the runner's).")
    EngineOptions.EngineName engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<BenchEngine> engines = new ArrayList<>();
        if (engine != EngineOptions.EngineName.qemu) {
            engines.add(new RunnerBenchEngine());
        }
        if (engine != EngineOptions.EngineName.runner) {
            QemuBenchEngine qemu = new QemuBenchEngine();
            try {
                qemu.checkInstalled("count on the runner alone: qj bench threads --engine runner");
            } catch (BenchFailure e) {
                err.println("qj bench: error: " + e.getMessage());
                return ExitStatus.FAILURE;
            }
            engines.add(qemu);
        }
        return BenchSources.runOn(SOURCE, engines, Optional.empty(), RUN_TIMEOUT, "", err,
                runs -> print(out, err, engines, runs));
    }

    /** The first engine's figures; the second's, if there is one, checked against them. */
    private static void print(PrintWriter out, PrintWriter err, List<BenchEngine> engines, List<BenchRun> runs)
            throws BenchFailure {
        ThreadFigures figures = ThreadFigures.of(ThreadMeasurement.parse(runs.get(0)));
        List<String> differences = new ArrayList<>();
        if (runs.size() > 1) {
            differences = figures.differences(engines.get(0).name(),
                    ThreadFigures.of(ThreadMeasurement.parse(runs.get(1))), engines.get(1).name());
        }
        boolean withRunner = engines.get(0).countsInstructions();
        out.println("qj bench threads: the thread operations of runtime-m68k/lib/thread.qj, next to Synthesis");
        out.println();
        out.print(figures.table());
        out.println();
        out.println("instructions: " + (withRunner ? "counted by the runner's machine" : "counted by QEMU's guest clock")
                + ", so exact; each a measurement less its baseline (bench/threads.qj)");
        out.println("preemptive switch: from the interrupt's acceptance, right after the old thread's last");
        out.println("  instruction, to the new thread's first: sw_out, the way out and in, the rte (the 68030's");
        out.println("  exception processing is no instruction)");
        out.println("voluntary switch: from the yield's jsr to the first instruction after the next thread's own");
        out.println("  yield, the registers yield keeps saved and restored");
        out.println("X + Y: the request, from its jsr to its rts, + what the switch code adds to a yield when it");
        out.println("  meets the thread (takes it out of the ring, splices it back in, or runs its handler)");
        out.println("create: @Thread.create (qj_create copies the class's template, code and stack, and fills");
        out.println("  its holes) and start, jsr to rts; own vector table: and the first setvector, which copies");
        out.println("  the 1 KiB table");
        out.println("signal: X: signal, jsr to rts; Y: the target's switch-in, which runs the handler (2");
        out.println("  instructions: it counts the signal) before the thread goes on");
        out.println("wait + notify: from the waiter's jsr wait to its return, the notifier's notify and yield in");
        out.println("  between: two switches");
        out.println("step: X: step on a stopped thread, jsr to rts; Y: the switch that lets it in, runs one");
        out.println("  instruction of it under trace (the trace exception is no instruction) and takes it out");
        out.println("Synthesis: Massalin's dissertation, Table 3.3 (the Quamachine) and Table 5.2 (Sony NEWS");
        out.println("  1860), MC68030 at 25 MHz: 1 us = 25 cycles; X + Y as Table 5.2 splits them");
        out.println("goal: fewer instructions than the cycles over " + ThreadFigures.CYCLES_PER_INSTRUCTION
                + ", a 68030's average cycles an instruction");
        if (runs.size() > 1) {
            out.println(differences.isEmpty()
                    ? engines.get(1).name() + "'s guest clock gives the same counts for every row"
                    : engines.get(1).name() + "'s guest clock gives other counts: see the warnings");
        }
        out.println();
        HostConditions.describe(withRunner, runs.size() > 1 || !withRunner).forEach(out::println);
        out.flush();
        differences.forEach(d -> err.println("qj bench: warning: " + d));
    }
}
