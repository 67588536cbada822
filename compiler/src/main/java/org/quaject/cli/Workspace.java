package org.quaject.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory a build works in: one the user named with {@code --work-dir}
 * (kept, so the generated assembly can be read), or a temporary one removed when
 * the command ends, also when it is stopped with a signal (SIGTERM, Ctrl-C).
 * A process killed outright (SIGKILL) or whose JVM died cannot remove its
 * own: the next qj command removes the temporary directories of qj processes
 * that no longer run, which their names tell ({@code qj-build-pPID-...}).
 */
final class Workspace implements AutoCloseable {

    private static final String TEMPORARY_PREFIX = "qj-build-p";
    private static final Pattern TEMPORARY = Pattern.compile(Pattern.quote(TEMPORARY_PREFIX) + "(\\d+)-.*");

    private final Path directory;
    /** Removes a temporary directory when the JVM is stopped; null for a kept one. */
    private final Thread removeOnExit;

    private Workspace(Path directory, Thread removeOnExit) {
        this.directory = directory;
        this.removeOnExit = removeOnExit;
    }

    /** @param kept the user's work directory, or null for a temporary one */
    static Workspace open(Path kept) {
        try {
            if (kept != null) {
                return new Workspace(Files.createDirectories(kept).toAbsolutePath(), null);
            }
            removeAbandoned();
            Path directory = Files.createTempDirectory(TEMPORARY_PREFIX + ProcessHandle.current().pid() + "-");
            Thread removeOnExit = new Thread(() -> deleteTree(directory), "qj: remove " + directory);
            Runtime.getRuntime().addShutdownHook(removeOnExit);
            return new Workspace(directory, removeOnExit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (removeOnExit == null) {
            return;
        }
        deleteTree(directory);
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs anyway, on a directory already gone.
        }
    }

    /** Removes the temporary directories of qj processes that no longer run. */
    static void removeAbandoned() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(temporary, TEMPORARY_PREFIX + "*")) {
            for (Path directory : directories) {
                Matcher name = TEMPORARY.matcher(directory.getFileName().toString());
                if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    deleteTree(directory);
                }
            }
        } catch (IOException | DirectoryIteratorException | NumberFormatException e) {
            // Best effort: what is left behind is only disk space.
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the command's result stands.
        }
    }
}
