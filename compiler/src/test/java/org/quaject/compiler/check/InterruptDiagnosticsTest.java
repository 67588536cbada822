package org.quaject.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quaject.compiler.testing.QjSources.error;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.DiagnosticCase;
import org.quaject.compiler.testing.QjSources;

/** Mistakes in interrupt handlers and in the interrupt lines instances bind, one by one. */
class InterruptDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    /** A device Timer whose interrupt callentry tick is declared and written as given (line 2). */
    static String withHandler(String declaration, String body) {
        return """
                device Timer {
                    %s {
                %s
                    }
                }
                kernel k {
                    instance t: Timer at 0xff006000 irq 6:1
                }
                """.formatted(declaration, body);
    }

    /** A device Timer with an interrupt callentry, and the instances given, from line 7. */
    static String withInstances(String instances) {
        return """
                device Timer {
                    interrupt callentry tick() {
                        rte
                    }
                }
                kernel k {
                    %s
                }
                """.formatted(instances);
    }

    static Stream<DiagnosticCase> handlers() {
        return Stream.of(
                DiagnosticCase.of("a handler that does not end in rte", withHandler("interrupt callentry tick()",
                                "        rts"),
                        error(3, 9, "interrupt callentry tick must end with rte, which returns from the interrupt")),
                DiagnosticCase.of("a handler with an empty body", withHandler("interrupt callentry tick()", ""),
                        error(2, 25, "interrupt callentry tick must end with rte, which returns from the interrupt")),
                DiagnosticCase.of("a handler with an argument", withHandler("interrupt callentry tick(d0.l)",
                                "        rte"),
                        error(2, 25, "interrupt callentry tick takes no arguments, returns nothing and clobbers "
                                + "nothing: it cuts in anywhere, so it must leave every register as it found it")),
                DiagnosticCase.of("a handler that clobbers a register", withHandler(
                                "interrupt callentry tick() clobbers d0", "        rte"),
                        error(2, 25, "interrupt callentry tick takes no arguments, returns nothing and clobbers "
                                + "nothing: it cuts in anywhere, so it must leave every register as it found it")),
                DiagnosticCase.of("a handler in a quaject", """
                        quaject Q {
                            interrupt callentry tick() {
                                rte
                            }
                        }
                        kernel k {
                            instance q: Q
                        }
                        """,
                        error(2, 25, "interrupt callentry tick: only a device has interrupt handlers, and Q is a "
                                + "quaject")),
                DiagnosticCase.of("two handlers in a device", """
                        device Timer {
                            interrupt callentry tick() {
                                rte
                            }
                            interrupt callentry tock() {
                                rte
                            }
                        }
                        kernel k {
                        }
                        """,
                        error(5, 25, "device Timer already has an interrupt callentry, tick at main.qj:2:25; a "
                                + "device has one, for all the lines its instances bind")));
    }

    static Stream<DiagnosticCase> lines() {
        return Stream.of(
                DiagnosticCase.of("a line bound twice", withInstances("""
                        instance a: Timer at 0xff006000 irq 6:1
                            instance b: Timer at 0xff007000 irq 6:2, 6:1"""),
                        error(8, 46, "irq 6:1 is already bound to instance a at main.qj:7:14")),
                DiagnosticCase.of("a PIC the board does not have", withInstances(
                                "instance a: Timer at 0xff006000 irq 7:1"),
                        error(7, 41, "irq 7:1: the board's PICs are numbered 1 to 6")),
                DiagnosticCase.of("a line number past the PIC's", withInstances(
                                "instance a: Timer at 0xff006000 irq 6:33"),
                        error(7, 43, "irq 6:33: a PIC's lines are numbered 1 to 32")),
                DiagnosticCase.of("a line nothing raises", withInstances("instance a: Timer at 0xff006000 irq 6:3"),
                        error(7, 41, "irq 6:3: nothing on the virt68030 board raises IRQ #3 of PIC 6 (see "
                                + "docs/language.md for the board's lines)")),
                DiagnosticCase.of("lines bound to a device without a handler", """
                        device Timer {
                            register TIME_LOW at 0x00
                        }
                        kernel k {
                            instance a: Timer at 0xff006000 irq 6:1
                        }
                        """,
                        error(5, 41, "instance a binds interrupt lines, but device Timer has no interrupt callentry "
                                + "to handle them")),
                DiagnosticCase.of("lines bound to a quaject", """
                        quaject Q {
                            var x: long
                        }
                        kernel k {
                            instance q: Q irq 6:1
                        }
                        """,
                        error(5, 23, "instance q binds interrupt lines, but quaject Q has no interrupt callentry "
                                + "to handle them")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"handlers", "lines"})
    void reportsTheMistake(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }
}
