package org.quaject.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.DiskDrive;
import org.quaject.runner.Engine;
import org.quaject.runner.EngineException;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.Outcome;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.QemuVirtioDevice;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunProgress;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;
import org.quaject.runner.device.DevicePluginException;
import org.quaject.runner.device.DevicePlugins;
import org.quaject.runner.device.DeviceProvider;
import org.quaject.runner.report.CodeLocator;
import org.quaject.runner.report.GuestReport;
import org.quaject.runner.report.RegisterReport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** How {@code run} and {@code test} boot an image. */
final class EngineOptions {

    /** The machines an image can boot on. */
    enum EngineName {
        runner, qemu
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "runner",
            description = "What boots the image: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, "
                    + "the in-process virt68030 machine; qemu is QEMU's virt board, the reference).")
    EngineName engine;

    @Option(names = "--max-instructions", paramLabel = "N",
            description = "Stop the image after it has executed N instructions (runner engine only). "
                    + "Default: 20,000,000,000 for test, so that its verdict is the same on every host; "
                    + "no limit for run. QEMU cannot count instructions: test bounds a QEMU run by --timeout.")
    Long maxInstructions;

    /** Long enough to mean "until the user stops it" for an interactive run. */
    static final Duration UNLIMITED = Duration.ofDays(365);

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop the image after this many seconds of wall time, on top of any instruction budget. "
                    + "Default: none on the runner; 900 for test on QEMU (enough for every example "
                    + "on an idle 2-core machine); none for run.")
    Double timeoutSeconds;

    /**
     * What bounds a run when the command line does not say: the runner counts
     * instructions, so its verdicts do not depend on the host; QEMU cannot stop
     * at an instruction count, so it gets wall time. docs/runner.md gives the
     * measurements behind the defaults.
     *
     * @param runnerInstructions the instruction budget of a run on the runner, if bounded
     * @param qemuTime           the wall-clock limit of a run on QEMU
     */
    record Limits(OptionalLong runnerInstructions, Duration qemuTime) {

        /**
         * {@code qj test}'s instruction budget on the runner: nearly six times
         * what the longest example run as the README prints it needs,
         * examples/queues under {@code --preempt 7 --contend} (3,455,970,585
         * instructions; 3,226,009,824 under {@code --preempt 7}; about 607
         * million without preemption or under {@code --preempt-gap 4096}).
         */
        static final long TEST_INSTRUCTIONS = 20_000_000_000L;

        /**
         * {@code qj test}'s wall-clock limit on QEMU: seven times what the
         * slowest example, examples/queues, takes on a 2-core machine (125 s).
         */
        static final Duration TEST_QEMU_TIME = Duration.ofSeconds(900);

        /** {@code qj run}: interactive, so it runs until the image stops or the user stops it. */
        static final Limits NONE = new Limits(OptionalLong.empty(), UNLIMITED);

        /** {@code qj test}: unattended, so an image that never stops must not hang it. */
        static final Limits TEST = new Limits(OptionalLong.of(TEST_INSTRUCTIONS), TEST_QEMU_TIME);
    }

    @Mixin
    StressOptions stress;

    @Option(names = "--disk", paramLabel = "FILE",
            description = "Attach FILE as the board's first virtio-blk disk (transport 127, 0xff01fe00), "
                    + "a raw disk of 512-byte sectors. The guest's writes reach FILE unless --snapshot is given.")
    Path disk;

    @Option(names = "--snapshot",
            description = "Run on a copy of the disk: FILE is left unchanged, as with QEMU's snapshot=on.")
    boolean snapshot;

    @Option(names = "--device-path", paramLabel = "JARS", split = "${sys:path.separator}",
            description = "Device plug-ins: jar files (separated by '${sys:path.separator}'; the option may be "
                    + "repeated) whose device models ServiceLoader finds (docs/devices.md). --device names their types.")
    List<Path> devicePath = new ArrayList<>();

    @Option(names = "--device", paramLabel = "TYPE",
            description = "Place a device of TYPE on the board for this run: a plug-in's model on the runner, "
                    + "the same device on QEMU (where a virtio TYPE no plug-in provides is QEMU's own "
                    + "TYPE-device, e.g. virtio-rng). Repeatable; virtio devices take the virtio-mmio transports "
                    + "after the disk's, from 126 down (from 127 without a disk), in order.")
    List<String> devices = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Print compiler phases when given a .qj file.")
    boolean verbose;

    /** Where in the image a crash report the guest printed points, if the image can say. */
    interface CrashLocator {
        /**
         * The report's lines: {@code     at 0x... symbol+0x.. (file:line): instruction}, and
         * when a thread crashed, {@code     thread entry 0x... symbol+0x.. (file:line): instruction}.
         */
        Optional<List<String>> locate(GuestReport report);
    }

    /**
     * Boots an image, or a .qj file compiled first, and runs it to its end.
     * Returns empty after saying on {@code err} why it could not.
     *
     * @param defaults      what bounds the run where the command line does not
     * @param input         the console input, given what the image says about itself
     * @param consoleOutput where the console output goes as it comes, given what locates its crash reports
     */
    Optional<Boot> boot(Path argument, boolean testMode, Limits defaults, Function<ImageInfo, InputStream> input,
                        Function<CrashLocator, OutputStream> consoleOutput, PrintWriter err) {
        return boot(argument, testMode, Optional.empty(), RunProgress.NONE, defaults, input, consoleOutput, err);
    }

    /**
     * Boots an image as {@link #boot(Path, boolean, Limits, Function, Function, PrintWriter)} does; in test
     * mode with {@code onlyTest}, the image runs the test of that name alone, with its own console input.
     * On the runner, {@code progress} hears how far the run has got as it goes.
     *
     * @throws CommandLine.ParameterException if the image has no test named {@code onlyTest}
     */
    Optional<Boot> boot(Path argument, boolean testMode, Optional<String> onlyTest, RunProgress progress,
                        Limits defaults,
                        Function<ImageInfo, InputStream> input, Function<CrashLocator, OutputStream> consoleOutput,
                        PrintWriter err) {
        try (Workspace workspace = Workspace.open(null)) {
            // The plug-ins and --device first: a wrong jar or type is told before any compiling.
            DevicePlugins plugins = DevicePlugins.load(devicePath);
            providers(plugins, devices);
            Optional<ImageArgument.Image> image = ImageArgument.load(argument, workspace, verbose, err);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            Optional<OnlyTest> only = onlyTest.map(name -> OnlyTest.find(spec, image.get(), name));
            ImageInfo info = only.map(test -> test.info(image.get().info())).orElse(image.get().info());
            // The kernel's devices (device "TYPE"), then those of the command line.
            List<String> types = new ArrayList<>(info.devices());
            types.addAll(devices);
            List<DeviceProvider> providers = providers(plugins, types);
            CrashLocator locator = crashLocator(image.get().symbols());
            RunRequest request = new RunRequest(image.get().elf(), info.ramBytes(), testMode,
                    input.apply(info), consoleOutput.apply(locator), timeout(defaults), instructionBudget(defaults),
                    stress.preemption(spec, engine == EngineName.runner), diskDrive(image.get().disk()),
                    providers);
            if (only.isPresent()) {
                request = request.withOnlyTest(only.get().number());
            }
            RunResult result = engine(progress).run(request);
            Map<GuestReport, List<String>> locations = new LinkedHashMap<>();
            GuestReport.findAll(new String(result.transcript(), StandardCharsets.UTF_8))
                    .forEach(report -> locator.locate(report).ifPresent(where -> locations.put(report, where)));
            return Optional.of(new Boot(result, locations));
        } catch (EngineException | DevicePluginException e) {
            err.println("qj: error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The providers of device {@code types}, from the --device-path plug-ins.
     * On QEMU a virtio type no plug-in provides is QEMU's own device of that name.
     */
    private List<DeviceProvider> providers(DevicePlugins plugins, List<String> types) throws DevicePluginException {
        List<DeviceProvider> providers = new ArrayList<>();
        for (String type : types) {
            if (engine == EngineName.qemu && plugins.find(type).isEmpty() && QemuVirtioDevice.isVirtioType(type)) {
                providers.add(new QemuVirtioDevice(type));
            } else {
                providers.add(plugins.require(type));
            }
        }
        return providers;
    }

    /**
     * A finished run, and for each crash report the guest printed, where it
     * points in the image: a report line
     * {@code     at 0x... symbol+0x.. (file:line): instruction}, and the thread's entry
     * when a thread crashed.
     */
    record Boot(RunResult result, Map<GuestReport, List<String>> crashLocations) {

        boolean halted() {
            return result.outcome() == Outcome.HALT;
        }

        /** For a run in the contention stress mode, its counts on one line. */
        void reportContention(PrintWriter err) {
            result.contention().ifPresent(counts -> err.println(counts.line()));
        }
    }

    /**
     * What locates crash reports in the image's code, reading the image at
     * the first report: while the run's workspace is open, as a compiled
     * image is temporary.
     */
    private static CrashLocator crashLocator(Optional<Path> symbols) {
        return new CrashLocator() {
            private Optional<CodeLocator> code;

            @Override
            public synchronized Optional<List<String>> locate(GuestReport report) {
                if (code == null) {
                    code = symbols.flatMap(EngineOptions::codeLocator);
                }
                return code.map(locator -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(RegisterReport.where(locator.locate(report.faultAddress())));
                    // An adopted context (main's, a test's) started nowhere: its entry is 0.
                    report.threadEntry().stream().filter(entry -> entry != 0)
                            .forEach(entry -> lines.add(RegisterReport.threadEntry(locator.locate(entry))));
                    return lines;
                });
            }
        };
    }

    private static Optional<CodeLocator> codeLocator(Path image) {
        try {
            return Optional.of(CodeLocator.of(image, ElfFile.read(image)));
        } catch (IOException | ElfFormatException e) {
            // The run read the image itself; failing now is no reason to hide its result.
            return Optional.empty();
        }
    }

    /** The instruction budget of the run: --max-instructions, else the default on the runner; none on QEMU. */
    OptionalLong instructionBudget(Limits defaults) {
        if (maxInstructions == null) {
            return engine == EngineName.runner ? defaults.runnerInstructions() : OptionalLong.empty();
        }
        if (maxInstructions <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-instructions must be a positive number, not " + maxInstructions);
        }
        if (engine != EngineName.runner) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-instructions needs --engine runner: QEMU cannot count instructions to a limit");
        }
        return OptionalLong.of(maxInstructions);
    }

    /** The disk: the disk image being booted, or the one --disk attaches, if any. */
    private Optional<DiskDrive> diskDrive(Optional<Path> diskImage) {
        if (diskImage.isPresent() && disk != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--disk cannot be given with a disk image: the image is the disk");
        }
        Optional<Path> file = diskImage.or(() -> Optional.ofNullable(disk));
        if (file.isEmpty() && snapshot) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--snapshot needs a disk: give --disk FILE, or an .img image");
        }
        return file.map(f -> new DiskDrive(f, snapshot));
    }

    private Engine engine(RunProgress progress) {
        return switch (engine) {
            case runner -> new RunnerEngine(progress);
            case qemu -> new QemuEngine();
        };
    }

    /** The wall-clock limit of the run: --timeout, else the default on QEMU; none on the runner. */
    Duration timeout(Limits defaults) {
        if (timeoutSeconds == null) {
            return engine == EngineName.qemu ? defaults.qemuTime() : UNLIMITED;
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > UNLIMITED.toSeconds()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout must be a positive number of seconds, not " + timeoutSeconds);
        }
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }
}
