package org.quaject.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the measurements of bench/queues.qj come to: the instructions of each
 * lock-free operation from the caller's jsr to its rts, alone and with one
 * retry, next to Massalin's Table 5.1.
 *
 * <p>Each operation is measured with N and 2N operations: the difference over N
 * is one turn of the loop, whatever the stopwatch and the loop's start cost;
 * the loop without the call is taken out. An operation that uses CAS or CAS2
 * is also measured "contended" (each CAS fails once: the runner's contention
 * mode interrupts it and the contender changes its word) and "interrupted"
 * (the same interrupt and job, on a twin structure: the CAS succeeds); the
 * difference between the two is what one retry adds.
 */
public final class QueueFigures {

    static final String LOOP = "loop";
    static final String CONTENDED = " contended";
    static final String INTERRUPTED = " interrupted";

    /**
     * Massalin's figures, in microseconds on a 25 MHz MC68030 ({@link Quamachine}),
     * Table 5.1.
     */
    private record Reference(String operation, double microseconds) {
    }

    private static final List<Reference> TABLE_5_1 = List.of(
            new Reference("increment", 1.3), new Reference("insert", 1.4), new Reference("delete", 2.1),
            new Reference("put", 3.3), new Reference("get", 3.3),
            new Reference("push", 2.0), new Reference("pop", 2.0));

    /** The operations in the order they are printed, as bench/queues.qj names them. */
    static final List<String> OPERATIONS = List.of(
            "put spsc", "get spsc", "put mpsc", "get mpsc", "put spmc", "get spmc", "put mpmc", "get mpmc",
            "push", "pop", "insert", "delete", "increment");

    /** One operation's instructions; the retry's only if it uses CAS or CAS2. */
    public record Cost(double alone, Optional<Double> withOneRetry) {
    }

    private final Map<String, Cost> costs;

    private QueueFigures(Map<String, Cost> costs) {
        this.costs = costs;
    }

    /** The figures; fails if a measurement is missing, or a contended one shows no retry. */
    public static QueueFigures of(List<QueueMeasurement> measurements) throws BenchFailure {
        Map<String, Double> perOp = new LinkedHashMap<>();
        Map<String, QueueMeasurement> fewer = new LinkedHashMap<>();
        for (QueueMeasurement m : measurements) {
            QueueMeasurement first = fewer.putIfAbsent(m.operation(), m);
            if (first != null) {
                if (m.ops() <= first.ops() || perOp.containsKey(m.operation())) {
                    throw new BenchFailure(m.operation() + ": expected two measurements, the second with more ops");
                }
                perOp.put(m.operation(), (double) (m.instructions() - first.instructions()) / (m.ops() - first.ops()));
            }
        }
        double loop = measured(perOp, LOOP);
        Map<String, Cost> costs = new LinkedHashMap<>();
        for (String operation : OPERATIONS) {
            double alone = measured(perOp, operation) - loop;
            Optional<Double> withOneRetry = Optional.empty();
            if (perOp.containsKey(operation + CONTENDED)) {
                double retry = measured(perOp, operation + CONTENDED) - measured(perOp, operation + INTERRUPTED);
                if (retry <= 0) {
                    throw new BenchFailure(operation + ": the contended run retried nothing; "
                            + "the contender's interrupts need the runner's contention mode");
                }
                withOneRetry = Optional.of(alone + retry);
            }
            costs.put(operation, new Cost(alone, withOneRetry));
        }
        return new QueueFigures(costs);
    }

    private static double measured(Map<String, Double> perOp, String operation) throws BenchFailure {
        Double value = perOp.get(operation);
        if (value == null) {
            throw new BenchFailure("the queues kernel did not measure \"" + operation + "\" twice");
        }
        return value;
    }

    /** An operation's figures, named as bench/queues.qj names it. */
    public Cost cost(String operation) {
        Cost c = costs.get(operation);
        if (c == null) {
            throw new IllegalArgumentException("no operation " + operation);
        }
        return c;
    }

    /** The table: each operation alone and with one retry, and Massalin's figure for it. */
    public String table() {
        FigureTable table = new FigureTable(List.of("operation", "instructions", "with one retry",
                "Massalin, Table 5.1"));
        for (Map.Entry<String, Cost> entry : costs.entrySet()) {
            Cost cost = entry.getValue();
            table.add(List.of(entry.getKey(), BufferFigures.figure(cost.alone()),
                    cost.withOneRetry().map(BufferFigures::figure).orElse("-"),
                    reference(entry.getKey())));
        }
        return table.render();
    }

    /** Massalin's figure for the operation's kind; the queue's is of a queue with CAS2. */
    private static String reference(String operation) {
        String kind = operation.split(" ")[0];
        return TABLE_5_1.stream().filter(r -> r.operation().equals(kind)).findFirst()
                .map(r -> String.format(Locale.ROOT, "%.1f us = %.0f cycles", r.microseconds(),
                        Quamachine.cycles(r.microseconds())))
                .orElse("");
    }
}
