package org.quaject.compiler.model;

import java.util.List;
import java.util.Optional;

/**
 * The {@code kernel} block: the board, the memory, the disk's data area, the
 * devices the board needs beyond its own ({@code device "TYPE"}), the static
 * instances and how they connect.
 */
public record Kernel(Name name, Optional<Name> board, Optional<Constant> ram, Optional<Constant> disk,
                     List<Name> devices, List<Instance> instances,
                     List<Connection> connections, List<AssemblyBody> mains, List<TestCase> tests) {

    public Optional<Instance> instance(String name) {
        return instances.stream().filter(i -> i.name().text().equals(name)).findFirst();
    }

    public Optional<AssemblyBody> main() {
        return mains.stream().findFirst();
    }
}
