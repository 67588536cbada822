package org.quaject.compiler.check;

import java.util.Optional;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.HoleRef;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;
import org.quaject.compiler.model.TestCase;

/**
 * Checks that every hole names something: in a quaject's bodies one of its own
 * members or {@code @self}; in the kernel's main and tests an instance or one of
 * an instance's members.
 */
final class HoleChecks {

    private final Diagnostics diagnostics;

    HoleChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Program program) {
        for (QuajectClass quaject : program.classes()) {
            quaject.callentries().stream().map(Callentry::body).forEach(body -> checkQuajectBody(body, quaject));
            quaject.slots().stream().map(Slot::defaultBody).flatMap(Optional::stream)
                    .forEach(body -> checkQuajectBody(body, quaject));
        }
        if (!program.kernels().isEmpty()) {
            Kernel kernel = program.kernel();
            kernel.mains().forEach(body -> checkKernelBody(body, program, kernel));
            program.tests().stream().map(TestCase::body).forEach(body -> checkKernelBody(body, program, kernel));
        }
    }

    private void checkQuajectBody(AssemblyBody body, QuajectClass quaject) {
        for (HoleRef hole : body.holes(false)) {
            if (!hole.name().equals(QuajectClass.SELF) && quaject.member(hole.name()).isEmpty()) {
                diagnostics.error(hole.position(),
                        "%s names nothing in %s %s: it has no field, parameter, callentry, callout, callback or register called '%s'",
                        hole, quaject.kindName(), quaject.name(), hole.name());
            }
        }
    }

    private void checkKernelBody(AssemblyBody body, Program program, Kernel kernel) {
        for (HoleRef hole : body.holes(true)) {
            Optional<Instance> instance = kernel.instance(hole.name());
            if (instance.isEmpty()) {
                diagnostics.error(hole.position(), "%s names nothing: kernel %s has no instance '%s'",
                        hole, kernel.name(), hole.name());
                continue;
            }
            Optional<QuajectClass> quaject = program.quajectClass(instance.get().className().text());
            if (hole.hasMember() && quaject.isPresent() && quaject.get().member(hole.member()).isEmpty()) {
                diagnostics.error(hole.position().plusColumns(hole.name().length() + 2),
                        "%s names nothing: %s %s (instance %s) has no member '%s'",
                        hole, quaject.get().kindName(), quaject.get().name(), hole.name(), hole.member());
            }
        }
    }
}
