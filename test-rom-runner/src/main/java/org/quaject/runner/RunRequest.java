package org.quaject.runner;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.quaject.runner.device.DeviceProvider;

/**
 * What to run and how.
 *
 * @param image         the linked image (ELF) to boot
 * @param ramBytes      RAM size of the board; a positive multiple of {@link #RAM_GRANULE}
 * @param testMode      boot the image's test harness (kernel command line {@value #TEST_MODE_COMMAND_LINE})
 * @param consoleInput  bytes typed on the console, or {@code null} for none
 * @param consoleOutput receives the console output as it arrives, without the status line; left open
 * @param timeout       wall-clock time after which the run is stopped
 * @param maxInstructions instructions after which the run is stopped, if bounded; only
 *                      engines that count instructions can honour it
 * @param preemption    the stress mode to run in, if any; only the runner engine has them
 * @param disk          the disk attached to the board, if any
 * @param devices       devices of plug-ins placed on the board, one of each provider, in order: their
 *                      models on the runner, their {@link DeviceProvider#qemuArguments()} on QEMU; the
 *                      virtio ones take the transports after the disk's
 * @param onlyTest      in test mode, the number (from 1) of the one test to run, if not all of them
 *                      (kernel command line word {@value #ONLY_TEST_WORD}N)
 */
public record RunRequest(Path image, long ramBytes, boolean testMode, InputStream consoleInput,
                         OutputStream consoleOutput, Duration timeout, OptionalLong maxInstructions,
                         Optional<Preemption> preemption, Optional<DiskDrive> disk, List<DeviceProvider> devices,
                         OptionalInt onlyTest) {

    /** The kernel command line that tells an image to run its tests and report them in TAP. */
    public static final String TEST_MODE_COMMAND_LINE = "qj.test";

    /**
     * The start of the command line word {@code qj.only=N}, which tells the
     * harness to run test N alone (runtime-m68k/harness.s).
     */
    public static final String ONLY_TEST_WORD = "qj.only=";

    /**
     * QEMU rounds the RAM size up to a multiple of 8 KiB (set_memory_options
     * in softmmu/vl.c); asking for such multiples only means the guest gets
     * exactly the RAM requested, on every engine.
     */
    public static final long RAM_GRANULE = 8 * 1024;

    public RunRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(consoleOutput, "consoleOutput");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxInstructions, "maxInstructions");
        Objects.requireNonNull(preemption, "preemption");
        Objects.requireNonNull(disk, "disk");
        devices = List.copyOf(devices);
        Objects.requireNonNull(onlyTest, "onlyTest");
        if (onlyTest.isPresent() && (!testMode || onlyTest.getAsInt() <= 0)) {
            throw new IllegalArgumentException("only a test-mode run can run one test, numbered from 1, not "
                    + onlyTest.getAsInt());
        }
        if (!isRunnableRamSize(ramBytes)) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of " + RAM_GRANULE
                    + " bytes, not " + ramBytes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        if (maxInstructions.isPresent() && maxInstructions.getAsLong() <= 0) {
            throw new IllegalArgumentException("the instruction budget must be positive, not "
                    + maxInstructions.getAsLong());
        }
    }

    /** A request that runs all the image's tests in test mode. */
    public RunRequest(Path image, long ramBytes, boolean testMode, InputStream consoleInput,
                      OutputStream consoleOutput, Duration timeout, OptionalLong maxInstructions,
                      Optional<Preemption> preemption, Optional<DiskDrive> disk, List<DeviceProvider> devices) {
        this(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, maxInstructions, preemption, disk,
                devices, OptionalInt.empty());
    }

    /** The kernel command line the image boots with: empty, or the test mode's words. */
    public String commandLine() {
        if (!testMode) {
            return "";
        }
        return onlyTest.isPresent() ? TEST_MODE_COMMAND_LINE + " " + ONLY_TEST_WORD + onlyTest.getAsInt()
                : TEST_MODE_COMMAND_LINE;
    }

    /** A request without devices of plug-ins. */
    public RunRequest(Path image, long ramBytes, boolean testMode, InputStream consoleInput,
                      OutputStream consoleOutput, Duration timeout, OptionalLong maxInstructions,
                      Optional<Preemption> preemption, Optional<DiskDrive> disk) {
        this(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, maxInstructions, preemption, disk,
                List.of());
    }

    /** The timeout as people write it: {@code 60 s}, {@code 0.25 s}. */
    public String timeoutText() {
        return BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A request in no stress mode. */
    public RunRequest(Path image, long ramBytes, boolean testMode, InputStream consoleInput,
                      OutputStream consoleOutput, Duration timeout, OptionalLong maxInstructions) {
        this(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, maxInstructions, Optional.empty(),
                Optional.empty());
    }

    /** The same request, run in the stress mode {@code mode}. */
    public RunRequest withPreemption(Preemption mode) {
        return new RunRequest(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, maxInstructions,
                Optional.of(mode), disk, devices, onlyTest);
    }

    /** The same request, with {@code drive} attached to the board. */
    public RunRequest withDisk(DiskDrive drive) {
        return new RunRequest(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, maxInstructions,
                preemption, Optional.of(drive), devices, onlyTest);
    }

    /** The same request, with a device of each of {@code providers} on the board. */
    public RunRequest withDevices(List<DeviceProvider> providers) {
        return new RunRequest(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, maxInstructions,
                preemption, disk, providers, onlyTest);
    }

    /** The same request, running test {@code number} (from 1) alone. */
    public RunRequest withOnlyTest(int number) {
        return new RunRequest(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, maxInstructions,
                preemption, disk, devices, OptionalInt.of(number));
    }

    /** A request bounded by wall-clock time only. */
    public RunRequest(Path image, long ramBytes, boolean testMode, InputStream consoleInput,
                      OutputStream consoleOutput, Duration timeout) {
        this(image, ramBytes, testMode, consoleInput, consoleOutput, timeout, OptionalLong.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Whether every engine can give the guest exactly this much RAM. */
    public static boolean isRunnableRamSize(long bytes) {
        return bytes > 0 && bytes % RAM_GRANULE == 0;
    }
}
