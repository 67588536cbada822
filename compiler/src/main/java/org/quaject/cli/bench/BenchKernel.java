package org.quaject.cli.bench;

import java.util.Locale;
import java.util.Optional;
import org.quaject.runner.Preemption;

/**
 * The kernels {@code qj bench runner} measures. Their sources ship inside
 * the qj jar under {@value #BUNDLED_FOLDER} (from the repository's bench/,
 * and hello from examples/hello/), so the bench runs from any directory.
 */
public enum BenchKernel {
    /** Halts at once: an engine's start-up and shutdown, and nothing else. */
    HALT("halt", null, null),
    /** A tight loop over a table in RAM (bench/compute.qj). */
    COMPUTE("compute", "work$rounds", "%,d rounds over a 4 KiB table"),
    /** An RTC alarm every 1,000 instructions (bench/interrupts.qj). */
    INTERRUPTS("interrupts", "alarm$interrupts", "%,d RTC alarm interrupts, one every 1,000 instructions"),
    /**
     * bench/interrupts.qj in the runner's preemption stress mode, {@code
     * --preempt 1 --preempt-gap 100} (docs/runner.md, "Stress modes"): each
     * alarm the handler arms fires after 1 to 100 instructions instead, so
     * that every interrupt lands at an exact instruction: as many interrupts
     * as the interrupts kernel's, some 60 instructions apart. Runner only:
     * QEMU has no stress modes.
     */
    STRESS("stress", "interrupts", "alarm$interrupts",
            "%,d RTC alarm interrupts, each 1..%d instructions after it is armed",
            Preemption.seeded(1).withGap(100)),
    /** examples/hello: the time from boot to its first console byte. */
    HELLO("hello", null, null);

    /** Where the kernels' sources are in the jar. */
    public static final String BUNDLED_FOLDER = "qj/bench";

    private final String label;
    private final String fileStem;
    private final String workSymbol;
    private final String workFormat;
    private final Preemption stress;

    BenchKernel(String fileStem, String workSymbol, String workFormat) {
        this(fileStem, fileStem, workSymbol, workFormat, null);
    }

    BenchKernel(String label, String fileStem, String workSymbol, String workFormat, Preemption stress) {
        this.label = label;
        this.fileStem = fileStem;
        this.workSymbol = workSymbol;
        this.workFormat = workFormat;
        this.stress = stress;
    }

    /** The kernel's name in the figures: its source's file name without .qj, unless it shares a source. */
    public String label() {
        return label;
    }

    /** The start of the kernel's rows in the table: its label, and its stress mode's gap if it has one. */
    public String rowLabel() {
        return stress == null ? label : label + " (gap " + stress.gap() + ")";
    }

    public String sourceFileName() {
        return fileStem + ".qj";
    }

    /**
     * The runner's stress mode the kernel runs in, if any: such a kernel runs
     * on the engines that have the stress modes only ({@link BenchEngine#hasStressModes()}).
     */
    public Optional<Preemption> stress() {
        return Optional.ofNullable(stress);
    }

    /**
     * The long field that says how much work the kernel does, for a kernel
     * whose instructions the figures count: it reads the stopwatch
     * (bench/stopwatch.qj) before and after that work.
     */
    public Optional<String> workSymbol() {
        return Optional.ofNullable(workSymbol);
    }

    /** What a work size means for this kernel, e.g. "40,000 rounds over a 4 KiB table". */
    public String describeWork(long size) {
        if (workFormat == null) {
            throw new IllegalStateException(this + " has no work size");
        }
        return stress == null ? String.format(Locale.ROOT, workFormat, size)
                : String.format(Locale.ROOT, workFormat, size, stress.gap())
                        + " (--preempt " + stress.seed() + " --preempt-gap " + stress.gap() + ")";
    }
}
