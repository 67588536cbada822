package org.quaject.compiler.testing;

import java.util.List;

/**
 * A .qj source with one mistake, and the diagnostics the compiler must report for
 * it: as a file with one mistake stops the compiler at the phase that finds it,
 * that is usually exactly one line. Its name is the test's display name.
 */
public record DiagnosticCase(String name, String source, List<String> expected) {

    public static DiagnosticCase of(String name, String source, String... expected) {
        return new DiagnosticCase(name, source, List.of(expected));
    }

    @Override
    public String toString() {
        return name;
    }
}
