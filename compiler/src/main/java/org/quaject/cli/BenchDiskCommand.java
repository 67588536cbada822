package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.cli.bench.BenchEngine;
import org.quaject.cli.bench.BenchFailure;
import org.quaject.cli.bench.BenchFigures;
import org.quaject.cli.bench.BenchRun;
import org.quaject.cli.bench.BenchSession;
import org.quaject.cli.bench.DiskFigures;
import org.quaject.cli.bench.DiskMeasurement;
import org.quaject.cli.bench.HostConditions;
import org.quaject.cli.bench.QemuBenchEngine;
import org.quaject.cli.bench.RunnerBenchEngine;
import org.quaject.compiler.Compiler;
import org.quaject.runner.DiskDrive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qj bench disk}: the virtio-blk driver's instructions a request, and its throughput on both engines. */
@Command(name = "disk",
        mixinStandardHelpOptions = true,
        header = "Measure the virtio-blk disk driver: instructions a request, and throughput on both engines.",
        description = {
            "Build the bench kernel bench/disk.qj that ships with qj, attach an empty disk file of --mib MiB "
                    + "(in a temporary directory, removed afterwards) as the board's first virtio-blk disk, and run "
                    + "the kernel on the in-process runner and on QEMU: one warm-up run each, then the measured "
                    + "runs, the engines taking turns. The kernel drives the disk through the library's driver, "
                    + "runtime-m68k/lib/virtio-blk.qj (docs/devices.md). Three tables:",
            "1. Instructions a request, counted by the runner, so exact (the same on every host and run): "
                    + "for reads and writes of 1 sector and of 128 sectors (64 KiB), 64 requests each,",
            "  polled      read or write, from its jsr to its rts; the runner's disk does a request the moment it "
                    + "is notified, so the wait is one look",
            "  interrupt   submit_read or submit_write from jsr to rts (submit), plus the interrupt handler "
                    + "that reports the request, from its first instruction to its rte, the callback's two "
                    + "instructions included (interrupt); the wait between is not counted",
            "  a sector    the request's instructions over its sectors",
            "  QEMU's disk works beside the CPU, so there a polled request's count includes the wait: the "
                    + "counts are the runner's only.",
            "2. Throughput: the whole disk written, then read, in 64 KiB requests, polled (one request at a "
                    + "time) and by interrupt (up to 8 in flight): MB/s (10^6 bytes a second) of host time "
                    + "between the stopwatch lines around each transfer, on each engine, the median of the "
                    + "measured runs with the least and greatest in brackets, and the runner's median over "
                    + "QEMU's; and the instructions a request between those lines, loop included (on QEMU, a "
                    + "polled request's include the wait).",
            "3. Next to Synthesis: Massalin's dissertation, Table 7.3 (the Quamachine, a 68030 at 25 MHz), "
                    + "reads N bytes of a file in 9 + N/8 us (10 + N/8 under its Unix emulator), shown for "
                    + "N = 512 and 65536 with its own cycles (us x 25), next to this driver's instructions for a "
                    + "read of as many bytes and the guest time the engines give them (128 ns an instruction). "
                    + "A file read through a file system (with a copy to the caller) against a raw sector "
                    + "request (the device moves the data); instructions, not cycles: the project has no cycle "
                    + "model.",
            "Speeds are for reading, taken on an otherwise idle host; with the default size the bench takes "
                    + "about half a minute."})
final class BenchDiskCommand implements Callable<Integer> {

    /** The bench kernel, among the bundled bench sources. */
    static final String SOURCE = "disk.qj";

    /** The largest disk --mib takes: enough for steady figures, small enough for a temporary directory. */
    private static final int MAX_MIB = 1024;

    /** Far beyond a run at the largest size on either engine. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--mib", paramLabel = "N", defaultValue = "128",
            description = "The disk's size in MiB, which each transfer moves whole: 1 to " + MAX_MIB
                    + " (default: ${DEFAULT-VALUE}).")
    int mib;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3",
            description = "Measured runs on each engine, after one warm-up run (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Time only this engine: ${COMPLETION-CANDIDATES} (default: both, side by side). "
                    + "The instruction counts come from the runner either way (one run of it for them with qemu).")
    EngineOptions.EngineName engine;

    @Override
    public Integer call() {
        if (repetitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--repetitions must be at least 1, not " + repetitions);
        }
        if (mib < 1 || mib > MAX_MIB) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--mib must be from 1 to " + MAX_MIB + ", not " + mib);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunnerBenchEngine runner = engine != EngineOptions.EngineName.qemu ? new RunnerBenchEngine() : null;
        QemuBenchEngine qemu = engine != EngineOptions.EngineName.runner ? new QemuBenchEngine() : null;
        try (Workspace workspace = Workspace.open(null)) {
            if (qemu != null) {
                // Before any work: QEMU is there, or the user learns how to get it or to go without.
                qemu.checkInstalled("time the runner alone: qj bench disk --engine runner");
            }
            err.println("qj bench: building " + SOURCE);
            Optional<Compiler.Build> build = BenchSources.build(SOURCE, workspace, err);
            if (build.isEmpty()) {
                return ExitStatus.FAILURE;
            }
            Path image = build.get().elf();
            DiskDrive disk = new DiskDrive(emptyDisk(workspace.directory().resolve("disk.img")), false);
            List<BenchEngine> engines = new ArrayList<>();
            if (runner != null) {
                engines.add(runner);
            }
            if (qemu != null) {
                engines.add(qemu);
            }
            Map<BenchEngine, List<BenchRun>> runs = BenchSession.turns("disk (" + mib + " MiB)", engines,
                    repetitions, line -> err.println("qj bench: " + line), e -> e.run(image, RUN_TIMEOUT, disk));
            Map<BenchEngine, List<DiskMeasurement>> measured = new LinkedHashMap<>();
            for (Map.Entry<BenchEngine, List<BenchRun>> engineRuns : runs.entrySet()) {
                List<DiskMeasurement> parsed = new ArrayList<>();
                for (BenchRun run : engineRuns.getValue()) {
                    parsed.add(DiskMeasurement.parse(run));
                }
                measured.put(engineRuns.getKey(), parsed);
            }
            List<DiskMeasurement> counted;
            if (runner != null) {
                counted = measured.get(runner);
            } else {
                err.println("qj bench: disk: one run on the runner for the instruction counts");
                counted = List.of(DiskMeasurement.parse(new RunnerBenchEngine().run(image, RUN_TIMEOUT, disk)));
            }
            Optional<BenchFigures.Ratio> ratio = runner != null && qemu != null
                    ? Optional.of(new BenchFigures.Ratio("runner/QEMU", runner, qemu)) : Optional.empty();
            DiskFigures figures = DiskFigures.of(counted, measured, ratio);
            print(out, figures, runner != null, qemu != null);
            figures.warnings().forEach(w -> err.println("qj bench: warning: " + w));
            return ExitStatus.SUCCESS;
        } catch (BenchFailure e) {
            err.println("qj bench: error: " + e.getMessage());
            return ExitStatus.FAILURE;
        } catch (IOException e) {
            err.println("qj bench: error: cannot prepare the bench kernel or its disk: " + e.getMessage());
            return ExitStatus.FAILURE;
        }
    }

    /** A disk file of --mib MiB of zeros (a sparse file: the runs fill it). */
    private Path emptyDisk(Path file) throws IOException {
        try (RandomAccessFile disk = new RandomAccessFile(file.toFile(), "rw")) {
            disk.setLength((long) mib << 20);
        }
        return file;
    }

    /** @param timesRunner whether the runner's throughput is measured (it counts the instructions either way) */
    private void print(PrintWriter out, DiskFigures figures, boolean timesRunner, boolean withQemu) {
        out.println("qj bench disk: the virtio-blk driver (runtime-m68k/lib/virtio-blk.qj)"
                + (timesRunner && withQemu ? " on the runner and on QEMU"
                        : withQemu ? ", timed on QEMU" : " on the runner"));
        out.println("disk: " + mib + " MiB, a file in a temporary directory, the board's first virtio-blk disk;"
                + " median of " + repetitions + (repetitions == 1 ? " run" : " runs (least..greatest)")
                + " per engine, after one warm-up run each");
        out.println();
        out.println("1. Instructions of the driver a request: counted by the runner, exact (the same on every host)");
        out.println();
        out.print(figures.costTable());
        out.println();
        out.println("polled: read or write, from its jsr to its rts; the runner's disk does the request when it is");
        out.println("  notified, so the wait is one look (QEMU's disk works beside the CPU: its polled counts");
        out.println("  include the wait, hence the runner's counts only)");
        out.println("interrupt: submit (submit_read or submit_write, jsr to rts) + interrupt (the handler that");
        out.println("  reports the request, first instruction to rte, the callback's 2 instructions included);");
        out.println("  the wait between is not counted, nor the 68030's exception processing");
        out.println("a sector: a request's instructions over its sectors; the device moves the data, so a request");
        out.println("  costs the same whatever its size");
        out.println();
        out.println(String.format(Locale.ROOT, "2. Throughput: the whole %d MiB disk written, then read, in %,d"
                + " requests of 64 KiB", mib, figures.transferRequests()));
        out.println();
        out.print(figures.transferTable());
        out.println();
        out.println("MB/s: 10^6 bytes a second of host time between the stopwatch lines around the transfer,");
        out.println("  their first bytes timed as they reach qj"
                + (withQemu ? " (from QEMU, through its standard output)" : ""));
        out.println("polled: one request at a time (read, write); interrupt: up to 8 in flight (submit_read,");
        out.println("  submit_write), the kernel waiting with stop for the interrupt that reports them");
        if (withQemu) {
            out.println("instructions a request: between the same lines, the kernel's loop included, counted by");
            out.println("  the runner's machine and, on QEMU, by the guest clock; on QEMU a polled request's");
            out.println("  include the wait for the disk, an interrupt-driven one's not (the CPU stops)");
        } else {
            out.println("instructions a request: between the same lines, the kernel's loop included, counted by");
            out.println("  the runner's machine");
        }
        if (timesRunner) {
            out.println("runner: its disk reads and writes the file when the driver notifies it, in the runner's JVM");
        }
        if (withQemu) {
            out.println("QEMU: its virtio-blk-device on the same file (-drive format=raw, QEMU's default cache)");
        }
        out.println();
        out.println("3. Next to Synthesis: reading N bytes");
        out.println();
        out.print(figures.synthesisTable());
        out.println();
        out.println("Synthesis: Massalin's dissertation, Table 7.3, on the Quamachine (MC68030, 25 MHz, 1 us = 25");
        out.println("  cycles): a read of N bytes of a file through the Synthesis file system, its data copied to");
        out.println("  the caller (N/8 us: 8 bytes a microsecond); reading 1 byte takes 9 us (225 cycles)");
        out.println("this driver: one raw request for N bytes (1 or 128 sectors) through virtio-blk, no file");
        out.println("  system and no copy (the device puts the data in the buffer), so its cost does not grow");
        out.println("  with N; it cannot read less than a sector. Instructions, not cycles: the project has no");
        out.println("  cycle model, and a 68030 instruction takes several cycles. Guest time is the engines'");
        out.println("  clock rule (" + DiskFigures.NANOS_PER_INSTRUCTION + " ns an instruction), not a 68030's"
                + " timing");
        out.println();
        HostConditions.describe(true, withQemu).forEach(out::println);
        out.flush();
    }
}
