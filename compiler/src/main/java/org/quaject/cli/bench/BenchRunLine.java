package org.quaject.cli.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.quaject.runner.Preemption;

/**
 * A {@link BenchRun} as one line of text, the way the runner in a second JVM
 * ({@link OtherCoreMain}) reports it to {@link OtherCoreEngine}:
 * <pre>
 * ran WALL_NANOS CONSOLE LINE_STARTS
 * </pre>
 * CONSOLE is the console's text in base64 (UTF-8); LINE_STARTS is {@code -}
 * for none, else each line start as {@code NANOS:INSTRUCTIONS}, separated by
 * commas, INSTRUCTIONS {@code -} where the engine did not count. A run is
 * asked for with a {@link Request}'s line.
 */
public final class BenchRunLine {
    private static final String RAN = "ran";
    private static final String NONE = "-";
    private static final String RUN = "run";
    private static final String PREEMPT = "preempt";
    private static final String CONTEND = "contend";

    private BenchRunLine() {
    }

    /**
     * A run the second JVM is asked for, as one line:
     * <pre>
     * run TIMEOUT_NANOS IMAGE
     * run TIMEOUT_NANOS IMAGE preempt SEED GAP
     * run TIMEOUT_NANOS IMAGE preempt SEED GAP contend
     * </pre>
     * IMAGE in base64 (UTF-8); the preempt fields give the stress mode, if any.
     */
    public record Request(Path image, Duration timeout, Optional<Preemption> stress) {

        public String encode() {
            List<String> fields = new ArrayList<>(List.of(RUN, Long.toString(timeout.toNanos()),
                    field(image.toString())));
            stress.ifPresent(p -> {
                fields.addAll(List.of(PREEMPT, Long.toString(p.seed()), Integer.toString(p.gap())));
                if (p.contend()) {
                    fields.add(CONTEND);
                }
            });
            return String.join(" ", fields);
        }

        /** The request a line of {@link #encode} gives; an {@link IllegalArgumentException} if it is not one. */
        public static Request decode(String line) {
            String[] fields = line.split(" ", -1);
            boolean plain = fields.length == 3;
            boolean stressed = (fields.length == 6 || fields.length == 7 && fields[6].equals(CONTEND))
                    && fields[3].equals(PREEMPT);
            if (!fields[0].equals(RUN) || !plain && !stressed) {
                throw new IllegalArgumentException("not a request: " + line);
            }
            Optional<Preemption> stress = Optional.empty();
            if (stressed) {
                Preemption preemption = Preemption.seeded(Long.parseLong(fields[4]))
                        .withGap(Integer.parseInt(fields[5]));
                stress = Optional.of(fields.length == 7 ? preemption.contending() : preemption);
            }
            return new Request(Path.of(unfield(fields[2])), Duration.ofNanos(Long.parseLong(fields[1])), stress);
        }
    }

    public static String encode(BenchRun run) {
        List<String> starts = new ArrayList<>();
        for (ConsoleWatch.LineStart start : run.lineStarts()) {
            starts.add(start.nanos() + ":" + (start.instructions().isPresent()
                    ? Long.toString(start.instructions().getAsLong()) : NONE));
        }
        return String.join(" ", RAN, Long.toString(run.wallNanos()), field(run.console()),
                starts.isEmpty() ? NONE : String.join(",", starts));
    }

    /** The run a line of {@link #encode} gives; an {@link IllegalArgumentException} if it is not one. */
    public static BenchRun decode(String line) {
        String[] fields = line.split(" ", -1);
        if (fields.length != 4 || !fields[0].equals(RAN)) {
            throw new IllegalArgumentException("not a line of a run: " + line);
        }
        List<ConsoleWatch.LineStart> starts = new ArrayList<>();
        if (!fields[3].equals(NONE)) {
            for (String start : fields[3].split(",", -1)) {
                String[] parts = start.split(":", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not a line start: " + start);
                }
                starts.add(new ConsoleWatch.LineStart(Long.parseLong(parts[0]),
                        parts[1].equals(NONE) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parts[1]))));
            }
        }
        return new BenchRun(Long.parseLong(fields[1]), unfield(fields[2]), starts);
    }

    /** Any text as one field of a line: base64 of its UTF-8 bytes, without blanks. */
    static String field(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String unfield(String field) {
        return new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }
}
