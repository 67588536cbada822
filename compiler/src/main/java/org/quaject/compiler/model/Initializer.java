package org.quaject.compiler.model;

import org.quaject.compiler.diag.Position;

/** The initial value of a field. */
public sealed interface Initializer {

    Position position();

    /** A number. */
    record Value(Constant constant) implements Initializer {
        @Override
        public Position position() {
            return constant.position();
        }
    }

    /** A string, for byte arrays; it is stored with a terminating NUL. */
    record Text(byte[] bytes, Position position) implements Initializer {
    }

    /** The value of one of the quaject's parameters, filled in per instance. */
    record ParamValue(Name param) implements Initializer {
        @Override
        public Position position() {
            return param.position();
        }
    }
}
