package org.quaject.compiler.model;

import java.util.List;
import java.util.Optional;

/**
 * A static instance declared in the kernel: one block in the image, its holes filled by the linker.
 *
 * @param irqLines the interrupt lines a device instance raises, which its class's interrupt callentry handles
 */
public record Instance(Name name, Name className, List<Argument> arguments, Optional<Constant> base,
                       List<IrqLine> irqLines) {

    /** A creation argument: {@code start = 5}. */
    public record Argument(Name name, ArgumentValue value) {
    }

    public Optional<Argument> argument(String param) {
        return arguments.stream().filter(a -> a.name().text().equals(param)).findFirst();
    }
}
