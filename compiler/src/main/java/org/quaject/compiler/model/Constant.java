package org.quaject.compiler.model;

import org.quaject.compiler.diag.Position;

/** An integer written in the source. */
public record Constant(long value, Position position) {
}
