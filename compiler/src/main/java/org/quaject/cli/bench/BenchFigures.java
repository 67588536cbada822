package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a bench session's runs come to: one table with the engines side by
 * side (and, for two engines, the first's figure over the second's), and
 * warnings where the cross-checks found the engines disagreeing.
 *
 * <p>Figures: the start-up is the halt kernel's whole run; a counted
 * kernel's instructions are those its stopwatch lines enclose, counted by the
 * machine where the engine counts (the runner) and by the guest clock
 * otherwise (QEMU), and its MIPS divide them by the host time between the
 * two lines' arrival, so that start-up and shutdown stay out; hello's figure
 * is the time to its first console byte.
 */
public final class BenchFigures {
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MICRO = 1e3;

    private final List<BenchEngine> engines;
    private final FigureTable table;
    private final Set<String> warnings = new LinkedHashSet<>();

    /** A counted kernel's figures on one engine. */
    private record Counted(long instructions, String result, Samples mips) {
    }

    private BenchFigures(List<BenchEngine> engines) {
        this.engines = engines;
        List<String> header = new ArrayList<>();
        header.add("");
        engines.forEach(e -> header.add(e.name()));
        header.add(engines.size() == 2 ? engines.get(0).name() + "/" + engines.get(1).name() : "");
        table = new FigureTable(header);
    }

    /** The figures; fails if a kernel did not print what it should. */
    public static BenchFigures of(BenchSession.Runs runs) throws BenchFailure {
        BenchFigures figures = new BenchFigures(runs.engines());
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
            case COMPUTE, INTERRUPTS -> countedRows(kernel, runs);
        }
    }

    private void countedRows(BenchKernel kernel, Map<BenchEngine, List<BenchRun>> runs) throws BenchFailure {
        List<Counted> counted = new ArrayList<>();
        for (BenchEngine engine : engines) {
            counted.add(count(kernel, engine, runs.get(engine)));
        }
        String name = kernel.label();
        List<String> instructions = new ArrayList<>(List.of(name + ": instructions"));
        counted.forEach(c -> instructions.add(String.format(Locale.ROOT, "%,d", c.instructions())));
        instructions.add("");
        table.add(instructions);
        timeRow(name + ": whole run, s", runs, run -> run.wallNanos() / NANOS_PER_SECOND);
        row(name + ": MIPS", counted.stream().map(Counted::mips).toList());
        if (counted.size() == 2) {
            crossCheck(name, counted.get(0), counted.get(1));
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

    private void crossCheck(String kernel, Counted a, Counted b) {
        String nameA = engines.get(0).name();
        String nameB = engines.get(1).name();
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
            List<Double> values = new ArrayList<>();
            for (BenchRun run : runs.get(engine)) {
                values.add(figure.of(run));
            }
            samples.add(new Samples(values));
        }
        row(label, samples);
    }

    private void row(String label, List<Samples> samples) {
        List<String> cells = new ArrayList<>(List.of(label));
        samples.forEach(s -> cells.add(cell(s)));
        cells.add(samples.size() == 2 ? String.format(Locale.ROOT, "%.2f",
                samples.get(0).median() / samples.get(1).median()) : "");
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
