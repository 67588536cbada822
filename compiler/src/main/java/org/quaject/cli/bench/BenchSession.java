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
            progress.accept(kernel.getKey().label() + ": 1 warm-up and " + repetitions + " measured "
                    + (repetitions == 1 ? "run" : "runs") + " on " + names(running));
            Map<BenchEngine, List<BenchRun>> runs = new LinkedHashMap<>();
            for (BenchEngine engine : running) {
                engine.run(kernel.getValue(), timeout, stress);
                runs.put(engine, new ArrayList<>());
            }
            for (int i = 0; i < repetitions; i++) {
                for (BenchEngine engine : running) {
                    runs.get(engine).add(engine.run(kernel.getValue(), timeout, stress));
                }
            }
            byKernel.put(kernel.getKey(), runs);
        }
        return new Runs(List.copyOf(engines), byKernel);
    }

    /** The engines' names, e.g. "runner, runner (Unicorn 2.0.1) and QEMU". */
    private static String names(List<BenchEngine> engines) {
        List<String> names = engines.stream().map(BenchEngine::name).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
