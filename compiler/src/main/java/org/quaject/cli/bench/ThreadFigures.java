package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * What the measurements of bench/threads.qj come to: the instructions of each
 * thread operation of lib/thread.qj, next to Synthesis' time for it.
 *
 * <p>Every measurement holds the stopwatch's own instructions; each part of an
 * operation is a measurement less a baseline the kernel measures the same way,
 * which has the stopwatch and the same argument set-up but not the
 * operation. An operation on another thread is two parts, as in Massalin's
 * Table 5.2 ("X + Y"): the request, from the caller's jsr to its rts, and
 * what the switch code does when it next meets the thread, measured as a
 * yield that meets it less a plain yield.
 *
 * <p>The goal is the project's: fewer instructions than Synthesis' cycles
 * over 4, the cycles an MC68030 instruction takes on average.
 */
public final class ThreadFigures {

    /** The cycles of an average MC68030 instruction, which the goal divides Synthesis' cycles by. */
    public static final int CYCLES_PER_INSTRUCTION = 4;

    /**
     * A part of an operation: a measurement less its baseline.
     *
     * @param measured  the measurement's name in the kernel's lines
     * @param baseline  the baseline's
     * @param returnsOk whether the measurement's result is the operation's d0, which must be 0 (done)
     */
    record Part(String measured, String baseline, boolean returnsOk) {
    }

    /**
     * An operation, as a row of the table.
     *
     * @param label     the row's label
     * @param parts     its parts, measured
     * @param table     where Massalin gives its time: "3.3" or "5.2"; empty for none
     * @param synthesis the time of each of its parts there, in microseconds; one for all the parts, or as many
     */
    record Operation(String label, List<Part> parts, String table, List<Double> synthesis) {

        Optional<Double> synthesisTotal() {
            return synthesis.isEmpty() ? Optional.empty()
                    : Optional.of(synthesis.stream().mapToDouble(Double::doubleValue).sum());
        }
    }

    private static final String TABLE_3_3 = "3.3";
    private static final String TABLE_5_2 = "5.2";
    static final String NOTHING = "nothing";
    static final String YIELD = "yield";

    /**
     * The operations, in the table's order. Massalin's figures: H. Massalin,
     * Synthesis (Columbia University, 1992); Table 3.3, the context switch with
     * the integer registers, interrupt entry included; Table 5.2, the thread
     * operations on a Sony NEWS 1860 (both {@link Quamachine}s' 68030 at 25 MHz).
     */
    static final List<Operation> OPERATIONS = List.of(
            new Operation("preemptive switch", List.of(new Part("preemption", "unmask", false)),
                    TABLE_3_3, List.of(10.5)),
            new Operation("voluntary switch (yield)", List.of(new Part(YIELD, NOTHING, false)), "", List.of()),
            new Operation("create, shared vector table",
                    List.of(new Part("create shared", "create arguments", true)), TABLE_5_2, List.of(19.2)),
            new Operation("create, own vector table",
                    List.of(new Part("create own", "create own arguments", true)), TABLE_5_2, List.of(97.0)),
            new Operation("destroy", List.of(new Part("destroy", NOTHING, true),
                    new Part("yield meeting destroyed", YIELD, false)), TABLE_5_2, List.of(2.2, 6.1)),
            new Operation("suspend", List.of(new Part("suspend", NOTHING, true),
                    new Part("yield meeting suspended", YIELD, false)), TABLE_5_2, List.of(2.2, 3.7)),
            new Operation("resume, still in the ring", List.of(new Part("resume in", NOTHING, true)),
                    TABLE_5_2, List.of(3.0)),
            new Operation("resume, re-inserted", List.of(new Part("resume out", NOTHING, true),
                    new Part("yield meeting woken", YIELD, false)), TABLE_5_2, List.of(6.6)),
            new Operation("signal", List.of(new Part("signal", "signal arguments", true),
                    new Part("yield meeting signalled", YIELD, false)), TABLE_5_2, List.of(4.6, 4.4)),
            new Operation("wait + notify round trip", List.of(new Part("wait notify", "wait arguments", true)),
                    "", List.of()),
            new Operation("step", List.of(new Part("step", NOTHING, true),
                    new Part("yield meeting stepped", YIELD, false)), TABLE_5_2, List.of(25.0)));

    private final Map<String, List<Long>> parts;

    private ThreadFigures(Map<String, List<Long>> parts) {
        this.parts = parts;
    }

    /**
     * The figures; fails if a measurement is missing or comes twice, an
     * operation did not return 0, or a part came to no instructions.
     */
    public static ThreadFigures of(List<ThreadMeasurement> measurements) throws BenchFailure {
        Map<String, ThreadMeasurement> byName = new LinkedHashMap<>();
        for (ThreadMeasurement m : measurements) {
            if (byName.putIfAbsent(m.name(), m) != null) {
                throw new BenchFailure("the threads kernel measured \"" + m.name() + "\" twice");
            }
        }
        Map<String, List<Long>> parts = new LinkedHashMap<>();
        for (Operation operation : OPERATIONS) {
            List<Long> counts = new ArrayList<>();
            for (Part part : operation.parts()) {
                ThreadMeasurement measured = measured(byName, part.measured());
                if (part.returnsOk() && measured.result() != 0) {
                    throw new BenchFailure(String.format(Locale.ROOT,
                            "%s: the operation returned d0 = %d, not 0 (done)", part.measured(), measured.result()));
                }
                long count = measured.instructions() - measured(byName, part.baseline()).instructions();
                if (count <= 0) {
                    throw new BenchFailure(String.format(Locale.ROOT,
                            "%s: %d instructions, no more than its baseline %s's %d", part.measured(),
                            measured.instructions(), part.baseline(), measured.instructions() - count));
                }
                counts.add(count);
            }
            parts.put(operation.label(), List.copyOf(counts));
        }
        return new ThreadFigures(parts);
    }

    private static ThreadMeasurement measured(Map<String, ThreadMeasurement> byName, String name)
            throws BenchFailure {
        ThreadMeasurement m = byName.get(name);
        if (m == null) {
            throw new BenchFailure("the threads kernel did not measure \"" + name + "\"");
        }
        return m;
    }

    /** An operation's parts, in instructions, by its label. */
    public List<Long> parts(String label) {
        List<Long> p = parts.get(label);
        if (p == null) {
            throw new IllegalArgumentException("no operation " + label);
        }
        return p;
    }

    /**
     * The rows whose counts differ between these figures and {@code other}'s,
     * e.g. "yield: 31 on the runner, 32 on QEMU"; none if they agree.
     */
    public List<String> differences(String name, ThreadFigures other, String otherName) {
        List<String> differences = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            List<Long> mine = parts(operation.label());
            List<Long> theirs = other.parts(operation.label());
            if (!mine.equals(theirs)) {
                differences.add(operation.label() + ": " + instructions(mine) + " on " + name + ", "
                        + instructions(theirs) + " on " + otherName);
            }
        }
        return differences;
    }

    /** The table: each operation's instructions, Synthesis' time and cycles for it, and the goal. */
    public String table() {
        FigureTable table = new FigureTable(List.of("operation", "instructions", "Synthesis, us", "table",
                "cycles (us x " + Quamachine.MHZ + ")", "cycles/" + CYCLES_PER_INSTRUCTION,
                "fewer than cycles/" + CYCLES_PER_INSTRUCTION));
        for (Operation operation : OPERATIONS) {
            List<Long> counts = parts(operation.label());
            Optional<Double> bound = operation.synthesisTotal()
                    .map(us -> Quamachine.cycles(us) / CYCLES_PER_INSTRUCTION);
            String fewer = bound.isEmpty() ? "-" : total(counts) < bound.get() ? "yes" : "no";
            table.add(List.of(operation.label(), instructions(counts),
                    operation.synthesis().isEmpty() ? "-" : joined(operation.synthesis(),
                            us -> String.format(Locale.ROOT, "%.1f", us)),
                    operation.table().isEmpty() ? "-" : operation.table(),
                    operation.synthesis().isEmpty() ? "-" : joined(operation.synthesis(),
                            us -> Quamachine.figure(Quamachine.cycles(us))),
                    bound.map(Quamachine::figure).orElse("-"), fewer));
        }
        return table.render();
    }

    /** One part as it is, several as "16 + 30 = 46". */
    private static String instructions(List<Long> counts) {
        String each = counts.stream().map(c -> String.format(Locale.ROOT, "%,d", c))
                .collect(Collectors.joining(" + "));
        return counts.size() == 1 ? each : each + String.format(Locale.ROOT, " = %,d", total(counts));
    }

    private static long total(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** Synthesis' parts, each written by {@code as}: "2.2 + 6.1", "55 + 152.5". */
    private static String joined(List<Double> micros, DoubleFunction<String> as) {
        return micros.stream().map(as::apply).collect(Collectors.joining(" + "));
    }
}
