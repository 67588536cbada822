package org.quaject.compiler.check;

import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.model.Program;

/**
 * Runs every check of the model. Each check reports all it finds; generation
 * runs only on a model without errors, so it can assume that every name resolves.
 */
public final class Checker {

    private Checker() {
    }

    public static void check(Program program, Diagnostics diagnostics) {
        new DeclarationChecks(diagnostics).check(program);
        new KernelChecks(diagnostics).check(program);
        new BodyChecks(diagnostics).check(program);
        new InlineChecks(diagnostics).check(program);
        new InterruptChecks(diagnostics).check(program);
        new ThreadChecks(diagnostics).check(program);
    }
}
