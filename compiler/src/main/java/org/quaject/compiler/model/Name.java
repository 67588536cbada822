package org.quaject.compiler.model;

import org.quaject.compiler.diag.Position;

/** An identifier as written, with where it was written. */
public record Name(String text, Position position) {

    @Override
    public String toString() {
        return text;
    }
}
