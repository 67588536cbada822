package org.quaject.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.cpu.CpuCore;

/** What the figures were measured on, for the lines under the table. */
public final class HostConditions {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private HostConditions() {
    }

    /** The runner's CPU core: its version, its file, and why that one. */
    public static String runnerCore() {
        return "runner CPU core: " + CpuCore.loaded().describe();
    }

    /**
     * The runner's other CPU core, run in a second JVM ({@link OtherCoreEngine}).
     *
     * @param description the core as {@link CpuCore#describe()} names it there
     */
    public static String otherRunnerCore(String description) {
        return "runner CPU core in a second JVM: " + description;
    }

    /** The host, the JVM, the runner's core if it took part, and QEMU's version and clock rule if it did. */
    public static List<String> describe(boolean withRunner, boolean withQemu) {
        return describe(withRunner, Optional.empty(), withQemu);
    }

    /**
     * The same, and after the runner's core the other core it ran on in a
     * second JVM, if it did ({@link #otherRunnerCore(String)}).
     */
    public static List<String> describe(boolean withRunner, Optional<String> otherCore, boolean withQemu) {
        List<String> lines = new ArrayList<>(machine());
        if (withRunner) {
            lines.add(runnerCore());
        }
        otherCore.ifPresent(core -> lines.add(otherRunnerCore(core)));
        if (withQemu) {
            lines.add("QEMU: " + qemuVersion() + ", -icount shift=" + QemuEngine.ICOUNT_SHIFT + ",sleep=off");
        }
        lines.add("guest time: " + (1 << QemuEngine.ICOUNT_SHIFT) + " ns per instruction on both engines");
        return lines;
    }

    /** The host (CPUs, model, OS) and the JVM with its options. */
    public static List<String> machine() {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return List.of("host: " + cpus + (cpus == 1 ? " CPU" : " CPUs") + cpuModel().map(m -> ", " + m).orElse("")
                        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " " + System.getProperty("os.arch"),
                "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + (options.isEmpty() ? "" : ", options " + String.join(" ", options)));
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(CPU_INFO).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String qemuVersion() {
        try {
            Process qemu = new ProcessBuilder(QemuEngine.EXECUTABLE, "--version").redirectErrorStream(true).start();
            String said = new String(qemu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            qemu.waitFor(10, TimeUnit.SECONDS);
            return said.lines().findFirst().orElse("version unknown");
        } catch (IOException e) {
            return "version unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "version unknown";
        }
    }
}
