package org.quaject.cli.bench;

import java.util.List;

/**
 * One run of a kernel on one engine, start to halt.
 *
 * @param wallNanos  host time from the start of the run to the end of the engine's work
 * @param console    everything the image wrote, its status line included
 * @param lineStarts when each console line began ({@link ConsoleWatch}), in order
 */
public record BenchRun(long wallNanos, String console, List<ConsoleWatch.LineStart> lineStarts) {

    public BenchRun {
        lineStarts = List.copyOf(lineStarts);
    }
}
