package org.quaject.cli.bench;

import java.util.Locale;
import java.util.Optional;

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
    /** examples/hello: the time from boot to its first console byte. */
    HELLO("hello", null, null);

    /** Where the kernels' sources are in the jar. */
    public static final String BUNDLED_FOLDER = "qj/bench";

    private final String fileStem;
    private final String workSymbol;
    private final String workFormat;

    BenchKernel(String fileStem, String workSymbol, String workFormat) {
        this.fileStem = fileStem;
        this.workSymbol = workSymbol;
        this.workFormat = workFormat;
    }

    /** The kernel's name in the figures: its source's file name without .qj. */
    public String label() {
        return fileStem;
    }

    public String sourceFileName() {
        return fileStem + ".qj";
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
        return String.format(Locale.ROOT, workFormat, size);
    }
}
