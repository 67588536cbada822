package org.quaject.compiler.check;

import java.util.stream.Stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quaject.compiler.testing.QjSources.error;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.DiagnosticCase;
import org.quaject.compiler.testing.QjSources;

/**
 * Mistakes in the kernel block: its instances and their arguments, its connections
 * and their signatures, the holes of its main and tests, its board and memory, and
 * the number of kernels.
 */
class KernelDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    /**
     * A quaject Q with a field x, a callout out (with a default, so that it may stay
     * unconnected) and a callentry f, one instance q of it, and the connection given;
     * the connection is on line 12, from column 13.
     */
    static String withConnection(String connection) {
        return """
                quaject Q {
                    var x: long
                    callout out() default {
                        rts
                    }
                    callentry f() {
                        rts
                    }
                }
                kernel k {
                    instance q: Q
                    connect %s
                }
                """.formatted(connection);
    }

    /**
     * User's callout (or callback) out, declared as given, connected to Provider's
     * callentry f with the signature given; the target p.f is at line 12, column 24.
     */
    static String connecting(String slot, String callentrySignature) {
        return """
                quaject User {
                    %s
                }
                quaject Provider {
                    callentry f%s {
                        rts
                    }
                }
                kernel k {
                    instance u: User
                    instance p: Provider
                    connect u.out -> p.f
                }
                """.formatted(slot, callentrySignature);
    }

    /** A quaject Q with a byte parameter size defaulting to 1, and the instance of it given, on line 5. */
    static String withInstance(String instance) {
        return """
                quaject Q(size: byte = 1) {
                    var x: long
                }
                kernel k {
                    %s
                }
                """.formatted(instance);
    }

    static Stream<DiagnosticCase> instances() {
        return Stream.of(
                DiagnosticCase.of("an instance of an unknown quaject", """
                        kernel k {
                            instance q: Nope
                        }
                        """,
                        error(2, 17, "unknown quaject 'Nope'")),
                DiagnosticCase.of("two instances with one name", withInstance("""
                        instance q: Q
                            instance q: Q"""),
                        error(6, 14, "duplicate instance 'q' (first declared at main.qj:5:14)")),
                DiagnosticCase.of("an argument for an unknown parameter", withInstance("instance q: Q(sise = 2)"),
                        error(5, 19, "quaject Q has no parameter 'sise'")),
                DiagnosticCase.of("two arguments for one parameter", withInstance("instance q: Q(size = 1, size = 2)"),
                        error(5, 29, "duplicate argument 'size' to instance q (first declared at main.qj:5:19)")),
                DiagnosticCase.of("an argument too large for its parameter", withInstance("instance q: Q(size = 256)"),
                        error(5, 26, "value 256 does not fit parameter size of type byte")),
                DiagnosticCase.of("an argument too small for its parameter", withInstance("instance q: Q(size = -129)"),
                        error(5, 26, "value -129 does not fit parameter size of type byte")),
                DiagnosticCase.of("a parameter without default given no value", """
                        quaject Q(size: word) {
                            var x: long
                        }
                        kernel k {
                            instance q: Q
                        }
                        """,
                        error(5, 14, "instance q needs a value for parameter size of Q")),
                DiagnosticCase.of("a device instance without a base address", """
                        import "goldfish-tty"
                        kernel k {
                            instance console: GoldfishTty
                        }
                        """,
                        error(3, 14, "device instance console needs its base address: "
                                + "instance console: GoldfishTty at 0x...")),
                DiagnosticCase.of("a quaject instance with a base address", withInstance("instance q: Q at 0x1000"),
                        error(5, 22, "only devices have a base address; Q is a quaject")),
                DiagnosticCase.of("a device instance at an unaligned base address", """
                        import "goldfish-tty"
                        kernel k {
                            instance console: GoldfishTty at 0xff008002
                        }
                        """,
                        error(3, 38, "device base address 0xff008002 is not 4-byte aligned")));
    }

    static Stream<DiagnosticCase> connections() {
        return Stream.of(
                DiagnosticCase.of("a connection from an unknown instance", withConnection("nobody.out -> q.f"),
                        error(12, 13, "unknown instance 'nobody'")),
                DiagnosticCase.of("a connection to an unknown instance", withConnection("q.out -> nobody.f"),
                        error(12, 22, "unknown instance 'nobody'")),
                DiagnosticCase.of("a connection from an unknown callout", withConnection("q.nosuch -> q.f"),
                        error(12, 15, "quaject Q (instance q) has no member 'nosuch'")),
                DiagnosticCase.of("a connection to an unknown callentry", withConnection("q.out -> q.nosuch"),
                        error(12, 24, "quaject Q (instance q) has no member 'nosuch'")),
                DiagnosticCase.of("a connection from a field", withConnection("q.x -> q.f"),
                        error(12, 15, "q.x is a field; only callouts and callbacks can be connected")),
                DiagnosticCase.of("a connection from a callentry", withConnection("q.f -> q.f"),
                        error(12, 15, "q.f is a callentry; only callouts and callbacks can be connected")),
                DiagnosticCase.of("a connection to a field", withConnection("q.out -> q.x"),
                        error(12, 24, "q.x is a field; a connection must lead to a callentry")),
                DiagnosticCase.of("a connection to a callout", withConnection("q.out -> q.out"),
                        error(12, 24, "q.out is a callout; a connection must lead to a callentry")),
                DiagnosticCase.of("a callout connected twice", withConnection("""
                        q.out -> q.f
                            connect q.out -> q.f"""),
                        error(13, 13, "q.out is already connected at main.qj:12:13")),
                DiagnosticCase.of("a callout left unconnected without a default", """
                        quaject User {
                            callout out(d0.l)
                        }
                        kernel k {
                            instance u: User
                        }
                        """,
                        error(5, 14, "callout u.out is not connected and User gives it no default")));
    }

    static Stream<DiagnosticCase> signatures() {
        return Stream.of(
                DiagnosticCase.of("a callentry taking its argument in another register",
                        connecting("callout out(d0.l) -> d1.l", "(d1.l) -> d1.l"),
                        error(12, 24, "callout u.out expects (d0.l) -> d1.l but callentry p.f is (d1.l) -> d1.l")),
                DiagnosticCase.of("a callentry taking its argument in another size",
                        connecting("callout out(d0.l) -> d1.l", "(d0.w) -> d1.l"),
                        error(12, 24, "callout u.out expects (d0.l) -> d1.l but callentry p.f is (d0.w) -> d1.l")),
                DiagnosticCase.of("a callentry returning a result the callout does not expect",
                        connecting("callout out(d0.l)", "(d0.l) -> d0.l"),
                        error(12, 24, "callout u.out expects (d0.l) but callentry p.f is (d0.l) -> d0.l")),
                DiagnosticCase.of("a callentry not returning the result the callout expects",
                        connecting("callout out(d0.l) -> d1.l", "(d0.l)"),
                        error(12, 24, "callout u.out expects (d0.l) -> d1.l but callentry p.f is (d0.l)")),
                DiagnosticCase.of("a callback connected to a callentry of another signature",
                        connecting("callback out(d0.l)", "(d0.b)"),
                        error(12, 24, "callback u.out expects (d0.l) but callentry p.f is (d0.b)")),
                DiagnosticCase.of("a callentry clobbering a register the callout does not allow",
                        connecting("callout out(d0.l) -> d1.l", "(d0.l) -> d1.l clobbers d2"),
                        error(12, 24, "callentry p.f changes d2, which callout u.out does not allow "
                                + "(add it to the callout's clobbers)")),
                DiagnosticCase.of("a callentry clobbering two registers the callout does not allow",
                        connecting("callout out(d0.l) -> d1.l clobbers d2", "(d0.l) -> d1.l clobbers a0, d2, d3"),
                        error(12, 24, "callentry p.f changes a0, which callout u.out does not allow "
                                + "(add it to the callout's clobbers)"),
                        error(12, 24, "callentry p.f changes d3, which callout u.out does not allow "
                                + "(add it to the callout's clobbers)")));
    }

    static Stream<DiagnosticCase> kernelBodies() {
        return Stream.of(
                DiagnosticCase.of("a hole naming an unknown instance in main", """
                        quaject Q {
                            var x: long
                        }
                        kernel k {
                            instance q: Q
                            main {
                                move.l  @nosuch.x,d0
                                rts
                            }
                        }
                        """,
                        error(7, 17, "@nosuch.x names nothing: kernel k has no instance 'nosuch' and there is no quaject 'nosuch'")),
                DiagnosticCase.of("a hole naming an unknown member in a test", """
                        quaject Q {
                            var x: long
                        }
                        kernel k {
                            instance q: Q
                            test "reads a member" {
                                move.l  @q.nosuch,d0
                                pass
                            }
                        }
                        """,
                        error(7, 20, "@q.nosuch names nothing: quaject Q (instance q) has no member 'nosuch'")),
                DiagnosticCase.of("a hole naming an unknown instance in a test outside the kernel", """
                        quaject Q {
                            var x: long
                        }
                        kernel k {
                            instance q: Q
                        }
                        test "outside the kernel" {
                            lea     @nosuch,a0
                            pass
                        }
                        """,
                        error(8, 13, "@nosuch names nothing: kernel k has no instance 'nosuch' and there is no quaject 'nosuch'")),
                DiagnosticCase.of("a parameter of a class rather than of an instance", """
                        quaject Q(p: long = 1) {
                            var x: long
                        }
                        kernel k {
                            main {
                                move.l  #@Q.p,d0
                                rts
                            }
                        }
                        """,
                        error(6, 21, "@Q.p: Q is a quaject class, not an instance; only its callentries and "
                                + "fields (their place in its blocks) and its callouts and callbacks (their "
                                + "numbers) can be named")),
                DiagnosticCase.of("an unknown member of a class", """
                        quaject Q {
                            var x: long
                        }
                        kernel k {
                            main {
                                move.l  @Q.y,d0
                                rts
                            }
                        }
                        """,
                        error(6, 20, "@Q.y: Q is a quaject class, not an instance; only its callentries and "
                                + "fields (their place in its blocks) and its callouts and callbacks (their "
                                + "numbers) can be named")),
                DiagnosticCase.of("a device class named for creating at run time", """
                        device D {
                            register R at 0x0
                        }
                        kernel k {
                            main {
                                lea     @D,a0
                                rts
                            }
                        }
                        """,
                        error(6, 17, "@D: device D cannot be created at run time; declare an instance with its "
                                + "base address")),
                DiagnosticCase.of("a creation stub of a class with more parameters than d0-d7", """
                        quaject Q(a: byte = 0, b: byte = 0, c: byte = 0, d: byte = 0, e: byte = 0, f: byte = 0,
                                  g: byte = 0, h: byte = 0, i: byte = 0) {
                            var x: long
                        }
                        kernel k {
                            main {
                                jsr     @Q.create
                                rts
                            }
                        }
                        """,
                        error(7, 17, "@Q.create: Q has 9 parameters, and a creation stub takes them in d0-d7; "
                                + "create it with qj_create and @Q")),
                DiagnosticCase.of("two tests with one name", """
                        kernel k {
                            test "same" {
                                pass
                            }
                            test "same" {
                                pass
                            }
                        }
                        """,
                        error(5, 10, "duplicate test 'same' (first declared at main.qj:2:10)")),
                DiagnosticCase.of("a test without a name", """
                        kernel k {
                            test "" {
                                pass
                            }
                        }
                        """,
                        error(2, 10, "a test needs a name")),
                DiagnosticCase.of("a test name with a '#'", """
                        kernel k {
                            test "a # b" {
                                pass
                            }
                        }
                        """,
                        error(2, 10, "a test name may not contain '#' or a line break "
                                + "(TAP reads '#' as a directive)")));
    }

    static Stream<DiagnosticCase> boardAndKernels() {
        return Stream.of(
                DiagnosticCase.of("an unknown board", """
                        kernel k {
                            board amiga500
                        }
                        """,
                        error(2, 11, "unknown board 'amiga500'; the only board is virt68030")),
                DiagnosticCase.of("a board given twice", """
                        kernel k {
                            board virt68030
                            board virt68030
                        }
                        """,
                        error(3, 11, "the board is already given at main.qj:2:11")),
                DiagnosticCase.of("RAM that is not a whole number of MiB", """
                        kernel k {
                            ram 3K
                        }
                        """,
                        error(2, 9, "RAM must be a whole number of MiB from 1M to 1024M")),
                DiagnosticCase.of("more RAM than the board can have", """
                        kernel k {
                            ram 2048M
                        }
                        """,
                        error(2, 9, "RAM must be a whole number of MiB from 1M to 1024M")),
                DiagnosticCase.of("a disk data area that is not whole sectors", """
                        kernel k {
                            disk 1000
                        }
                        """,
                        error(2, 10, "the disk's data area must be a whole number of 512-byte sectors, "
                                + "from 512 to 1024M")),
                DiagnosticCase.of("a disk data area larger than the format allows", """
                        kernel k {
                            disk 2048M
                        }
                        """,
                        error(2, 10, "the disk's data area must be a whole number of 512-byte sectors, "
                                + "from 512 to 1024M")),
                DiagnosticCase.of("a device type that is not a device name", """
                        kernel k {
                            device "Virtio RNG"
                        }
                        """,
                        error(2, 12, "a device type is a name of lower-case letters, digits and '-', such as"
                                + " \"virtio-rng\", not \"Virtio RNG\"")),
                DiagnosticCase.of("an empty device type", """
                        kernel k {
                            device ""
                        }
                        """,
                        error(2, 12, "a device type is a name of lower-case letters, digits and '-', such as"
                                + " \"virtio-rng\", not \"\"")),
                DiagnosticCase.of("a disk size given twice", """
                        kernel k {
                            disk 8M
                            disk 4M
                        }
                        """,
                        error(3, 10, "the disk size is already given at main.qj:2:10")),
                DiagnosticCase.of("a size after a word that takes none", """
                        kernel k {
                            rom 8M
                        }
                        """,
                        error(2, 5, "unknown kernel item 'rom'; a size follows `ram` or `disk`")),
                DiagnosticCase.of("two main bodies, reported at the second main", """
                        kernel k {
                            main {
                                rts
                            }
                            main {
                                rts
                            }
                        }
                        """,
                        error(5, 5, "the kernel already has a main body (at main.qj:2:11)")),
                DiagnosticCase.of("two kernels", """
                        kernel k {
                        }
                        kernel other {
                        }
                        """,
                        error(3, 8, "only one kernel per image; kernel k is already declared at main.qj:1:8")),
                DiagnosticCase.of("no kernel", """
                        quaject Q {
                            var x: long
                        }
                        """,
                        error(1, 1, "no kernel block: a kernel says which instances the image holds "
                                + "(see docs/language.md)")),
                DiagnosticCase.of("an empty file", "",
                        error(1, 1, "no kernel block: a kernel says which instances the image holds "
                                + "(see docs/language.md)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"instances", "connections", "signatures", "kernelBodies", "boardAndKernels"})
    void reportsTheMistake(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }
}
