package org.quaject.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quaject.compiler.testing.QjSources.error;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.DiagnosticCase;
import org.quaject.compiler.testing.QjSources;

/**
 * Mistakes that would make run-time inlining wrong: inline room a call site
 * cannot have, a slot with room used other than by a call, and inline
 * callentries whose copies could not run in a caller's code. The last kind is
 * found in the assembled code, so these cases run the assembler.
 */
class InlineDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    /** Quaject Q with the members given, and a kernel that is itself correct. */
    static String quaject(String members) {
        return "quaject Q {\n" + members + """
                }
                kernel k {
                    main {
                        rts
                    }
                }
                """;
    }

    static Stream<DiagnosticCase> rooms() {
        return Stream.of(
                DiagnosticCase.of("odd inline room", quaject("""
                            callout out() inline 9
                        """),
                        error(2, 26, "the inline room of callout out must be an even number of bytes from 6 "
                                + "(a call) to 128 (a short branch over what an inlined body leaves), not 9")),
                DiagnosticCase.of("inline room smaller than a call", quaject("""
                            callback done() inline 4
                        """),
                        error(2, 28, "the inline room of callback done must be an even number of bytes from 6 "
                                + "(a call) to 128 (a short branch over what an inlined body leaves), not 4")),
                DiagnosticCase.of("inline room beyond a short branch", quaject("""
                            callout out() inline 130
                        """),
                        error(2, 26, "the inline room of callout out must be an even number of bytes from 6 "
                                + "(a call) to 128 (a short branch over what an inlined body leaves), not 130")),
                DiagnosticCase.of("a slot with room used as an address", quaject("""
                            callentry go() {
                                lea     @out,a0
                                jsr     (a0)
                                rts
                            }
                            callout out() inline 16
                        """),
                        error(3, 17, "callout out has inline room: each use is a call site the synthesizer "
                                + "rewrites, so it can only be called, as `jsr @out` or `jmp @out`")),
                DiagnosticCase.of("a slot with room called with an offset", quaject("""
                            callentry go() {
                                jsr     @out+2
                                rts
                            }
                            callout out() inline 16
                        """),
                        error(3, 17, "callout out has inline room: each use is a call site the synthesizer "
                                + "rewrites, so it can only be called, as `jsr @out` or `jmp @out`")));
    }

    static Stream<DiagnosticCase> inlineBodies() {
        return Stream.of(
                DiagnosticCase.of("an inline callentry that does not end with rts", quaject("""
                            inline callentry go() {
                                moveq   #1,d0
                                nop
                            }
                        """),
                        error(4, 9, "inline callentry go must end with rts: an inlined copy leaves it out and "
                                + "runs on into the caller's code")),
                DiagnosticCase.of("an inline callentry that returns before its end", quaject("""
                            inline callentry go() {
                                tst.l   d0
                                bne.s   1f
                                rts
                        1:      moveq   #1,d0
                                rts
                            }
                        """),
                        error(5, 9, "inline callentry go returns before its end: in an inlined copy, rts would "
                                + "return from the caller")),
                DiagnosticCase.of("an inline callentry that ends with rte", quaject("""
                            inline callentry go() {
                                rte
                            }
                        """),
                        error(3, 9, "inline callentry go must end with rts: an inlined copy leaves it out and "
                                + "runs on into the caller's code")),
                DiagnosticCase.of("an inline callentry that jumps to a hole", quaject("""
                            inline callentry go() {
                                jmp     @out
                                rts
                            }
                            callout out()
                        """),
                        error(3, 17, "inline callentry go jumps out of its body: an inlined copy would never "
                                + "come back to the caller's code; call (jsr) and return instead")),
                DiagnosticCase.of("an inline callentry that jumps through a register", quaject("""
                            inline callentry go() {
                                jmp     (a0)
                                rts
                            }
                        """),
                        error(3, 17, "inline callentry go jumps out of its body: an inlined copy would never "
                                + "come back to the caller's code; call (jsr) and return instead")),
                DiagnosticCase.of("an inline callentry that branches to another body's label", quaject("""
                            inline callentry go() {
                                tst.l   d0
                                beq     elsewhere
                                rts
                            }
                            callentry other() {
                        elsewhere:
                                rts
                            }
                        """),
                        error(4, 17, "inline callentry go jumps out of its body: an inlined copy would never "
                                + "come back to the caller's code; call (jsr) and return instead")),
                DiagnosticCase.of("an inline callentry that calls through a slot with room", quaject("""
                            inline callentry go() {
                                jsr     @out
                                rts
                            }
                            callout out() inline 16
                        """),
                        error(3, 17, "inline callentry go calls through @out, which has inline room: what is "
                                + "inlined there could not be copied again; give @out no inline room")));
    }

    /** Found in the body assembled apart from the rest of its block. */
    static Stream<DiagnosticCase> assembledInlineBodies() {
        return Stream.of(
                DiagnosticCase.of("an inline callentry that calls another body's label", quaject("""
                            inline callentry go() {
                                bsr     helper
                                rts
                            }
                            callentry other() {
                        helper:
                                rts
                            }
                        """),
                        error(3, 9, "inline callentry go refers to a place outside its body without a hole, "
                                + "which an inlined copy could not reach; make it a hole or move it into the body")),
                DiagnosticCase.of("an inline callentry with a 16-bit PC-relative hole", quaject("""
                            inline callentry go() {
                                bsr.w   @other
                                rts
                            }
                            callentry other() {
                                rts
                            }
                        """),
                        error(3, 17, "inline callentry go has a 16-bit PC-relative hole, which an inlined copy "
                                + "elsewhere in RAM could not reach through; use an absolute address or a 32-bit "
                                + "displacement")),
                DiagnosticCase.of("an inline callentry with a 16-bit address of its own code", quaject("""
                            inline callentry go() {
                                move.w  #1f,d0
                        1:      rts
                            }
                        """),
                        error(3, 9, "inline callentry go has a 16-bit address of a place in its own body, which "
                                + "could not hold where an inlined copy is; use a 32-bit one")));
    }

    /** What the rules allow: branches to the body's own labels, named or numbered, and calls anywhere. */
    @Test
    void anInlineCallentryThatStaysInItsBodyCompiles() {
        sources.build(quaject("""
                    inline callentry go() {
                        tst.l   d0
                        beq.s   done
                        bne.s   1f
                        moveq   #2,d0
                1:      bsr.l   @other
                        jsr     @out
                done:   rts
                    }
                    callentry other() {
                        rts
                    }
                    callout out() default {
                        rts
                    }
                    callentry caller() {
                        jsr     @site
                        rts
                    }
                    callout site() inline 16 default {
                        rts
                    }
                """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rooms", "inlineBodies", "assembledInlineBodies"})
    void reportsTheMistake(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }
}
