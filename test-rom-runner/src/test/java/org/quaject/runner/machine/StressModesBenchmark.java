package org.quaject.runner.machine;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.Preemption;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;

/**
 * What the stress modes cost, as figures for docs/runner.md ("Stress modes"):
 * cas_contend.s (a lock-free counter and pair bumped by the main line and two
 * RTC handlers) with the alarms as programmed, under preemption, and under
 * contention, each run a few times after a warm-up, medians printed. Not part
 * of the suite (no Test suffix); run it with
 * {@code mvn -pl test-rom-runner test -Dtest=StressModesBenchmark}.
 */
class StressModesBenchmark {
    private static final int REPETITIONS = 5;

    @TempDir
    Path dir;

    @Test
    void printTheCostOfEachMode() throws Exception {
        Path image = Fixtures.link(dir, "cas_contend");
        measure("programmed alarms", image, Optional.empty());
        measure("--preempt 1", image, Optional.of(Preemption.seeded(1)));
        measure("--preempt 1 --contend", image, Optional.of(Preemption.seeded(1).contending()));
    }

    private static void measure(String mode, Path image, Optional<Preemption> preemption) throws Exception {
        run(image, preemption);
        List<Long> nanos = new ArrayList<>();
        RunResult result = null;
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            result = run(image, preemption);
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        double millis = nanos.get(REPETITIONS / 2) / 1e6;
        System.out.printf("%-24s %8.1f ms  %s  %s%n", mode, millis, result.summary(),
                result.contention().map(c -> c.line() + String.format(" (%.1f us per CAS/CAS2)",
                        millis * 1000 / c.executed())).orElse(""));
    }

    private static RunResult run(Path image, Optional<Preemption> preemption) throws Exception {
        RunRequest request = new RunRequest(image, Fixtures.RAM_BYTES, false, null, OutputStream.nullOutputStream(),
                Fixtures.TIMEOUT);
        return new RunnerEngine().run(preemption.map(request::withPreemption).orElse(request));
    }
}
