package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.Contention;
import org.quaject.runner.Preemption;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;

/**
 * What the stress modes cost, as figures for docs/runner.md ("Stress modes"):
 * cas_contend.s (a lock-free counter and pair bumped by the main line and two
 * RTC handlers) and preempt_points.s (a loop without CAS) with the alarms as
 * programmed, under preemption, and under contention, each run a few times
 * after a warm-up, medians printed. Not part
 * of the suite (no Test suffix); run it with
 * {@code mvn -pl test-rom-runner test -Dtest=StressModesBenchmark}.
 */
class StressModesBenchmark {
    private static final int REPETITIONS = 5;

    @TempDir
    Path dir;

    @Test
    void printTheCostOfEachMode() throws Exception {
        for (String fixture : new String[] {"cas_contend", "preempt_points"}) {
            Path image = Fixtures.link(dir, fixture);
            measure(fixture, "programmed alarms", image, Optional.empty());
            measure(fixture, "--preempt 1", image, Optional.of(Preemption.seeded(1)));
            measure(fixture, "--preempt 1 --contend", image, Optional.of(Preemption.seeded(1).contending()));
        }
    }

    private static void measure(String fixture, String mode, Path image, Optional<Preemption> preemption)
            throws Exception {
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
        String interrupts = new String(result.transcript(), US_ASCII).lines()
                .filter(line -> line.startsWith("# interrupts")).findFirst().orElse("");
        System.out.printf("%-15s %-22s %8.1f ms  %s  %s  %s%n", fixture, mode, millis, result.summary(), interrupts,
                result.contention().map(Contention::line).orElse(""));
    }

    private static RunResult run(Path image, Optional<Preemption> preemption) throws Exception {
        RunRequest request = new RunRequest(image, Fixtures.RAM_BYTES, false, null, OutputStream.nullOutputStream(),
                Fixtures.TIMEOUT);
        return new RunnerEngine().run(preemption.map(request::withPreemption).orElse(request));
    }
}
