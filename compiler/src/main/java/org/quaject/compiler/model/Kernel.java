package org.quaject.compiler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code kernel} block: the board, the memory, the disk's data area, the
 * devices the board needs beyond its own ({@code device "TYPE"}), the static
 * instances and how they connect, and the static threads.
 *
 * @param instances the instances the kernel declares; {@link #staticInstances()} adds the threads' blocks
 */
public record Kernel(Name name, Optional<Name> board, Optional<Constant> ram, Optional<Constant> disk,
                     List<Name> devices, List<Instance> instances, List<StaticThread> threads,
                     List<Connection> connections, List<AssemblyBody> mains, List<TestCase> tests) {

    /**
     * Every block the image holds, in the order the image places them: the
     * declared instances, then, when the kernel declares threads, thread
     * boot's block and each thread's.
     */
    public List<Instance> staticInstances() {
        if (threads.isEmpty()) {
            return instances;
        }
        List<Instance> all = new ArrayList<>(instances);
        all.add(StaticThread.boot(threads.get(0).name().position()));
        threads.forEach(t -> all.add(t.instance()));
        return all;
    }

    /** The static instance of that name, a thread's block included. */
    public Optional<Instance> instance(String name) {
        return named(staticInstances(), name);
    }

    /** The instance of that name the kernel declares with {@code instance}. */
    public Optional<Instance> declaredInstance(String name) {
        return named(instances, name);
    }

    private static Optional<Instance> named(List<Instance> instances, String name) {
        return instances.stream().filter(i -> i.name().text().equals(name)).findFirst();
    }

    public Optional<AssemblyBody> main() {
        return mains.stream().findFirst();
    }
}
