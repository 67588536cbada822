package org.quaject.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.quaject.runner.Preemption;

/**
 * Runs every kernel on every engine: first one run per kernel and engine that
 * is thrown away (it warms up the JVM's compiled code for the runner, and the
 * host's file cache for QEMU), then the measured runs, the engines taking
 * turns so that a change in the host's load touches both alike.
 */
public final class BenchSession {

    /**
     * The measured runs, by kernel and engine, in the order they were given;
     * a kernel in a stress mode has no runs on an engine without stress modes.
     */
    public record Runs(List<BenchEngine> engines, Map<BenchKernel, Map<BenchEngine, List<BenchRun>>> byKernel) {
    }

    private BenchSession() {
    }

    /**
     * @param images   the built kernels, in the order to run them
     * @param progress receives a line as each kernel begins
     */
    public static Runs run(Map<BenchKernel, Path> images, List<BenchEngine> engines, int repetitions,
                           Duration timeout, Consumer<String> progress) throws BenchFailure {
        Map<BenchKernel, Map<BenchEngine, List<BenchRun>>> byKernel = new LinkedHashMap<>();
        for (Map.Entry<BenchKernel, Path> kernel : images.entrySet()) {
            Optional<Preemption> stress = kernel.getKey().stress();
            // A kernel in a stress mode runs on the engines that have them only.
            List<BenchEngine> running = engines.stream().filter(e -> stress.isEmpty() || e.hasStressModes()).toList();
            if (running.isEmpty()) {
                continue;
            }
            Path image = kernel.getValue();
            Map<BenchEngine, List<BenchRun>> runs = turns(kernel.getKey().label(), running, repetitions, progress,
                    engine -> engine.run(image, timeout, stress));
            byKernel.put(kernel.getKey(), runs);
        }
        return new Runs(List.copyOf(engines), byKernel);
    }

    /** One run of a kernel on an engine, however the kernel is run (a stress mode, a disk attached). */
    public interface Run {
        BenchRun on(BenchEngine engine) throws BenchFailure;
    }

    /**
     * One kernel on every engine: a warm-up run on each, thrown away, then
     * {@code repetitions} measured runs, the engines taking turns.
     *
     * @param label    the kernel's name in the progress line
     * @param progress receives a line as the kernel begins
     * @return the measured runs by engine, in the engines' order
     */
    public static Map<BenchEngine, List<BenchRun>> turns(String label, List<BenchEngine> engines, int repetitions,
                                                         Consumer<String> progress, Run run) throws BenchFailure {
        progress.accept(label + ": 1 warm-up and " + repetitions + " measured "
                + (repetitions == 1 ? "run" : "runs") + " on " + names(engines));
        Map<BenchEngine, List<BenchRun>> runs = new LinkedHashMap<>();
        for (BenchEngine engine : engines) {
            run.on(engine);
            runs.put(engine, new ArrayList<>());
        }
        for (int i = 0; i < repetitions; i++) {
            for (BenchEngine engine : engines) {
                runs.get(engine).add(run.on(engine));
            }
        }
        return runs;
    }

    /** The engines' names, e.g. "runner, runner (Unicorn 2.0.1) and QEMU". */
    private static String names(List<BenchEngine> engines) {
        List<String> names = engines.stream().map(BenchEngine::name).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
