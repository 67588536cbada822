package org.quaject.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.quaject.runner.cpu.CpuCore;

/**
 * Runs the tests inside each kernel's image, as {@code qj test IMAGE.elf}
 * does, in Maven's JVM on the runner engine; writes a Surefire-style report
 * per image, one test case per test block; and fails the build if a test
 * failed, as Surefire does.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends KernelsMojo {

    /** Where the reports go: TEST-NAME.elf.xml per image (TEST-NAME.elf-preempt-SEED.xml per seed). */
    @Parameter(property = "qj.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    File reportsDirectory;

    /** What boots the images: runner (in Maven's JVM) or qemu. */
    @Parameter(property = "qj.engine", defaultValue = "runner")
    String engine;

    /** The kernels to test, by name (the .qj file's name without .qj); all of them if not given. */
    @Parameter(property = "qj.kernels")
    List<String> kernels;

    /** Run only the test block of this name: one kernel's, so the project must have one kernel, or qj.kernels name one. */
    @Parameter(property = "qj.only")
    String only;

    /** The most instructions a test run may execute (runner only); qj test's default if not given. */
    @Parameter(property = "qj.maxInstructions")
    Long maxInstructions;

    /** Test again under preemption (runner only): one run per seed, as qj test --preempt SEED. */
    @Parameter(property = "qj.preempt")
    List<Long> preempt;

    /** With preempt: the most instructions between arming an alarm and its interrupt (qj test --preempt-gap). */
    @Parameter(property = "qj.preemptGap")
    Integer preemptGap;

    /** With preempt: also interrupt just before each CAS and CAS2 (qj test --contend). */
    @Parameter(property = "qj.contend", defaultValue = "false")
    boolean contend;

    /**
     * The runner's CPU core: a libunicorn.so.2 file, or "debian" for Debian's libunicorn2 (the default when
     * the runner comes from a Maven repository). Set as the system property qj.cpu.core, which the runner
     * reads once per JVM, at its first run.
     */
    @Parameter(property = CpuCore.PROPERTY)
    String cpuCore;

    /** Run no test, as Surefire. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Run no test, as Surefire. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skip;

    /** Report failed tests without failing the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipTests || skip) {
            getLog().info("Tests are skipped.");
            return;
        }
        List<Path> selected = selectedKernels();
        if (selected.isEmpty()) {
            getLog().info("No kernels to test: no .qj file in " + sourceDirectory + " declares a kernel");
            return;
        }
        if (only != null && selected.size() != 1) {
            throw new MojoExecutionException("qj.only needs one kernel, as a test name belongs to one; "
                    + "choose it with qj.kernels among " + names(selected));
        }
        if (engine.equals("runner")) {
            if (cpuCore != null) {
                System.setProperty(CpuCore.PROPERTY, cpuCore);
            }
            getLog().info("Runner CPU core: " + CpuCore.loaded().describe());
            getLog().info("Runner core guard: " + CpuCore.loaded().guard());
        }
        List<Path> images = new ArrayList<>();
        for (Path kernel : selected) {
            Path image = Kernels.image(imageDirectory, kernel, ".elf");
            if (!Files.isRegularFile(image)) {
                throw new MojoExecutionException("no image " + image + " for " + kernel
                        + ": qj:build writes it (bound to the compile phase)");
            }
            images.add(image);
        }
        List<TestReports.Outcome> outcomes = new ArrayList<>();
        for (Path image : images) {
            for (Long seed : seeds()) {
                outcomes.add(test(image, seed));
            }
        }
        TestReports.Summary summary = TestReports.summarize(outcomes);
        summary.lines().forEach(getLog()::info);
        if (!summary.passed()) {
            String message = "There are test failures: " + summary.verdict() + ". The reports are in "
                    + reportsDirectory;
            if (testFailureIgnore) {
                getLog().error(message);
            } else {
                throw new MojoFailureException(message);
            }
        }
    }

    /** One run per preemption seed; a single run without preemption if none is given. */
    private List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        if (preempt == null || preempt.isEmpty()) {
            seeds.add(null);
        } else {
            seeds.addAll(preempt);
        }
        return seeds;
    }

    private TestReports.Outcome test(Path image, Long seed) throws MojoExecutionException {
        String run = image.getFileName() + (seed == null ? "" : "-preempt-" + seed);
        Path report = reportsDirectory.toPath().resolve("TEST-" + run + ".xml");
        List<String> arguments = new ArrayList<>(List.of("test", image.toString(), "--engine", engine,
                "--junit-xml", report.toString(), "--progress", "never"));
        if (only != null) {
            arguments.addAll(List.of("--only", only));
        }
        if (maxInstructions != null) {
            arguments.addAll(List.of("--max-instructions", maxInstructions.toString()));
        }
        if (seed != null) {
            arguments.addAll(List.of("--preempt", seed.toString()));
        }
        if (preemptGap != null) {
            arguments.addAll(List.of("--preempt-gap", preemptGap.toString()));
        }
        if (contend) {
            arguments.add("--contend");
        }
        getLog().info("Running " + run);
        QjCommand.Result result = QjCommand.run(arguments, getLog()::info, this::logStandardError);
        if (result.exitStatus() == QjCommand.USAGE) {
            throw new MojoExecutionException("the plugin's parameters do not fit: " + result.errors());
        }
        return TestReports.read(run, report, result.succeeded());
    }

    /** qj test's standard error has its problems, and as TAP comments, the contention counts ("# contend: ..."). */
    private void logStandardError(CharSequence line) {
        if (line.toString().startsWith("# ")) {
            getLog().info(line);
        } else {
            getLog().warn(line);
        }
    }

    private List<Path> selectedKernels() throws MojoExecutionException {
        List<Path> all = Kernels.in(sourceDirectory);
        if (kernels == null || kernels.isEmpty()) {
            return all;
        }
        List<Path> selected = new ArrayList<>();
        for (String name : kernels) {
            selected.add(all.stream().filter(kernel -> Kernels.name(kernel).equals(name)).findFirst()
                    .orElseThrow(() -> new MojoExecutionException("qj.kernels: no kernel " + name + " in "
                            + sourceDirectory + "; the kernels are " + names(all))));
        }
        return selected;
    }

    private static String names(List<Path> kernels) {
        return kernels.isEmpty() ? "none" : kernels.stream().map(Kernels::name).collect(Collectors.joining(", "));
    }
}
