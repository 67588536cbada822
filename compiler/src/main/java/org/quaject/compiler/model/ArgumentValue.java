package org.quaject.compiler.model;

import org.quaject.compiler.diag.Position;

/**
 * What an instance's argument gives its parameter: a number, or the address
 * of a member of a static instance, which only the linker knows (a thread's
 * entry, {@code alice.run}). Both fill the parameter's holes the same way.
 */
public sealed interface ArgumentValue {

    Position position();

    /** A constant written in the source: {@code start = 5}. */
    record Number(Constant constant) implements ArgumentValue {
        @Override
        public Position position() {
            return constant.position();
        }
    }

    /** The address of an instance's callentry or field. */
    record Address(MemberRef member) implements ArgumentValue {
        @Override
        public Position position() {
            return member.instance().position();
        }
    }
}
