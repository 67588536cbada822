package org.quaject.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quaject.compiler.testing.QjSources.error;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.DiagnosticCase;
import org.quaject.compiler.testing.QjSources;

/** Mistakes in the kernel's static thread declarations, one by one. */
class ThreadDiagnosticsTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    private static final String QUANTUM_NOT_ABOVE_0 =
            "the quantum of thread a must be above 0: it is how long each of its turns lasts, in nanoseconds";

    /**
     * The library's threads, a quaject Worker with a field n and callentries
     * run() and step(d0.l), the quantum clock and one instance w of Worker
     * (line 13), then the kernel items given, on line 14 from column 5.
     */
    static String withItems(String items) {
        return """
                import "thread"
                quaject Worker {
                    var n: long
                    callentry run() {
                        rts
                    }
                    callentry step(d0.l) {
                        rts
                    }
                }
                kernel k {
                    instance clock: ThreadClock at 0xff007000 irq 6:2
                    instance w: Worker
                    %s
                }
                """.formatted(items);
    }

    static Stream<DiagnosticCase> entries() {
        return Stream.of(
                DiagnosticCase.of("an entry in an unknown instance", withItems("thread a: v.run"),
                        error(14, 15, "unknown instance 'v'")),
                DiagnosticCase.of("an entry that is no callentry of the instance", withItems("thread a: w.walk"),
                        error(14, 17, "quaject Worker (instance w) has no callentry 'walk'")),
                DiagnosticCase.of("an entry that is a field", withItems("thread a: w.n"),
                        error(14, 17, "quaject Worker (instance w) has no callentry 'n'")),
                DiagnosticCase.of("an entry that takes a register other than a0", withItems("thread a: w.step"),
                        error(14, 17, "callentry w.step takes d0.l, but a thread's entry is called with nothing "
                                + "but the thread's block in a0")),
                DiagnosticCase.of("a quantum of 0", withItems("thread a: w.run quantum 0"),
                        error(14, 29, QUANTUM_NOT_ABOVE_0)),
                DiagnosticCase.of("a negative quantum", withItems("thread a: w.run quantum -5"),
                        error(14, 29, QUANTUM_NOT_ABOVE_0)),
                DiagnosticCase.of("a misspelled thread item", withItems("thraed a: w.run"),
                        error(14, 5, "unknown kernel item 'thraed'; a static thread is "
                                + "`thread NAME: INSTANCE.CALLENTRY`")),
                DiagnosticCase.of("a size item after a thread is no quantum", withItems("thread a: w.run disk 1000"),
                        error(14, 26, "the disk's data area must be a whole number of 512-byte sectors, "
                                + "from 512 to 1024M")));
    }

    static Stream<DiagnosticCase> names() {
        return Stream.of(
                DiagnosticCase.of("a thread named like an instance", withItems("thread w: w.run"),
                        error(14, 12, "thread w has the name of instance w (declared at main.qj:13:14); a thread's "
                                + "block is an instance too")),
                DiagnosticCase.of("a thread named boot", withItems("thread boot: w.run"),
                        error(14, 12, "a thread cannot be named boot: main and the tests run as the thread boot")),
                DiagnosticCase.of("an instance named boot beside threads", withItems("""
                        instance boot: Worker
                            thread a: w.run"""),
                        error(14, 14, "instance boot: in a kernel with threads, boot is the thread main and the "
                                + "tests run as; rename the instance")),
                DiagnosticCase.of("two threads of one name", withItems("""
                        thread a: w.run
                            thread a: w.run"""),
                        error(15, 12, "duplicate thread 'a' (first declared at main.qj:14:12)")));
    }

    /**
     * The declarations given on line 1, a quaject Worker with a callentry run,
     * and a kernel with the instance given on line 8, an instance w of Worker,
     * and thread a running w.run (line 10, its name at column 12).
     */
    static String workerThread(String declarations, String instance) {
        return """
                %s
                quaject Worker {
                    callentry run() {
                        rts
                    }
                }
                kernel k {
                    %s
                    instance w: Worker
                    thread a: w.run
                }
                """.formatted(declarations, instance);
    }

    static Stream<DiagnosticCase> library() {
        return Stream.of(
                DiagnosticCase.of("threads without the library", workerThread("", ""),
                        error(10, 12, "static threads are instances of the library's class Thread, and there is "
                                + "none: add import \"thread\" at the top of the file")),
                DiagnosticCase.of("threads with a Thread class of the program's own", workerThread(
                                "quaject Thread { var x: long } device ThreadClock { register R at 0 }",
                                "instance clock: ThreadClock at 0xff007000"),
                        error(10, 12, "static threads are instances of the library's class Thread, and quaject "
                                + "Thread at main.qj:1:9 is another: it needs long parameters entry and quantum and "
                                + "callentries adopt and start (lib/thread.qj)")),
                DiagnosticCase.of("threads without the quantum clock", workerThread("import \"thread\"", ""),
                        error(10, 12, "static threads need the quantum clock: add `instance clock: ThreadClock at "
                                + "0xff007000 irq 6:2` to kernel k")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"entries", "names", "library"})
    void reportsTheMistake(DiagnosticCase c) {
        assertEquals(c.expected(), sources.errors(c.source()));
    }
}
