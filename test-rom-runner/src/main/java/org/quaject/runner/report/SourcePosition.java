package org.quaject.runner.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of a source file, as an image's line table names it.
 *
 * @param file the file, absolute or relative to where the image was built
 * @param line the line, from 1
 */
public record SourcePosition(Path file, int line) {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
    }
}
