package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the measurements of bench/buffers.qj come to: for each buffer, the
 * instructions of a put that does not fill the buffer, of a flush, and of a
 * put with the flushes shared out; and the table of them next to Massalin's
 * figures.
 *
 * <p>Each buffer is measured twice at each capacity, with N and 2N puts: the
 * difference in instructions over N is one turn of the loop around the put,
 * whatever the stopwatch and the loop's start cost. The loop without the call
 * ({@value #LOOP}) is measured the same way and taken out, which leaves the
 * put from the caller's jsr to its rts.
 */
public final class BufferFigures {

    static final String LOOP = "loop";
    static final String CONVENTIONAL = "conventional";
    static final String SYNTHESIZED = "synthesized";

    /**
     * Massalin's put, in MC68030 cycles with a warm cache: H. Massalin,
     * Synthesis: An Efficient Implementation of Fundamental Operating System
     * Services (Columbia University, 1992), Table 3.1, the hand-written
     * conventional put and the synthesized one.
     */
    static final int MASSALIN_CONVENTIONAL_CYCLES = 28;
    static final int MASSALIN_SYNTHESIZED_CYCLES = 20;

    /**
     * One buffer's figures, in instructions.
     *
     * @param put            a put that does not fill the buffer
     * @param flush          what a put that fills the buffer adds to one that does not
     * @param putWithFlushes a put's share when every {@code flushCapacity}-th put flushes
     * @param flushCapacity  the capacity the flushes were measured at
     */
    public record Costs(double put, double flush, double putWithFlushes, long flushCapacity) {
    }

    /** The puts of one buffer at one capacity, measured twice. */
    private record Pair(BufferMeasurement fewer, BufferMeasurement more) {

        /** The instructions of one turn of the loop. */
        double perPut() {
            return (double) (more.instructions() - fewer.instructions()) / (more.puts() - fewer.puts());
        }

        boolean flushed() {
            return fewer.flushedBytes() > 0;
        }
    }

    private final Map<String, Costs> costs;

    private BufferFigures(Map<String, Costs> costs) {
        this.costs = costs;
    }

    /** The figures; fails if the measurements are not the ones the kernel makes, or a buffer lost bytes. */
    public static BufferFigures of(List<BufferMeasurement> measurements) throws BenchFailure {
        Map<String, List<Pair>> byKind = pairs(measurements);
        List<Pair> loops = byKind.getOrDefault(LOOP, List.of());
        if (loops.size() != 1) {
            throw new BenchFailure("expected the loop measured at one capacity, found " + loops.size());
        }
        double loop = loops.get(0).perPut();
        Map<String, Costs> costs = new LinkedHashMap<>();
        for (String kind : List.of(CONVENTIONAL, SYNTHESIZED)) {
            List<Pair> pairs = byKind.getOrDefault(kind, List.of());
            Pair plain = only(kind, pairs.stream().filter(p -> !p.flushed()).toList(), "without a flush");
            Pair flushing = only(kind, pairs.stream().filter(Pair::flushed).toList(), "with flushes");
            double put = plain.perPut() - loop;
            double withFlushes = flushing.perPut() - loop;
            long capacity = flushing.fewer().capacity();
            costs.put(kind, new Costs(put, (withFlushes - put) * capacity, withFlushes, capacity));
        }
        if (costs.get(CONVENTIONAL).flushCapacity() != costs.get(SYNTHESIZED).flushCapacity()) {
            throw new BenchFailure("the two buffers' flushes were measured at different capacities");
        }
        return new BufferFigures(costs);
    }

    /** Each kind's measurements, paired by capacity; every buffer flushed all its bytes or none. */
    private static Map<String, List<Pair>> pairs(List<BufferMeasurement> measurements) throws BenchFailure {
        Map<String, List<BufferMeasurement>> byRun = new LinkedHashMap<>();
        for (BufferMeasurement m : measurements) {
            if (m.flushedBytes() != 0 && m.flushedBytes() != m.puts()) {
                throw new BenchFailure(String.format(Locale.ROOT, "%s, capacity %d: %d puts flushed %d bytes",
                        m.kind(), m.capacity(), m.puts(), m.flushedBytes()));
            }
            byRun.computeIfAbsent(m.kind() + "/" + m.capacity(), k -> new ArrayList<>()).add(m);
        }
        Map<String, List<Pair>> byKind = new LinkedHashMap<>();
        for (List<BufferMeasurement> run : byRun.values()) {
            BufferMeasurement first = run.get(0);
            if (run.size() != 2 || run.get(1).puts() <= first.puts()) {
                throw new BenchFailure(String.format(Locale.ROOT,
                        "%s, capacity %d: expected two measurements, the second with more puts", first.kind(),
                        first.capacity()));
            }
            if ((first.flushedBytes() > 0) != (run.get(1).flushedBytes() > 0)) {
                throw new BenchFailure(String.format(Locale.ROOT,
                        "%s, capacity %d: one measurement flushed and the other did not", first.kind(),
                        first.capacity()));
            }
            byKind.computeIfAbsent(first.kind(), k -> new ArrayList<>()).add(new Pair(first, run.get(1)));
        }
        return byKind;
    }

    private static Pair only(String kind, List<Pair> pairs, String what) throws BenchFailure {
        if (pairs.size() != 1) {
            throw new BenchFailure("expected the " + kind + " buffer measured at one capacity " + what + ", found "
                    + pairs.size());
        }
        return pairs.get(0);
    }

    /** A buffer's figures: {@value #CONVENTIONAL} or {@value #SYNTHESIZED}. */
    public Costs costs(String kind) {
        Costs c = costs.get(kind);
        if (c == null) {
            throw new IllegalArgumentException("no buffer " + kind);
        }
        return c;
    }

    /** The table: the two buffers side by side, and the synthesized one's figure over the conventional one's. */
    public String table() {
        Costs conventional = costs(CONVENTIONAL);
        Costs synthesized = costs(SYNTHESIZED);
        FigureTable table = new FigureTable(List.of("", CONVENTIONAL, SYNTHESIZED, SYNTHESIZED + "/" + CONVENTIONAL));
        table.add(row("put, no flush: instructions", conventional.put(), synthesized.put()));
        table.add(row("flush: instructions", conventional.flush(), synthesized.flush()));
        table.add(row("put, a flush every " + synthesized.flushCapacity() + ": instructions",
                conventional.putWithFlushes(), synthesized.putWithFlushes()));
        table.add(row("Massalin, Table 3.1: put, cycles (warm cache)", MASSALIN_CONVENTIONAL_CYCLES,
                MASSALIN_SYNTHESIZED_CYCLES));
        return table.render();
    }

    private static List<String> row(String label, double conventional, double synthesized) {
        return List.of(label, figure(conventional), figure(synthesized),
                String.format(Locale.ROOT, "%.2f", synthesized / conventional));
    }

    /** A whole number as it is; a share of flushes to two decimals. */
    static String figure(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
