package org.quaject.binutils;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * GNU binutils for m68k (Debian package {@code binutils-m68k-linux-gnu}): the
 * assembler, linker and objcopy the compiler drives.
 */
public final class Toolchain {

    public static final String PREFIX = "m68k-linux-gnu-";
    public static final String DEBIAN_PACKAGE = "binutils-m68k-linux-gnu";
    /**
     * The address space each tool may take: far more than any kernel needs,
     * and a bound on input that makes a tool grow without end ({@code .rept}
     * with a huge count, {@code .include} of a device), which then stops with
     * "out of memory" at once rather than after gigabytes. Set with prlimit
     * (util-linux, which every Debian system has).
     */
    private static final long MEMORY_BYTES = 1L << 30;
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    /** A safety net only, for a tool that neither finishes nor grows. */
    static final Duration TIME_LIMIT = Duration.ofMinutes(10);
    /** Characters of arguments passed on the command line; more go through a file ({@link #passable}). */
    private static final long MAX_INLINE_ARGUMENTS = 32 * 1024;

    /** The output of one tool run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path directory;
    private final Duration timeLimit;

    private Toolchain(Path directory, Duration timeLimit) {
        this.directory = directory;
        this.timeLimit = timeLimit;
    }

    /** The tools in {@code directory}, each stopped after {@code timeLimit}; for tests of the limit. */
    static Toolchain in(Path directory, Duration timeLimit) {
        return new Toolchain(directory, timeLimit);
    }

    /** Finds the tools on PATH, or says which package to install. */
    public static Toolchain locate() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, PREFIX + "as"))) {
                return new Toolchain(Path.of(dir), TIME_LIMIT);
            }
        }
        throw new ToolchainException("GNU binutils for m68k (" + PREFIX + "as) are not installed: "
                + "install the Debian package " + DEBIAN_PACKAGE + " (apt-get install " + DEBIAN_PACKAGE + ")");
    }

    /** Runs {@code m68k-linux-gnu-TOOL} with arguments in a directory and returns its output. */
    public Result run(String tool, List<String> arguments, Path workingDirectory) {
        Path executable = directory.resolve(PREFIX + tool);
        if (!Files.isExecutable(executable)) {
            throw new ToolchainException(PREFIX + tool + " is missing: reinstall the Debian package " + DEBIAN_PACKAGE);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PRLIMIT)) {
            command.addAll(List.of(PRLIMIT.toString(), "--as=" + MEMORY_BYTES, "--"));
        }
        command.add(executable.toString());
        try {
            command.addAll(passable(arguments, workingDirectory, tool));
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ToolchainException(PREFIX + tool + " did not finish within " + timeLimit.toSeconds()
                        + " s and was stopped");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new ToolchainException("cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolchainException("interrupted while running " + executable);
        }
    }

    /**
     * The arguments as given, or, when they are too long for the kernel to pass
     * (Linux takes at most 128 KiB in one argument), one {@code @FILE} argument
     * naming a file that holds them: every binutils tool reads its arguments
     * from such a file (libiberty's expandargv), each separated by white space,
     * with a backslash before any white space, quote or backslash in one.
     */
    private static List<String> passable(List<String> arguments, Path workingDirectory, String tool)
            throws IOException {
        long length = arguments.stream().mapToLong(String::length).sum();
        if (length <= MAX_INLINE_ARGUMENTS) {
            return arguments;
        }
        StringBuilder text = new StringBuilder();
        for (String argument : arguments) {
            text.append(argument.replaceAll("([\\s'\"\\\\])", "\\\\$1")).append('\n');
        }
        Path file = Files.createTempFile(workingDirectory, tool + "-arguments-", ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return List.of("@" + file);
    }

    /** Runs a tool that must succeed; its failure is a compiler problem, reported with its messages. */
    public Result runChecked(String tool, List<String> arguments, Path workingDirectory) {
        Result result = run(tool, arguments, workingDirectory);
        if (!result.ok()) {
            throw new ToolchainException(PREFIX + tool + " failed (exit " + result.exitCode() + "): "
                    + (result.stderr() + result.stdout()).strip());
        }
        return result;
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
