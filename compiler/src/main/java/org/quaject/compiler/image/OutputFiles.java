package org.quaject.compiler.image;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a build's outputs in place all together or not at all: each is first
 * copied next to its destination under a temporary name, then renamed; if any
 * step fails, whatever was already put in place is removed again.
 */
public final class OutputFiles {

    private final Map<Path, Path> planned = new LinkedHashMap<>();

    /** Plans to put {@code built} at {@code destination}. */
    public OutputFiles add(Path built, Path destination) {
        planned.put(built, destination);
        return this;
    }

    public void commit() throws IOException {
        Map<Path, Path> staged = new LinkedHashMap<>();
        List<Path> placed = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> e : planned.entrySet()) {
                Path destination = e.getValue().toAbsolutePath();
                Files.createDirectories(destination.getParent());
                Path temporary = Files.createTempFile(destination.getParent(), "." + destination.getFileName(), ".tmp");
                staged.put(temporary, destination);
                Files.copy(e.getKey(), temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                move(e.getKey(), e.getValue());
                placed.add(e.getValue());
            }
        } catch (IOException | RuntimeException e) {
            for (Path path : staged.keySet()) {
                Files.deleteIfExists(path);
            }
            for (Path path : placed) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
