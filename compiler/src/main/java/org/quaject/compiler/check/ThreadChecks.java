package org.quaject.compiler.check;

import java.util.Optional;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.OperandSize;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Registers;
import org.quaject.compiler.model.StaticThread;

/**
 * Checks the kernel's static threads: the library's Thread class and the
 * quantum clock are there, each thread's entry is a callentry of a declared
 * instance that takes nothing but the thread's block in a0, its quantum is
 * above 0, and its name is no instance's nor boot's.
 */
final class ThreadChecks {

    /** The register a thread's entry finds its block in (Thread's begin). */
    private static final String BLOCK_REGISTER = "a0";

    private final Diagnostics diagnostics;

    ThreadChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Program program) {
        if (program.kernels().isEmpty() || program.kernel().threads().isEmpty()) {
            return;
        }
        Kernel kernel = program.kernel();
        Position first = kernel.threads().get(0).name().position();
        // Without the library there is no ThreadClock to declare either: its import comes first.
        if (checkThreadClass(program, first)
                && kernel.instances().stream().noneMatch(i -> i.className().text().equals(StaticThread.CLOCK_CLASS))) {
            diagnostics.error(first, "static threads need the quantum clock: add `instance clock: %s at "
                    + "0xff007000 irq 6:2` to kernel %s", StaticThread.CLOCK_CLASS, kernel.name());
        }
        checkNames(kernel);
        for (StaticThread thread : kernel.threads()) {
            checkEntry(program, kernel, thread);
            thread.quantum().filter(q -> q.value() <= 0).ifPresent(q -> diagnostics.error(q.position(),
                    "the quantum of thread %s must be above 0: it is how long each of its turns lasts, in "
                            + "nanoseconds", thread.name()));
        }
    }

    /**
     * Boot adopts and starts Thread blocks and the linker fills their entry
     * and quantum. Returns whether the program has a class Thread.
     */
    private boolean checkThreadClass(Program program, Position first) {
        Optional<QuajectClass> thread = program.quajectClass(StaticThread.CLASS);
        if (thread.isEmpty()) {
            diagnostics.error(first, "static threads are instances of the library's class %s, and there is none: "
                    + "add import \"thread\" at the top of the file", StaticThread.CLASS);
            return false;
        }
        QuajectClass quaject = thread.get();
        boolean library = !quaject.device()
                && quaject.param(StaticThread.ENTRY).filter(p -> p.type() == OperandSize.LONG).isPresent()
                && quaject.param(StaticThread.QUANTUM).filter(p -> p.type() == OperandSize.LONG).isPresent()
                && quaject.callentry(StaticThread.ADOPT).isPresent()
                && quaject.callentry(StaticThread.START).isPresent();
        if (!library) {
            diagnostics.error(first, "static threads are instances of the library's class %s, and %s %s at %s is "
                            + "another: it needs long parameters %s and %s and callentries %s and %s (lib/thread.qj)",
                    StaticThread.CLASS, quaject.kindName(), quaject.name(), quaject.name().position(),
                    StaticThread.ENTRY, StaticThread.QUANTUM, StaticThread.ADOPT, StaticThread.START);
        }
        return true;
    }

    /** A thread's block is a static instance named after it, and so is boot's. */
    private void checkNames(Kernel kernel) {
        Duplicates.report(kernel.threads(), t -> t.name().text(), t -> t.name().position(), "thread", "",
                diagnostics);
        for (StaticThread thread : kernel.threads()) {
            if (thread.name().text().equals(StaticThread.BOOT)) {
                diagnostics.error(thread.name().position(), "a thread cannot be named %s: main and the tests run "
                        + "as the thread %s", StaticThread.BOOT, StaticThread.BOOT);
            }
            kernel.declaredInstance(thread.name().text()).ifPresent(instance -> diagnostics.error(
                    thread.name().position(), "thread %s has the name of instance %s (declared at %s); a thread's "
                            + "block is an instance too", thread.name(), instance.name(), instance.name().position()));
        }
        kernel.declaredInstance(StaticThread.BOOT).ifPresent(instance -> diagnostics.error(
                instance.name().position(), "instance %s: in a kernel with threads, %s is the thread main and the "
                        + "tests run as; rename the instance", StaticThread.BOOT, StaticThread.BOOT));
    }

    private void checkEntry(Program program, Kernel kernel, StaticThread thread) {
        String instanceName = thread.entry().instance().text();
        Optional<Instance> instance = kernel.declaredInstance(instanceName);
        if (instance.isEmpty()) {
            diagnostics.error(thread.entry().instance().position(), "unknown instance '%s'", instanceName);
            return;
        }
        Optional<QuajectClass> quaject = program.quajectClass(instance.get().className().text());
        if (quaject.isEmpty()) {
            return;
        }
        Optional<Callentry> entry = quaject.get().callentry(thread.entry().member().text());
        if (entry.isEmpty()) {
            diagnostics.error(thread.entry().member().position(), "%s %s (instance %s) has no callentry '%s'",
                    quaject.get().kindName(), quaject.get().name(), instanceName, thread.entry().member());
            return;
        }
        entry.get().signature().arguments().stream()
                .filter(arg -> !Registers.canonical(arg.register()).equals(BLOCK_REGISTER)).findFirst()
                .ifPresent(arg -> diagnostics.error(thread.entry().member().position(),
                        "callentry %s takes %s, but a thread's entry is called with nothing but the thread's block "
                                + "in %s", thread.entry(), arg, BLOCK_REGISTER));
    }
}
