package org.quaject.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory a build works in: one the user named with {@code --work-dir}
 * (kept, so the generated assembly can be read), or a temporary one removed when
 * the command ends.
 */
final class Workspace implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;

    private Workspace(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    /** @param kept the user's work directory, or null for a temporary one */
    static Workspace open(Path kept) {
        try {
            return kept != null
                    ? new Workspace(Files.createDirectories(kept).toAbsolutePath(), false)
                    : new Workspace(Files.createTempDirectory("qj-build-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (temporary) {
            deleteTree(directory);
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
