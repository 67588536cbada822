package org.quaject.compiler.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * What the assembler (and, for code in bodies, the linker) rejects in an assembly
 * body is reported at the .qj line, at its first non-blank character, in the
 * assembler's words, with holes written as in the source ({@code @count}, not the
 * symbol {@code hole$count} they become).
 */
class AssemblerDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    /**
     * A quaject Q with a long field count and the members given, from line 3, and a
     * kernel with one instance q of it and the items given, from two lines further.
     */
    static String source(String members, String kernelItems) {
        return """
                quaject Q {
                    var count: long
                %s}
                kernel k {
                    instance q: Q
                %s}
                """.formatted(members, kernelItems);
    }

    static Stream<DiagnosticCase> rejectedInstructions() {
        return Stream.of(
                DiagnosticCase.of("an unknown instruction in a callentry", source("""
                            callentry f() {
                                move.l  @count,d0
                                  bogus   d0
                                rts
                            }
                        """, ""),
                        error(5, 11, "unknown operator -- statement `bogus d0' ignored")),
                DiagnosticCase.of("an unknown instruction in a default body", source("""
                            callout out() default {
                                bogus   d0
                                rts
                            }
                        """, ""),
                        error(4, 9, "unknown operator -- statement `bogus d0' ignored")),
                DiagnosticCase.of("an unknown instruction in a test", source("", """
                            test "runs bogus" {
                                move.l  @q.count,d0
                        \tbogus   d0
                                pass
                            }
                        """),
                        error(8, 2, "unknown operator -- statement `bogus d0' ignored")),
                DiagnosticCase.of("an unknown instruction in main", source("", """
                            main {
                                bogus   d0
                                rts
                            }
                        """),
                        error(7, 9, "unknown operator -- statement `bogus d0' ignored")),
                DiagnosticCase.of("a bad operand size on a hole of a quaject", source("""
                            callentry f() {
                                move.q  @count,d0
                                rts
                            }
                        """, ""),
                        error(4, 9, "operands mismatch -- statement `move.q @count,d0' ignored")),
                DiagnosticCase.of("a bad operand size on a hole naming an instance's member", source("", """
                            main {
                                move.q  @q.count,d0
                                rts
                            }
                        """),
                        error(7, 9, "operands mismatch -- statement `move.q @q.count,d0' ignored")),
                DiagnosticCase.of("a bad operand size on a hole naming an instance", source("", """
                            main {
                                move.q  @q,d0
                                rts
                            }
                        """),
                        error(7, 9, "operands mismatch -- statement `move.q @q,d0' ignored")),
                DiagnosticCase.of("a reference to an undefined symbol in a test", source("", """
                            test "calls nowhere" {
                                jsr     nowhere
                                pass
                            }
                        """),
                        error(7, 9, "undefined reference to `nowhere'")),
                DiagnosticCase.of("a reference to an undefined symbol in a callentry", source("""
                            callentry f() {
                                jsr     nowhere
                                rts
                            }
                        """, ""),
                        error(4, 9, "undefined reference to `nowhere'")));
    }

    static final String END_IN_A_BODY = ".end would end the assembler's input here and leave out all the code after "
            + "this body; a body cannot use it";

    /** Mistakes in bodies the checks or the assembler find, one by one. */
    static Stream<DiagnosticCase> rejectedBodies() {
        return Stream.of(
                DiagnosticCase.of("a local label too large for the assembler, where it is defined and used", source("""
                            callentry f() {
                        2147483648:
                                bra.s   2147483648b
                            }
                        """, ""),
                        error(4, 1, "local label 2147483648 is too large: local labels go up to 2147483647"),
                        error(5, 17, "local label 2147483648 is too large: local labels go up to 2147483647")),
                DiagnosticCase.of("a use of a local label too large for the assembler", source("", """
                            test "branches far" {
                                bra.s   99999999999f
                            }
                        """),
                        error(7, 17, "local label 99999999999 is too large: local labels go up to 2147483647")),
                DiagnosticCase.of("a macro that calls itself, once, at the call that recurses", source("""
                            callentry f() {
                                .macro  again
                                again
                                .endm
                                again
                                rts
                            }
                        """, ""),
                        error(5, 9, "macros nested too deeply")),
                DiagnosticCase.of(".end in a callentry and in main", source("""
                            callentry f() {
                                .end
                            }
                        """, """
                            main {
                        done:   .END
                            }
                        """),
                        error(4, 9, END_IN_A_BODY), error(10, 9, END_IN_A_BODY)),
                DiagnosticCase.of("a body that defines _start again", source("""
                            callentry f() {
                                .globl  _start
                        _start: rts
                            }
                        """, ""),
                        error(5, 1, "multiple definition of `_start'; boot/start.o:./boot/start.s:19: "
                                + "first defined here")),
                DiagnosticCase.of("a line marker in a body, which would name another file", source("""
                            callentry f() {
                        # 5 "/etc/other.qj"
                                bogus
                                rts
                            }
                        """, ""),
                        error(4, 1, "a line that starts with # and a number is a line marker to the assembler, "
                                + "and would make its messages name another line or file; comments start with |")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rejectedInstructions", "rejectedBodies"})
    void reportsWhatTheAssemblerSaysAtTheQjLine(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }

    /*
     * GNU as reports a local label that is never defined without a line number. That
     * is still a mistake in the .qj source: a diagnostic at the line that uses the
     * label, not a failure of the compiler.
     */

    @Test
    void reportsALocalLabelMissingFromATestWhereItIsUsed() {
        List<String> errors = sources.errors(source("", """
                    test "branches nowhere" {
                        tst.l   @q.count
                        beq.s   2f
                        pass
                    }
                """));
        assertOneError(errors, "main.qj:8", "local label");
    }

    @Test
    void reportsALocalLabelMissingFromACallentryWhereItIsUsed() {
        List<String> errors = sources.errors(source("""
                    callentry f() {
                        tst.l   @count
                        beq.s   2f
                        rts
                    }
                """, ""));
        assertOneError(errors, "main.qj:5", "local label");
    }

    /** Every tool runs with a memory bound, so input that makes the assembler grow without end fails at once. */
    @Test
    void aBodyThatRepeatsWithoutBoundStopsTheAssemblerAtItsMemoryBound() {
        List<String> errors = sources.errors(source("""
                    callentry f() {
                        .rept   100000000
                        nop
                        .endr
                        rts
                    }
                """, ""));
        assertOneError(errors, "main.qj:1:9", "the assembler stopped without naming a line: out of memory");
        assertOneError(errors, "main.qj:1:9", "does a body repeat (.rept) or include (.include) without bound?");
    }

    @Test
    void aBodyThatIncludesAnEndlessDeviceStopsTheAssemblerAtItsMemoryBound() {
        List<String> errors = sources.errors(source("""
                    callentry f() {
                        .include "/dev/zero"
                        rts
                    }
                """, ""));
        assertOneError(errors, "main.qj:1:9", "the assembler stopped without naming a line: out of memory");
    }

    /** A quaject's code and data stay in its block; the directive that leaves it is the mistake to point at. */
    @Test
    void reportsABodyThatLeavesTheQuajectsBlockAtTheSectionDirective() {
        List<String> errors = sources.errors(source("""
                    callentry f() {
                        rts
                        .data
                        .long   1
                    }
                """, ""));
        assertOneError(errors, "main.qj:5:9", "section .data");
    }

    @Test
    void reportsAnErrorInAnImportedFileAtItsLine() {
        sources.write("asmlib.qj", """
                quaject B {
                    callentry f() {
                        bogus   d0
                        rts
                    }
                }
                """);
        List<String> errors = sources.errors("""
                import "asmlib"
                kernel k {
                    instance b: B
                }
                """);
        assertEquals(List.of(error("asmlib.qj", 3, 9, "unknown operator -- statement `bogus d0' ignored")), errors);
    }
}
