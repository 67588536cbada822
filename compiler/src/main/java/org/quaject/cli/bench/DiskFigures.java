package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.quaject.runner.QemuEngine;

/**
 * What the runs of bench/disk.qj come to ({@code qj bench disk}): the
 * instructions a request costs the virtio-blk driver, from the runner, which
 * counts them exactly; the throughput of moving the whole disk on each engine;
 * and the driver's figures next to the file read of Massalin's dissertation,
 * Table 7.3. Warnings say where runs that should count alike did not.
 */
public final class DiskFigures {

    /** The cell of a figure that does not apply. */
    private static final String NONE = "-";

    /** Guest time: ns an instruction on both engines (QEMU's -icount shift). */
    public static final int NANOS_PER_INSTRUCTION = 1 << QemuEngine.ICOUNT_SHIFT;

    /**
     * H. Massalin, Synthesis: An Efficient Implementation of Fundamental
     * Operating System Services (Columbia University, 1992), Table 7.3, on the
     * Quamachine (an MC68030 at 25 MHz): reading N bytes of a file costs
     * 9 + N/8 us natively, 10 + N/8 us under the Unix emulator.
     */
    static final double SYNTHESIS_READ_FIXED_US = 9;
    static final double SYNTHESIS_EMULATED_READ_FIXED_US = 10;
    static final double SYNTHESIS_READ_BYTES_PER_US = 8;

    /** The sizes the comparison is made at: one sector, and the driver's largest request. */
    static final List<Integer> COMPARED_BYTES = List.of(512, 65536);

    private final List<DiskMeasurement.Cost> costs;
    private final List<BenchEngine> engines;
    private final Optional<BenchFigures.Ratio> ratio;
    private final Map<BenchEngine, List<DiskMeasurement>> runs;
    private final Set<String> warnings = new LinkedHashSet<>();

    private DiskFigures(List<DiskMeasurement.Cost> costs, List<BenchEngine> engines,
                        Optional<BenchFigures.Ratio> ratio, Map<BenchEngine, List<DiskMeasurement>> runs) {
        this.costs = costs;
        this.engines = engines;
        this.ratio = ratio;
        this.runs = runs;
    }

    /**
     * The figures.
     *
     * @param counted the runner's runs, whose costs are the figures; every
     *                one must count the same, which a warning says if not
     * @param runs    each engine's measured runs, for the throughput, in the
     *                order of the columns
     * @param ratio   a column of one engine's throughput over another's, if any
     */
    public static DiskFigures of(List<DiskMeasurement> counted, Map<BenchEngine, List<DiskMeasurement>> runs,
                                 Optional<BenchFigures.Ratio> ratio) throws BenchFailure {
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("no run on the runner");
        }
        List<DiskMeasurement.Cost> costs = counted.get(0).costs();
        DiskFigures figures = new DiskFigures(costs, List.copyOf(runs.keySet()), ratio, new LinkedHashMap<>(runs));
        for (DiskMeasurement run : counted) {
            if (!run.costs().equals(costs)) {
                figures.warnings.add("the runner's runs count different instructions for a request: " + costs
                        + " and " + run.costs());
            }
        }
        for (Map.Entry<BenchEngine, List<DiskMeasurement>> engine : runs.entrySet()) {
            for (DiskMeasurement run : engine.getValue()) {
                figures.checkSubmitted(engine.getKey(), run);
            }
        }
        figures.checkTransfers();
        return figures;
    }

    /**
     * A submitted request costs the same on every engine: what is counted
     * does not wait for the disk. (A polled one waits on QEMU, whose disk
     * works beside the CPU.)
     */
    private void checkSubmitted(BenchEngine engine, DiskMeasurement run) {
        for (DiskMeasurement.Cost cost : run.costs()) {
            if (cost.submit().isEmpty()) {
                continue;
            }
            Optional<DiskMeasurement.Cost> counted = costs.stream()
                    .filter(c -> c.request().equals(cost.request()) && c.sectors() == cost.sectors()).findFirst();
            if (counted.isEmpty() || !counted.get().equals(cost)) {
                warnings.add(String.format(Locale.ROOT, "%s: %s counts %,d instructions (submit %,d) for %d requests,"
                                + " the runner %s", cost.label(), engine.name(), cost.instructions(),
                        cost.submit().getAsLong(), cost.requests(), counted.map(c -> String.format(Locale.ROOT,
                                "%,d (submit %,d)", c.instructions(), c.submit().orElse(0))).orElse("none")));
            }
        }
    }

    /** Every engine's runs moved the same requests; the runner's, with the same instructions each time. */
    private void checkTransfers() throws BenchFailure {
        List<String> expected = null;
        for (Map.Entry<BenchEngine, List<DiskMeasurement>> engine : runs.entrySet()) {
            Set<List<Long>> counts = new LinkedHashSet<>();
            for (DiskMeasurement run : engine.getValue()) {
                List<String> kinds = run.transfers().stream()
                        .map(t -> t.request() + ", " + t.requests() + " x " + t.sectors()).toList();
                if (expected == null) {
                    expected = kinds;
                } else if (!kinds.equals(expected)) {
                    throw new BenchFailure("the disk kernel moved " + kinds + " on " + engine.getKey().name()
                            + " but " + expected + " before");
                }
                counts.add(run.transfers().stream().map(DiskMeasurement.Transfer::instructions).toList());
            }
            if (engine.getKey().countsInstructions() && counts.size() > 1) {
                warnings.add("the runs on " + engine.getKey().name() + " count different instructions for the"
                        + " transfers: " + counts);
            }
        }
    }

    /** What the cross-checks found, one sentence each; empty when every run counted alike. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The driver's cost of each kind of request, as the runner counted it. */
    public List<DiskMeasurement.Cost> costs() {
        return costs;
    }

    /** The cost of one kind of request, e.g. "polled read" of 128 sectors. */
    public DiskMeasurement.Cost cost(String request, int sectors) {
        return costs.stream().filter(c -> c.request().equals(request) && c.sectors() == sectors).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cost of a " + request + " of " + sectors
                        + " sectors"));
    }

    /** The table of the instructions a request costs: a row per kind of request. */
    public String costTable() {
        FigureTable table = new FigureTable(List.of("request", "instructions a request", "a sector (512 bytes)",
                "submit", "interrupt"));
        for (DiskMeasurement.Cost cost : costs) {
            table.add(List.of(cost.label(), BufferFigures.figure(cost.perRequest()),
                    String.format(Locale.ROOT, "%.2f", cost.perSector()),
                    cost.submitPerRequest().isPresent() ? BufferFigures.figure(cost.submitPerRequest().getAsDouble())
                            : NONE,
                    cost.interruptPerRequest().isPresent()
                            ? BufferFigures.figure(cost.interruptPerRequest().getAsDouble()) : NONE));
        }
        return table.render();
    }

    /**
     * The table of the transfers: for each, the throughput on each engine
     * (median, least..greatest), the ratio if any, and the instructions a
     * request between the stopwatch lines.
     */
    public String transferTable() {
        List<String> header = new ArrayList<>(List.of(""));
        engines.forEach(e -> header.add(e.name()));
        ratio.ifPresent(r -> header.add(r.header()));
        FigureTable table = new FigureTable(header);
        List<DiskMeasurement.Transfer> kinds = runs.values().iterator().next().get(0).transfers();
        for (int i = 0; i < kinds.size(); i++) {
            int index = i;
            String request = kinds.get(i).request();
            Map<BenchEngine, Samples> speed = samples(index, DiskMeasurement.Transfer::megabytesPerSecond);
            List<String> row = new ArrayList<>(List.of(request + ": MB/s"));
            engines.forEach(e -> row.add(BenchFigures.cell(speed.get(e))));
            ratio.ifPresent(r -> row.add(String.format(Locale.ROOT, "%.2f",
                    speed.get(r.over()).median() / speed.get(r.under()).median())));
            table.add(row);
            Map<BenchEngine, Samples> instructions = samples(index,
                    DiskMeasurement.Transfer::instructionsPerRequest);
            List<String> counted = new ArrayList<>(List.of(request + ": instructions a request"));
            engines.forEach(e -> counted.add(count(instructions.get(e))));
            ratio.ifPresent(r -> counted.add(""));
            table.add(counted);
        }
        return table.render();
    }

    private Map<BenchEngine, Samples> samples(int transfer, ToDoubleFunction<DiskMeasurement.Transfer> figure) {
        Map<BenchEngine, Samples> samples = new LinkedHashMap<>();
        for (BenchEngine engine : engines) {
            samples.put(engine, new Samples(runs.get(engine).stream()
                    .map(run -> figure.applyAsDouble(run.transfers().get(transfer))).toList()));
        }
        return samples;
    }

    /** A count: the same in every run, or its median with the least and greatest. */
    private static String count(Samples samples) {
        String median = String.format(Locale.ROOT, "%,.0f", samples.median());
        return samples.min() == samples.max() ? median : median + String.format(Locale.ROOT, " (%,.0f..%,.0f)",
                samples.min(), samples.max());
    }

    /** The transfers' size: the bytes of the first. */
    public long transferBytes() {
        return runs.values().iterator().next().get(0).transfers().get(0).bytes();
    }

    /** The transfers' requests: those of the first. */
    public long transferRequests() {
        return runs.values().iterator().next().get(0).transfers().get(0).requests();
    }

    /** Synthesis' file read of {@code bytes}, us: natively, or under the Unix emulator. */
    static double synthesisReadMicros(int bytes, boolean emulated) {
        return (emulated ? SYNTHESIS_EMULATED_READ_FIXED_US : SYNTHESIS_READ_FIXED_US)
                + bytes / SYNTHESIS_READ_BYTES_PER_US;
    }

    /**
     * The table next to Synthesis: for N = 512 and 65536 bytes, Massalin's
     * file read in microseconds and as the Quamachine's cycles, and the
     * driver's read of as many bytes in instructions (and the guest time the
     * engines give them).
     */
    public String synthesisTable() {
        List<String> header = new ArrayList<>(List.of(""));
        COMPARED_BYTES.forEach(n -> header.add("N = " + (n < 1024 ? n + " bytes" : n / 1024 + " KiB")));
        FigureTable table = new FigureTable(header);
        table.add(row("Synthesis: read N bytes of a file, us (9 + N/8)", n -> whole(synthesisReadMicros(n, false))));
        table.add(row("  the same in cycles of its 25 MHz 68030 (us x 25)",
                n -> whole(Quamachine.cycles(synthesisReadMicros(n, false)))));
        table.add(row("  MB/s (N over that time)",
                n -> String.format(Locale.ROOT, "%.2f", n / synthesisReadMicros(n, false))));
        table.add(row("Synthesis under Unix emulation, us (10 + N/8)", n -> whole(synthesisReadMicros(n, true))));
        table.add(row("this driver: polled read of N bytes, instructions",
                n -> BufferFigures.figure(cost("polled read", n / 512).perRequest())));
        table.add(row("this driver: interrupt read of N bytes, instructions",
                n -> BufferFigures.figure(cost("interrupt read", n / 512).perRequest())));
        table.add(row("  the polled read in guest time, us (128 ns an instruction)",
                n -> String.format(Locale.ROOT, "%.2f",
                        cost("polled read", n / 512).perRequest() * NANOS_PER_INSTRUCTION / 1e3)));
        return table.render();
    }

    private interface Cell {
        String at(int bytes);
    }

    private static List<String> row(String label, Cell cell) {
        List<String> row = new ArrayList<>(List.of(label));
        COMPARED_BYTES.forEach(n -> row.add(cell.at(n)));
        return row;
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}
