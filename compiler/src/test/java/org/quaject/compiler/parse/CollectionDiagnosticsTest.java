package org.quaject.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Mistakes in {@code queue} and {@code stack} declarations, reported at the
 * declaration; and the classes they stand for, used like any quaject's.
 */
class CollectionDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    /** A declaration followed by a kernel that is itself correct. */
    static String declared(String declaration) {
        return declaration + """

                kernel k {
                    main {
                        rts
                    }
                }
                """;
    }

    static Stream<DiagnosticCase> declarations() {
        return Stream.of(
                DiagnosticCase.of("a capacity that is not a power of two", declared("queue Q: long[100] spsc"),
                        error(1, 15, "capacity 100 of Q is not a power of two")),
                DiagnosticCase.of("a capacity of zero", declared("stack S: word[0]"),
                        error(1, 15, "capacity 0 of S is not a power of two")),
                DiagnosticCase.of("more elements than a block holds", declared("stack S: long[16K]"),
                        error(1, 15, "S holds 65536 bytes of elements; at most 32768 fit in a block")),
                DiagnosticCase.of("an unknown sharing", declared("queue Q: byte[8] fifo"),
                        error(1, 18, "unknown queue sharing 'fifo': spsc, mpsc, spmc or mpmc "
                                + "(single or many producers, single or many consumers)")),
                DiagnosticCase.of("a queue without its sharing", declared("queue Q: byte[8]"),
                        error(1, 17, "queue Q needs its sharing after the capacity: spsc, mpsc, spmc or mpmc "
                                + "(single or many producers, single or many consumers)")),
                DiagnosticCase.of("a queue named like a quaject", declared("""
                        quaject Q {
                        }
                        queue Q: long[4] mpmc"""),
                        error(3, 7, "duplicate quaject 'Q' (first declared at main.qj:1:9)")),
                DiagnosticCase.of("a callback connected to a callentry of another shape", """
                        queue Q: long[4] mpsc
                        quaject Waiter {
                            callentry wait(d0.w) {
                                rts
                            }
                        }
                        kernel k {
                            instance q: Q
                            instance w: Waiter
                            connect q.full -> w.wait
                        }
                        """,
                        error(10, 25, "callback q.full expects (d0.l) but callentry w.wait is (d0.w)")),
                DiagnosticCase.of("a callback connected to a callentry that changes more registers", """
                        stack S: long[4]
                        quaject Waiter {
                            callentry wait() -> d0.l clobbers d5 {
                                rts
                            }
                        }
                        kernel k {
                            instance s: S
                            instance w: Waiter
                            connect s.empty -> w.wait
                        }
                        """,
                        error(10, 26, "callentry w.wait changes d5, which callback s.empty does not allow "
                                + "(add it to the callback's clobbers)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarations")
    void reportsTheMistake(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }

    @Test
    void aQueueDeclaredInAnImportedFileIsAClassLikeAnyOther() {
        sources.write("pipes.qj", "queue Pipe: word[16] spmc\n");
        sources.build("""
                import "pipes"
                kernel k {
                    instance p: Pipe
                    main {
                        moveq   #1,d0
                        jsr     @p.put
                        jsr     @Pipe.create
                        rts
                    }
                }
                """);
    }

    @Test
    void aQueueOfEachSharingAndElementCompiles() {
        StringBuilder source = new StringBuilder();
        for (String sharing : List.of("spsc", "mpsc", "spmc", "mpmc")) {
            for (String type : List.of("byte", "word", "long")) {
                for (int capacity : List.of(1, 2, 64)) {
                    source.append("queue Q_%s_%s_%d: %s[%d] %s\n".formatted(sharing, type, capacity, type, capacity,
                            sharing));
                }
            }
        }
        for (String type : List.of("byte", "word", "long")) {
            source.append("stack S_%s: %s[2]\n".formatted(type, type));
        }
        sources.build(declared(source.toString()));
    }
}
