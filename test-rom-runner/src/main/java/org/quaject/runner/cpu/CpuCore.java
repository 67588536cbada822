package org.quaject.runner.cpu;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which Unicorn library this process runs guest code on, and where it came
 * from. Two are known:
 * <ul>
 *   <li>the project's own core, Unicorn 2.1.x from Unicorn's official
 *       distribution (the {@code unicorn} wheel's {@code libunicorn.so.2}),
 *       which {@code make} unpacks into {@code build/cpu-core/} of a checkout;
 *       preferred, as its m68k core runs guest stores without QEMU's
 *       self-modifying-code slow path that Debian's 2.0.1 takes on every
 *       store;</li>
 *   <li>Debian's {@code libunicorn2} (Unicorn 2.0.1), found by soname: the
 *       fallback on a machine where the project's core is not there.</li>
 * </ul>
 *
 * <p>The choice, made once per process: the system property
 * {@value #PROPERTY}, else the environment variable {@value #VARIABLE}, names
 * a library file, or says {@value #DEBIAN} to force Debian's; with neither,
 * the project's core is looked for in {@value #LOCAL_CORE} of the checkout
 * this code was loaded from, and Debian's is used if it is not there.
 */
public final class CpuCore {
    /** System property that chooses the core: a library file, or {@value #DEBIAN}. */
    public static final String PROPERTY = "qj.cpu.core";
    /** Environment variable that chooses the core when {@value #PROPERTY} is not set. */
    public static final String VARIABLE = "QJ_CPU_CORE";
    /** The value of {@value #PROPERTY} or {@value #VARIABLE} that forces Debian's library. */
    public static final String DEBIAN = "debian";
    /** Where {@code make} puts the project's core, relative to the checkout. */
    public static final String LOCAL_CORE = "build/cpu-core/libunicorn.so.2";

    static final String SONAME = "libunicorn.so.2";
    static final String DEBIAN_PACKAGE = "libunicorn2";

    private static final CpuCore LOADED =
            load(choose(System.getProperty(PROPERTY), System.getenv(VARIABLE), localCore()));

    private final Optional<NativeLibrary> library;
    private final String origin;
    private final String failure;

    private CpuCore(Optional<NativeLibrary> library, String origin, String failure) {
        this.library = library;
        this.origin = origin;
        this.failure = failure;
    }

    /** The core this process uses; loading it is attempted once, on first use. */
    public static CpuCore loaded() {
        return LOADED;
    }

    /** Whether the library loaded; if not, {@link #require()} says why. */
    public boolean isAvailable() {
        return library.isPresent();
    }

    /**
     * One line naming the core: its version as the library reports it
     * ({@code uc_version}), the file it was loaded from, and why that one,
     * e.g. {@code Unicorn 2.1.4 (build/cpu-core/libunicorn.so.2, the project's core)}.
     */
    public String describe() {
        if (library.isEmpty()) {
            return "no CPU core: " + failure;
        }
        return "Unicorn " + version() + " (" + file() + ", " + origin + ")";
    }

    /**
     * The library's file. Loaded by soname, the dynamic linker found it:
     * the process's own map of its files says where.
     */
    private String file() {
        String name = library.orElseThrow().getFile() == null ? SONAME : library.get().getFile().getPath();
        if (name.startsWith("/")) {
            return name;
        }
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(path -> path.endsWith("/" + name)).findFirst().orElse(name);
        } catch (IOException | UncheckedIOException e) {
            return name;
        }
    }

    /** One line naming the core guard ({@link CoreGuard}) the runner calls the core through, or why there is none. */
    public String guard() {
        return CoreGuard.describe();
    }

    /** The library's version, {@code major.minor.patch}. */
    public String version() {
        // uc_version(NULL, NULL) returns the version packed a byte each, major first (unicorn.h).
        int packed = require().getFunction("uc_version").invokeInt(new Object[] {null, null});
        return (packed >>> 24) + "." + (packed >>> 16 & 0xff) + "." + (packed >>> 8 & 0xff);
    }

    /** The loaded library; throws a {@link CpuException} saying what to do when there is none. */
    NativeLibrary require() {
        return library.orElseThrow(() -> new CpuException(failure));
    }

    /**
     * Which library to load and why: {@code library} is a file or Debian's
     * soname; {@code problem}, when not null, why it cannot be loaded.
     */
    record Choice(String library, String origin, String problem) {
    }

    /**
     * The choice for a property value and an environment value (either may
     * be null) and the project's core, if one was found.
     */
    static Choice choose(String property, String variable, Optional<Path> local) {
        if (property != null && !property.isBlank()) {
            return chosen(property, "chosen by -D" + PROPERTY);
        }
        if (variable != null && !variable.isBlank()) {
            return chosen(variable, "chosen by " + VARIABLE);
        }
        return local.map(core -> file(core, "the project's core"))
                .orElseGet(() -> new Choice(SONAME, "Debian's " + DEBIAN_PACKAGE + "; the project's core is not in "
                        + LOCAL_CORE + ": make deps puts it there", null));
    }

    private static Choice chosen(String value, String how) {
        return value.equals(DEBIAN) ? new Choice(SONAME, "Debian's " + DEBIAN_PACKAGE + ", " + how, null)
                : file(Path.of(value), how);
    }

    private static Choice file(Path path, String how) {
        String problem = Files.isRegularFile(path) ? null : "the CPU core " + path + " (" + how
                + ") does not exist; set " + VARIABLE + "=" + DEBIAN + " to use Debian's " + DEBIAN_PACKAGE;
        return new Choice(path.toAbsolutePath().toString(), how, problem);
    }

    /** Loads the chosen library; a core that cannot be loaded says why and what to do. */
    static CpuCore load(Choice choice) {
        if (choice.problem() != null) {
            return new CpuCore(Optional.empty(), choice.origin(), choice.problem());
        }
        try {
            return new CpuCore(Optional.of(NativeLibrary.getInstance(choice.library())), choice.origin(), null);
        } catch (UnsatisfiedLinkError e) {
            String what = choice.library().equals(SONAME)
                    ? SONAME + " (the Debian package " + DEBIAN_PACKAGE + ": apt-get install " + DEBIAN_PACKAGE + ")"
                    : "the CPU core " + choice.library() + " (" + choice.origin() + ")";
            return new CpuCore(Optional.empty(), choice.origin(), what + " could not be loaded: " + e.getMessage());
        }
    }

    /** The project's core in the checkout this class was loaded from. */
    private static Optional<Path> localCore() {
        return inCheckout(LOCAL_CORE);
    }

    /**
     * A file {@code make} built into the checkout this class was loaded from:
     * its classes or jar lie under {@code MODULE/target/}, so the checkout is
     * an ancestor holding {@code relative}.
     */
    static Optional<Path> inCheckout(String relative) {
        CodeSource source = CpuCore.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            for (Path dir = Path.of(source.getLocation().toURI()); dir != null; dir = dir.getParent()) {
                Path file = dir.resolve(relative);
                if (Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not loaded from a file: there is no checkout to look in.
        }
        return Optional.empty();
    }
}
