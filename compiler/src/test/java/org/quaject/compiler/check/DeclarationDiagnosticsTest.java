package org.quaject.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quaject.compiler.testing.DiagnosticAssertions.assertOneError;
import static org.quaject.compiler.testing.QjSources.error;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.DiagnosticCase;
import org.quaject.compiler.testing.QjSources;

/**
 * Mistakes inside a quaject declaration: its names, its parameters and fields, its
 * register signatures and the holes of its bodies. Each source has one kernel that
 * is itself correct, so that the quaject's mistake is the only one.
 */
class DeclarationDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    /** A source: the quaject declarations given, then a kernel with one instance {@code q} of {@code Q}. */
    static String withKernel(String declarations) {
        return declarations + """
                kernel k {
                    instance q: Q
                }
                """;
    }

    static Stream<DiagnosticCase> names() {
        return Stream.of(
                DiagnosticCase.of("two quajects with one name", withKernel("""
                        quaject Q {
                            var x: long
                        }
                        quaject Q {
                            var y: long
                        }
                        """),
                        error(4, 9, "duplicate quaject 'Q' (first declared at main.qj:1:9)")),
                DiagnosticCase.of("a field and a callentry with one name", withKernel("""
                        quaject Q {
                            var x: long
                            callentry x() {
                                rts
                            }
                        }
                        """),
                        error(3, 15, "duplicate name 'x' in quaject Q (first declared at main.qj:2:9)")),
                DiagnosticCase.of("a parameter and a field with one name", withKernel("""
                        quaject Q(x: long = 0) {
                            var x: long
                        }
                        """),
                        error(2, 9, "duplicate name 'x' in quaject Q (first declared at main.qj:1:11)")),
                DiagnosticCase.of("a member named self", withKernel("""
                        quaject Q {
                            var self: long
                        }
                        """),
                        error(2, 9, "'self' is reserved: @self is the address of the quaject's own block")),
                DiagnosticCase.of("a member named create", withKernel("""
                        quaject Q {
                            callentry create() {
                                rts
                            }
                        }
                        """),
                        error(2, 15, "'create' is reserved: @Q.create names the routine that creates a Q at run time")),
                DiagnosticCase.of("a hole naming nothing in a callentry", withKernel("""
                        quaject Q {
                            callentry f() {
                                move.l  @nosuch,d0
                                rts
                            }
                        }
                        """),
                        error(3, 17, "@nosuch names nothing in quaject Q: it has no field, parameter, callentry, "
                                + "callout, callback or register called 'nosuch', and there is no quaject 'nosuch'")),
                DiagnosticCase.of("a hole naming nothing in a default body", withKernel("""
                        quaject Q {
                            callout out() default {
                                jsr     @nosuch
                                rts
                            }
                        }
                        """),
                        error(3, 17, "@nosuch names nothing in quaject Q: it has no field, parameter, callentry, "
                                + "callout, callback or register called 'nosuch', and there is no quaject 'nosuch'")),
                DiagnosticCase.of("a quaject body creating a device", withKernel("""
                        device D {
                            register R at 0
                        }
                        quaject Q {
                            callentry make() {
                                jsr     @D.create
                                rts
                            }
                        }
                        """),
                        error(6, 17, "@D.create: device D cannot be created at run time; declare an instance with "
                                + "its base address")),
                DiagnosticCase.of("a quaject body naming another class's parameter", withKernel("""
                        quaject Other(size: long = 4) {
                            var count: long
                        }
                        quaject Q {
                            callentry size() -> d0.l {
                                move.l  #@Other.size,d0
                                rts
                            }
                        }
                        """),
                        error(6, 25, "@Other.size: Other is a quaject class, not an instance; only its callentries "
                                + "and fields (their place in its blocks) and its callouts and callbacks (their "
                                + "numbers) can be named")));
    }

    static Stream<DiagnosticCase> parametersAndFields() {
        return Stream.of(
                DiagnosticCase.of("a field initializer naming an unknown parameter", withKernel("""
                        quaject Q(size: word = 1) {
                            var x: long = sise
                        }
                        """),
                        error(2, 19, "unknown parameter 'sise' in quaject Q")),
                DiagnosticCase.of("a parameter default out of range for its type", withKernel("""
                        quaject Q(size: byte = 300) {
                            var x: long
                        }
                        """),
                        error(1, 24, "default value 300 does not fit parameter size of type byte")),
                DiagnosticCase.of("a field value out of range for its type", withKernel("""
                        quaject Q {
                            var x: word = 65536
                        }
                        """),
                        error(2, 19, "value 65536 does not fit field x of type word")),
                DiagnosticCase.of("a number beyond 32 bits", withKernel("""
                        quaject Q {
                            var x: long = 0x1_0000_0000
                        }
                        """),
                        error(2, 19, "number 0x1_0000_0000 does not fit in 32 bits")),
                DiagnosticCase.of("an array of no elements", withKernel("""
                        quaject Q {
                            var buffer: byte[0]
                        }
                        """),
                        error(2, 22, "array buffer must have at least one element")),
                DiagnosticCase.of("a string too long for its array", withKernel("""
                        quaject Q {
                            var name: byte[4] = "four"
                        }
                        """),
                        error(2, 25, "string of 4 bytes and its NUL do not fit in name[4]")));
    }

    static Stream<DiagnosticCase> signatures() {
        return Stream.of(
                DiagnosticCase.of("an argument in a register that does not exist", withKernel("""
                        quaject Q {
                            callentry f(x9.l) {
                                rts
                            }
                        }
                        """),
                        error(2, 17, "'x9' is not a data or address register (d0-d7, a0-a7)")),
                DiagnosticCase.of("an argument of an operand size that does not exist", withKernel("""
                        quaject Q {
                            callentry f(d0.q) {
                                rts
                            }
                        }
                        """),
                        error(2, 20, "operand size must be b, w or l, not 'q'")),
                DiagnosticCase.of("a byte in an address register", withKernel("""
                        quaject Q {
                            callentry f(a0.b) {
                                rts
                            }
                        }
                        """),
                        error(2, 17, "address register a0 cannot hold a byte; use .w or .l")),
                DiagnosticCase.of("a result in a register that does not exist", withKernel("""
                        quaject Q {
                            callentry get() -> r0.l {
                                rts
                            }
                        }
                        """),
                        error(2, 24, "'r0' is not a data or address register (d0-d7, a0-a7)")),
                DiagnosticCase.of("a clobber that is not a general register", withKernel("""
                        quaject Q {
                            callentry f() clobbers d0, pc {
                                rts
                            }
                        }
                        """),
                        error(2, 32, "'pc' is not a data or address register (d0-d7, a0-a7)")),
                DiagnosticCase.of("two arguments in one register", withKernel("""
                        quaject Q {
                            callentry f(d0.l, d0.w) {
                                rts
                            }
                        }
                        """),
                        error(2, 23, "register d0 is used for two arguments")),
                DiagnosticCase.of("a device register at an odd offset", """
                        device D {
                            register R at 0x3
                        }
                        kernel k {
                            instance d: D at 0x1000
                        }
                        """,
                        error(2, 19, "register R is at an odd offset")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"names", "parametersAndFields", "signatures"})
    void reportsTheMistake(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }

    /** The object file alone would be 4 GiB: the check comes before anything is generated. */
    @Test
    void aFieldLargerThanAnyRamIsReportedBeforeAnythingIsAssembled() {
        List<String> errors = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> sources.errors(withKernel("""
                quaject Q {
                    var big: long[0x4000_0000]
                }
                """)));
        assertOneError(errors, "main.qj:2", "big");
    }
}
