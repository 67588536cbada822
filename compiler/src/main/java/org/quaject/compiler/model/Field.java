package org.quaject.compiler.model;

import java.util.Optional;

/**
 * A data field in the quaject's block. {@code @name} in a body is its address.
 *
 * @param count       number of elements for an array field ({@code byte[64]}),
 *                    empty for a scalar; an array written {@code byte[]} takes
 *                    its length from its string initializer
 * @param arraySyntax whether the field was written with brackets
 */
public record Field(Name name, OperandSize type, boolean arraySyntax, Optional<Constant> count,
                    Optional<Initializer> initializer) implements Member {

    @Override
    public String kindName() {
        return "field";
    }
}
