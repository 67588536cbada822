package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a bench session's runs come to: one table with the engines side by
 * side, then ratio columns, each one engine's figure over another's (by
 * default, for two engines, the first's over the second's), and warnings
 * where the cross-checks found the engines disagreeing: every engine is
 * checked against the first.
 *
 * <p>Figures: the start-up is the halt kernel's whole run; a counted
 * kernel's instructions are those its stopwatch lines enclose, counted by the
 * machine where the engine counts (the runner) and by the guest clock
 * otherwise (QEMU), and its MIPS divide them by the host time between the
 * two lines' arrival, so that start-up and shutdown stay out; hello's figure
 * is the time to its first console byte. A kernel in one of the runner's
 * stress modes (stress) is counted alike on the engines that have them;
 * QEMU's cells and ratios in its rows are "-".
 */
public final class BenchFigures {
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MICRO = 1e3;
    /** The cell of a figure an engine has not got: a kernel in a stress mode does not run on QEMU. */
    private static final String MISSING = "-";

    private final List<BenchEngine> engines;
    private final List<Ratio> ratios;
    private final FigureTable table;
    private final Set<String> warnings = new LinkedHashSet<>();

    /** A counted kernel's figures on one engine. */
    private record Counted(long instructions, String result, Samples mips) {
    }

    /**
     * A ratio column: each row's median on {@code over} divided by its median
     * on {@code under}, under the title {@code header}.
     */
    public record Ratio(String header, BenchEngine over, BenchEngine under) {
    }

    private BenchFigures(List<BenchEngine> engines, List<Ratio> ratios) {
        this.engines = engines;
        this.ratios = List.copyOf(ratios);
        for (Ratio ratio : ratios) {
            if (!engines.contains(ratio.over()) || !engines.contains(ratio.under())) {
                throw new IllegalArgumentException("the ratio " + ratio.header() + " is of an engine not measured");
            }
        }
        List<String> header = new ArrayList<>();
        header.add("");
        engines.forEach(e -> header.add(e.name()));
        ratios.forEach(r -> header.add(r.header()));
        table = new FigureTable(header);
    }

    /**
     * The figures with the default ratio: for two engines, the first's over
     * the second's; none for other counts. Fails if a kernel did not print
     * what it should.
     */
    public static BenchFigures of(BenchSession.Runs runs) throws BenchFailure {
        List<BenchEngine> engines = runs.engines();
        return of(runs, engines.size() == 2
                ? List.of(new Ratio(engines.get(0).name() + "/" + engines.get(1).name(), engines.get(0),
                        engines.get(1)))
                : List.of());
    }

    /** The figures with these ratio columns, in this order, after the engines' columns. */
    public static BenchFigures of(BenchSession.Runs runs, List<Ratio> ratios) throws BenchFailure {
        BenchFigures figures = new BenchFigures(runs.engines(), ratios);
        for (Map.Entry<BenchKernel, Map<BenchEngine, List<BenchRun>>> kernel : runs.byKernel().entrySet()) {
            figures.add(kernel.getKey(), kernel.getValue());
        }
        return figures;
    }

    /** The table, one line per row. */
    public String table() {
        return table.render();
    }

    /** What the cross-checks found, one sentence each; empty when the engines agree. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void add(BenchKernel kernel, Map<BenchEngine, List<BenchRun>> runs) throws BenchFailure {
        switch (kernel) {
            case HALT -> timeRow("start-up: boot to halt, ms", runs, run -> run.wallNanos() / NANOS_PER_MILLI);
            case HELLO -> timeRow("hello: boot to first byte, ms", runs,
                    run -> firstByteNanos(kernel, run) / NANOS_PER_MILLI);
            case COMPUTE, INTERRUPTS, STRESS -> countedRows(kernel, runs);
        }
    }

    /**
     * A counted kernel's rows. An engine the kernel did not run on (one
     * without the runner's stress modes, for a kernel in one) gets {@value
     * #MISSING} for a figure, and so does a ratio with it; the cross-checks
     * are against the first engine that ran it.
     */
    private void countedRows(BenchKernel kernel, Map<BenchEngine, List<BenchRun>> runs) throws BenchFailure {
        List<Counted> counted = new ArrayList<>();
        for (BenchEngine engine : engines) {
            counted.add(runs.containsKey(engine) ? count(kernel, engine, runs.get(engine)) : null);
        }
        String name = kernel.rowLabel();
        List<String> instructions = new ArrayList<>(List.of(name + ": instructions"));
        counted.forEach(c -> instructions.add(c == null ? MISSING
                : String.format(Locale.ROOT, "%,d", c.instructions())));
        ratios.forEach(r -> instructions.add(""));
        table.add(instructions);
        timeRow(name + ": whole run, s", runs, run -> run.wallNanos() / NANOS_PER_SECOND);
        row(name + ": MIPS", counted.stream().map(c -> c == null ? null : c.mips()).toList());
        int first = -1;
        for (int i = 0; i < counted.size(); i++) {
            if (counted.get(i) == null) {
                continue;
            }
            if (first < 0) {
                first = i;
            } else {
                crossCheck(name, engines.get(first), counted.get(first), engines.get(i), counted.get(i));
            }
        }
    }

    /** A kernel's stopwatch figures on one engine, checked for consistency across its runs. */
    private Counted count(BenchKernel kernel, BenchEngine engine, List<BenchRun> runs) throws BenchFailure {
        Set<String> outcomes = new LinkedHashSet<>();
        List<Long> counts = new ArrayList<>();
        List<String> results = new ArrayList<>();
        List<Double> mips = new ArrayList<>();
        for (BenchRun run : runs) {
            StopwatchReport report = StopwatchReport.find(run.console()).orElseThrow(() -> new BenchFailure(
                    kernel.label() + " printed no stopwatch report on " + engine.name() + "; it printed:\n"
                            + run.console()));
            ConsoleWatch.LineStart start = lineStart(kernel, engine, run, report.startLine());
            ConsoleWatch.LineStart end = lineStart(kernel, engine, run, report.reportLine());
            long instructions = report.instructions();
            if (engine.countsInstructions()) {
                long machine = end.instructions().orElseThrow() - start.instructions().orElseThrow();
                if (machine != instructions) {
                    warnings.add(String.format(Locale.ROOT, "%s: on the %s the guest clock counts %,d instructions"
                            + " but the machine %,d", kernel.label(), engine.name(), instructions, machine));
                }
                instructions = machine;
            }
            long nanos = end.nanos() - start.nanos();
            if (nanos <= 0) {
                throw new BenchFailure(kernel.label() + " on " + engine.name()
                        + " printed both stopwatch lines at once as far as the host can tell: too short to time");
            }
            mips.add(instructions / (nanos / NANOS_PER_MICRO));
            counts.add(instructions);
            results.add(report.result());
            outcomes.add(String.format(Locale.ROOT, "%,d instructions and result %s", instructions, report.result()));
        }
        if (outcomes.size() > 1) {
            warnings.add(kernel.label() + ": the runs on " + engine.name() + " differ: " + String.join("; ", outcomes));
        }
        return new Counted(counts.get(0), results.get(0), new Samples(mips));
    }

    private void crossCheck(String kernel, BenchEngine engineA, Counted a, BenchEngine engineB, Counted b) {
        String nameA = engineA.name();
        String nameB = engineB.name();
        if (a.instructions() != b.instructions()) {
            warnings.add(String.format(Locale.ROOT, "%s: the %s counts %,d instructions and %s %,d", kernel,
                    nameA, a.instructions(), nameB, b.instructions()));
        }
        if (!a.result().equals(b.result())) {
            warnings.add(kernel + ": the result is " + a.result() + " on the " + nameA + " and " + b.result()
                    + " on " + nameB);
        }
    }

    /** What a row shows of one run. */
    private interface Figure {
        double of(BenchRun run) throws BenchFailure;
    }

    private void timeRow(String label, Map<BenchEngine, List<BenchRun>> runs, Figure figure) throws BenchFailure {
        List<Samples> samples = new ArrayList<>();
        for (BenchEngine engine : engines) {
            if (!runs.containsKey(engine)) {
                samples.add(null);
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (BenchRun run : runs.get(engine)) {
                values.add(figure.of(run));
            }
            samples.add(new Samples(values));
        }
        row(label, samples);
    }

    /** A row of figures, {@code null} for an engine without any; a ratio with such an engine is missing too. */
    private void row(String label, List<Samples> samples) {
        List<String> cells = new ArrayList<>(List.of(label));
        samples.forEach(s -> cells.add(s == null ? MISSING : cell(s)));
        for (Ratio ratio : ratios) {
            Samples over = samples.get(engines.indexOf(ratio.over()));
            Samples under = samples.get(engines.indexOf(ratio.under()));
            cells.add(over == null || under == null ? MISSING
                    : String.format(Locale.ROOT, "%.2f", over.median() / under.median()));
        }
        table.add(cells);
    }

    /** The median, and the range when there is more than one value. */
    static String cell(Samples samples) {
        String median = figure(samples.median());
        return samples.count() == 1 ? median
                : median + " (" + figure(samples.min()) + ".." + figure(samples.max()) + ")";
    }

    /** Three significant digits or more: enough for a host's noise. */
    private static String figure(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static long firstByteNanos(BenchKernel kernel, BenchRun run) throws BenchFailure {
        if (run.lineStarts().isEmpty()) {
            throw new BenchFailure(kernel.label() + " printed nothing");
        }
        return run.lineStarts().get(0).nanos();
    }

    private static ConsoleWatch.LineStart lineStart(BenchKernel kernel, BenchEngine engine, BenchRun run, int line)
            throws BenchFailure {
        if (line >= run.lineStarts().size()) {
            throw new BenchFailure(kernel.label() + " on " + engine.name() + ": console line " + line
                    + " was never seen arriving");
        }
        return run.lineStarts().get(line);
    }
}
