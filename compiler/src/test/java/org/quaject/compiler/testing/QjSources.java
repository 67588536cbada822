package org.quaject.compiler.testing;

import java.io.File;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.diag.CompilationFailed;
import org.quaject.compiler.diag.Diagnostics;

/**
 * The .qj files of one test, in a directory of their own, and the compiler run on
 * them. Diagnostics come back the way {@code qj} prints them,
 * {@code FILE:LINE:COL: error: message}, with the directory left out of the file
 * names (and written {@code DIR} anywhere else it shows up), so that expectations
 * read like the sources they are about: {@code main.qj:2:17: error: ...}.
 */
public final class QjSources implements BeforeEachCallback, AfterEachCallback {

    /** The name of the file {@link #errors(String)} and {@link #build(String)} compile. */
    public static final String MAIN = "main.qj";

    private Path dir;

    /** Register with {@code @RegisterExtension}: each test gets a fresh, empty directory. */
    public QjSources() {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("qj-test-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The directory of the current test's files. */
    public Path dir() {
        return dir;
    }

    /** A diagnostic about {@link #MAIN} as {@code qj} prints it. */
    public static String error(int line, int column, String message) {
        return error(MAIN, line, column, message);
    }

    /** A diagnostic about another file of the directory as {@code qj} prints it. */
    public static String error(String file, int line, int column, String message) {
        return file + ":" + line + ":" + column + ": error: " + message;
    }

    /** A path as a relative one, the way a user in the working directory might write it. */
    public static Path relativeToWorkingDirectory(Path path) {
        return Path.of("").toAbsolutePath().relativize(path.toAbsolutePath());
    }

    /** Writes a file of the directory and returns its path. */
    public Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file of the directory, byte for byte, and returns its path. */
    public Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code text} as {@link #MAIN}, which must be rejected, and returns the diagnostics. */
    public List<String> errors(String text) {
        return errorsOf(write(MAIN, text));
    }

    /** Compiles a file, which must be rejected, and returns the diagnostics. */
    public List<String> errorsOf(Path file) {
        CompilationFailed failed = assertThrows(CompilationFailed.class, () -> compile(file),
                () -> file.getFileName() + " should have been rejected with diagnostics");
        return render(failed.diagnostics());
    }

    /** Compiles {@code text} as {@link #MAIN}, which must succeed, into an image. */
    public Compiler.Build build(String text) {
        return buildOf(write(MAIN, text));
    }

    /** Compiles a file, which must succeed, into an image. */
    public Compiler.Build buildOf(Path file) {
        try {
            return compile(file);
        } catch (CompilationFailed e) {
            return fail(file.getFileName() + " should compile, but:\n" + String.join("\n", render(e.diagnostics())));
        }
    }

    /** Runs the compiler on a file, with a fresh work directory beside the sources. */
    public Compiler.Build compile(Path file) {
        try {
            Path work = Files.createTempDirectory(dir, "work-");
            return new Compiler(line -> { }).compile(file, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The diagnostics as {@code qj} prints them, without this directory in file names. */
    public List<String> render(Diagnostics diagnostics) {
        return diagnostics.render().stream().map(this::withoutDirectory).toList();
    }

    /**
     * Text that names files of this directory, with the directory left out where it
     * starts a path (a relative path that passes through it is kept whole).
     */
    public String withoutDirectory(String text) {
        String notWithinAPath = "(?<![\\w./-])";
        return text.replaceAll(notWithinAPath + Pattern.quote(dir + File.separator), "")
                .replaceAll(notWithinAPath + Pattern.quote(dir.toString()), "DIR");
    }
}
