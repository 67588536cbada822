package org.quaject.compiler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quaject.compiler.diag.Position;

/**
 * {@code thread a: alice.run quantum 200000} in the kernel: a static instance
 * of the library's class Thread (lib/thread.qj) whose entry is a callentry of
 * another static instance. At boot the context that booted becomes the
 * implicit thread {@code boot}, starts the declared threads in order, and
 * runs main or the tests.
 *
 * @param quantum empty for the class's default
 */
public record StaticThread(Name name, MemberRef entry, Optional<Constant> quantum) {

    /** The class a static thread is an instance of. */
    public static final String CLASS = "Thread";
    /** Its parameters. */
    public static final String ENTRY = "entry";
    public static final String QUANTUM = "quantum";
    /** The callentries boot calls: the boot context becomes a thread, then starts each declared one. */
    public static final String ADOPT = "adopt";
    public static final String START = "start";
    /** The class of the quantum clock the threads need among the kernel's instances. */
    public static final String CLOCK_CLASS = "ThreadClock";
    /** The thread main and the tests run as. */
    public static final String BOOT = "boot";

    /** The thread's block: an instance of Thread whose entry the linker fills with the callentry's address. */
    public Instance instance() {
        List<Instance.Argument> arguments = new ArrayList<>();
        arguments.add(new Instance.Argument(new Name(ENTRY, entry.instance().position()),
                new ArgumentValue.Address(entry)));
        quantum.ifPresent(q -> arguments.add(new Instance.Argument(new Name(QUANTUM, q.position()),
                new ArgumentValue.Number(q))));
        return new Instance(name, new Name(CLASS, name.position()), arguments, Optional.empty(), List.of());
    }

    /**
     * The block of thread boot, adopted by the context that booted: entry 0,
     * as adopt needs, and the class's default quantum.
     */
    public static Instance boot(Position position) {
        return new Instance(new Name(BOOT, position), new Name(CLASS, position),
                List.of(new Instance.Argument(new Name(ENTRY, position),
                        new ArgumentValue.Number(new Constant(0, position)))),
                Optional.empty(), List.of());
    }
}
