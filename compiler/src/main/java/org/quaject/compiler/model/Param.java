package org.quaject.compiler.model;

import java.util.Optional;

/**
 * A creation parameter. Bodies use it as an immediate ({@code #@size}): its value
 * is folded into the code of each instance.
 */
public record Param(Name name, OperandSize type, Optional<Constant> defaultValue) implements Member {

    @Override
    public String kindName() {
        return "parameter";
    }
}
