package org.quaject.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Assertions for diagnostics whose exact wording is not the point: where the one
 * error is, and what it must mention.
 */
public final class DiagnosticAssertions {

    private DiagnosticAssertions() {
    }

    /**
     * Asserts that the diagnostics are exactly one error, at {@code position}
     * ({@code FILE:LINE:COL}, or {@code FILE:LINE} for any column of the line), whose
     * message mentions each of the phrases.
     */
    public static void assertOneError(List<String> diagnostics, String position, String... phrases) {
        assertEquals(1, diagnostics.size(), () -> "expected one error at " + position + ", got " + diagnostics);
        String diagnostic = diagnostics.get(0);
        String prefix = position.matches(".*:\\d+:\\d+") ? position + ": error: " : position + ":";
        assertTrue(diagnostic.startsWith(prefix), () -> "expected an error at " + position + ", got " + diagnostic);
        for (String phrase : phrases) {
            assertTrue(diagnostic.contains(phrase), () -> "expected an error mentioning " + phrase + ", got " + diagnostic);
        }
    }
}
