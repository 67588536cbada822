package org.quaject.compiler.diag;

/**
 * A place in a source file: 1-based line and 1-based column, the way compilers
 * and editors count them.
 */
public record Position(SourceFile file, int line, int column) {

    /** The position {@code columns} characters further along the same line. */
    public Position plusColumns(int columns) {
        return new Position(file, line, column + columns);
    }

    @Override
    public String toString() {
        return file.displayName() + ":" + line + ":" + column;
    }
}
