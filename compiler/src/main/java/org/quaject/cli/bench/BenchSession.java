package org.quaject.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs every kernel on every engine: first one run per kernel and engine that
 * is thrown away (it warms up the JVM's compiled code for the runner, and the
 * host's file cache for QEMU), then the measured runs, the engines taking
 * turns so that a change in the host's load touches both alike.
 */
public final class BenchSession {

    /** The measured runs, by kernel and engine, in the order they were given. */
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
        String engineNames = engines.stream().map(BenchEngine::name).collect(Collectors.joining(" and "));
        Map<BenchKernel, Map<BenchEngine, List<BenchRun>>> byKernel = new LinkedHashMap<>();
        for (Map.Entry<BenchKernel, Path> kernel : images.entrySet()) {
            progress.accept(kernel.getKey().label() + ": 1 warm-up and " + repetitions + " measured "
                    + (repetitions == 1 ? "run" : "runs") + " on " + engineNames);
            Map<BenchEngine, List<BenchRun>> runs = new LinkedHashMap<>();
            for (BenchEngine engine : engines) {
                engine.run(kernel.getValue(), timeout);
                runs.put(engine, new ArrayList<>());
            }
            for (int i = 0; i < repetitions; i++) {
                for (BenchEngine engine : engines) {
                    runs.get(engine).add(engine.run(kernel.getValue(), timeout));
                }
            }
            byKernel.put(kernel.getKey(), runs);
        }
        return new Runs(List.copyOf(engines), byKernel);
    }
}
