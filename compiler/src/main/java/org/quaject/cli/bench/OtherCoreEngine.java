package org.quaject.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.quaject.runner.Preemption;
import org.quaject.runner.cpu.CpuCore;

/**
 * The runner on Debian's CPU core (Unicorn 2.0.1) while this process runs on
 * another one: a process chooses its core once (docs/runner.md, "The CPU
 * core"), so this engine runs the runner in a second JVM, started with
 * {@code QJ_CPU_CORE=debian}: the same java, class path and JVM options as
 * this one. The second JVM ({@link OtherCoreMain}) stays up for the whole
 * session, so that its warm-up runs warm it as this JVM's warm up this one,
 * and times each run itself, exactly as {@link RunnerBenchEngine} does here;
 * a run's figures come back as one line ({@link BenchRunLine}).
 */
public final class OtherCoreEngine implements RunnerLikeEngine, AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final BufferedReader replies;
    private final Writer requests;
    private String name = "runner (Debian's core)";
    private String version = "";
    private String description = "";

    private OtherCoreEngine(Process process) {
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Whether this process is to look for the other core: not when its own
     * core was chosen to be Debian's, by the system property or else the
     * environment variable (either may be null).
     */
    public static boolean wanted(String property, String variable) {
        String chosen = property != null && !property.isBlank() ? property : variable;
        return !CpuCore.DEBIAN.equals(chosen);
    }

    /** {@link #wanted(String, String)} for this process. */
    public static boolean wanted() {
        return wanted(System.getProperty(CpuCore.PROPERTY), System.getenv(CpuCore.VARIABLE));
    }

    /** Starts the second JVM, which loads Debian's core at once; {@link #connect()} says whether it did. */
    public static OtherCoreEngine start() throws BenchFailure {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OtherCoreMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(CpuCore.VARIABLE, CpuCore.DEBIAN);
        try {
            return new OtherCoreEngine(builder.start());
        } catch (IOException e) {
            throw new BenchFailure("cannot start a second JVM for Debian's CPU core: " + e.getMessage(), e);
        }
    }

    /**
     * This JVM's options that the second one takes too, so that both run the
     * runner alike: the -X and -D options, but not one that chooses the core,
     * and none that attaches a debugger.
     */
    public static List<String> jvmOptions(List<String> options) {
        return options.stream()
                .filter(o -> o.startsWith("-X") || o.startsWith("-D"))
                .filter(o -> !o.startsWith("-D" + CpuCore.PROPERTY + "="))
                .filter(o -> !o.startsWith("-Xrun") && !o.startsWith("-Xdebug"))
                .toList();
    }

    /**
     * Waits for the second JVM to load its core. Empty if it is ready to run
     * the runner on Debian's core, a core other than this process's; else
     * why not, and the second JVM is stopped.
     */
    public Optional<String> connect() throws BenchFailure {
        CpuCore own = CpuCore.loaded();
        String hello = reply();
        if (hello == null) {
            close();
            return Optional.of("the second JVM ended before it loaded Debian's core");
        }
        String[] fields = hello.split(" ", -1);
        try {
            if (fields.length == 2 && fields[0].equals("unavailable")) {
                close();
                return Optional.of(BenchRunLine.unfield(fields[1]));
            }
            if (fields.length != 4 || !fields[0].equals("core")) {
                throw new IllegalArgumentException(hello);
            }
            version = BenchRunLine.unfield(fields[1]);
            description = BenchRunLine.unfield(fields[2]);
            Set<String> files = new TreeSet<>(List.of(BenchRunLine.unfield(fields[3]).split("\n")));
            if (files.removeAll(loadedCoreFiles())) {
                close();
                return Optional.of("this process runs on Debian's core already");
            }
        } catch (IllegalArgumentException e) {
            close();
            throw new BenchFailure("the second JVM for Debian's CPU core said what it should not: " + hello, e);
        }
        name = own.isAvailable() && version.equals(own.version())
                ? "runner (Debian's Unicorn " + version + ")" : "runner (Unicorn " + version + ")";
        return Optional.empty();
    }

    /** The core's version, as the library in the second JVM reports it (after {@link #connect()}). */
    public String version() {
        return version;
    }

    /** The core as {@link CpuCore#describe()} names it in the second JVM (after {@link #connect()}). */
    public String describe() {
        return description;
    }

    @Override
    public String name() {
        return name;
    }

    /** A run in one of the runner's stress modes if {@code stress} is there, as {@link RunnerBenchEngine}'s. */
    @Override
    public BenchRun run(Path image, Duration timeout, Optional<Preemption> stress) throws BenchFailure {
        String reply;
        try {
            requests.write(new BenchRunLine.Request(image, timeout, stress).encode() + "\n");
            requests.flush();
            reply = reply();
        } catch (IOException e) {
            throw new BenchFailure("the second JVM, for " + name + ", does not take runs: " + e.getMessage(), e);
        }
        if (reply == null) {
            throw new BenchFailure("the second JVM, for " + name + ", ended during a run of " + image.getFileName());
        }
        try {
            if (reply.startsWith("failed ")) {
                throw new BenchFailure(BenchRunLine.unfield(reply.substring("failed ".length()))
                        + " (" + name + ", in a second JVM)");
            }
            return BenchRunLine.decode(reply);
        } catch (IllegalArgumentException e) {
            throw new BenchFailure("the second JVM, for " + name + ", said what it should not: " + reply, e);
        }
    }

    private String reply() throws BenchFailure {
        try {
            return replies.readLine();
        } catch (IOException e) {
            throw new BenchFailure("cannot read from the second JVM, for " + name + ": " + e.getMessage(), e);
        }
    }

    /** Ends the second JVM: it stops at the end of its input. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // It has ended already.
        }
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The Unicorn library files this process has loaded, as /proc/self/maps names them. */
    static Set<String> loadedCoreFiles() {
        Set<String> files = new TreeSet<>();
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            maps.map(line -> line.split("\\s+", 6))
                    .filter(fields -> fields.length == 6 && fields[5].startsWith("/"))
                    .map(fields -> fields[5].strip())
                    .filter(path -> Path.of(path).getFileName().toString().startsWith("libunicorn.so"))
                    .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            // No map to read: no file in common with another process can be found.
        }
        return files;
    }
}
