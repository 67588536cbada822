package org.quaject.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quaject.compiler.testing.DiagnosticAssertions.assertOneError;
import static org.quaject.compiler.testing.QjSources.error;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.DiagnosticCase;
import org.quaject.compiler.testing.QjSources;

/**
 * Syntax errors are reported where ANTLR finds them, in words a .qj author knows:
 * tokens are shown as they are written ('}', not RBRACE).
 */
class SyntaxDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    static Stream<DiagnosticCase> syntaxErrors() {
        return Stream.of(
                DiagnosticCase.of("a quaject missing its closing '}'", """
                        quaject Q {
                            var x: long

                        kernel k {
                            instance q: Q
                        }
                        """,
                        error(4, 1, "extraneous input 'kernel' expecting "
                                + "{'var', 'callout', 'callback', 'inline', 'interrupt', 'callentry', '}'}")),
                DiagnosticCase.of("a stray character between declarations", """
                        quaject Q {
                            var x: long
                        }
                        $
                        kernel k {
                            instance q: Q
                        }
                        """,
                        error(4, 1, "extraneous input '$' expecting "
                                + "{end of file, 'quaject', 'device', 'queue', 'stack', 'kernel', 'test'}")),
                DiagnosticCase.of("a stray character in a kernel", """
                        quaject Q {
                            var x: long
                        }
                        kernel k {
                            instance q: Q;
                        }
                        """,
                        error(5, 18, "extraneous input ';' expecting "
                                + "{'device', 'board', 'ram', 'instance', 'connect', 'main', 'test', '}', a name}")),
                DiagnosticCase.of("a misspelled keyword at the top level", """
                        quajet Q {
                        }
                        kernel k {
                        }
                        """,
                        error(1, 1, "mismatched input 'quajet' expecting "
                                + "{end of file, 'import', 'quaject', 'device', 'queue', 'stack', 'kernel', 'test'}")),
                DiagnosticCase.of("a misspelled keyword in a quaject", """
                        quaject Q {
                            calentry f() {
                                rts
                            }
                        }
                        kernel k {
                            instance q: Q
                        }
                        """,
                        error(2, 5, "mismatched input 'calentry' expecting "
                                + "{'var', 'callout', 'callback', 'inline', 'interrupt', 'callentry', '}'}")),
                DiagnosticCase.of("a field missing the ':' before its type", """
                        quaject Q {
                            var x long
                        }
                        kernel k {
                            instance q: Q
                        }
                        """,
                        error(2, 11, "missing ':' at 'long'")),
                DiagnosticCase.of("a callentry with two result registers", """
                        quaject Q {
                            callentry f() -> d0.l, d1.l {
                                rts
                            }
                        }
                        kernel k {
                            instance q: Q
                        }
                        """,
                        error(2, 26, "mismatched input ',' expecting {'clobbers', '{'}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void reportsTheSyntaxErrorWhereAntlrFindsIt(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }

    @Test
    void anUnterminatedAssemblyBodyIsReportedAsAMissingBraceAtTheEndOfTheFile() {
        List<String> errors = sources.errors("""
                quaject Q {
                    callentry f() {
                        rts

                kernel k {
                    instance q: Q
                }
                """);
        assertOneError(errors, "main.qj:8:1", "'}' closing the assembly body", "end of file");
        assertFalse(errors.get(0).contains("extraneous"), "the end of a file is not extraneous input: " + errors);
    }

    @Test
    void anUnterminatedCommentIsReportedAsSuch() {
        List<String> errors = sources.errors("""
                kernel k {
                }
                /* never closed
                """);
        assertOneError(errors, "main.qj:3:1", "comment");
    }

    @Test
    void anUnterminatedStringIsReportedAtItsOpeningQuote() {
        List<String> errors = sources.errors("""
                kernel k {
                    test "abc {
                        pass
                    }
                }
                """);
        assertOneError(errors, "main.qj:2:10", "string");
    }
}
