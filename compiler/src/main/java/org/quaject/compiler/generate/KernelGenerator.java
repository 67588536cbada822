package org.quaject.compiler.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quaject.compiler.model.HoleRef;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.StaticThread;
import org.quaject.compiler.model.TestCase;
import org.stringtemplate.v4.STGroup;

/**
 * Generates the kernel's own code: the entry the boot code calls, the main body,
 * the tests and the table the test harness runs them from, and the console input
 * the tests read.
 */
public final class KernelGenerator {

    /** The generated file's name, used in its line markers. */
    public static final String FILE_NAME = "kernel.s";

    private final STGroup group = Templates.group("kernel");
    private final STGroup interruptsGroup = Templates.group("interrupts");
    private final STGroup threadsGroup = Templates.group("threads");

    /**
     * One test: its label, its name as a string literal, what it runs first
     * (null for nothing), its body, its console input as a string literal
     * (null for none).
     */
    public record Test(String label, String name, String start, String body, String input) {
    }

    /**
     * The static threads' part of the kernel (templates/threads.stg): what
     * qj_kernel_start runs to start them, the label main is entered at, and
     * the routines that run main and the tests as thread boot.
     */
    public record Threads(String start, String mainEntry, String routines) {
    }

    public String generate(Program program) {
        Kernel kernel = program.kernel();
        Function<HoleRef, String> symbolOf = hole -> symbolOf(hole, program);
        Optional<String> main = kernel.main().map(body -> AsmText.body(body, true, symbolOf));
        String testStart = kernel.threads().isEmpty() ? null : Templates.render(threadsGroup, "testStart");
        List<Test> tests = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (TestCase test : program.tests()) {
            int number = tests.size() + 1;
            tests.add(new Test("qj_test_" + number, AsmText.quote(utf8(test.name())), testStart,
                    AsmText.body(test.body(), true, symbolOf),
                    test.input().map(text -> AsmText.quote(utf8(text))).orElse(null)));
            test.input().ifPresent(input::append);
        }
        List<InterruptTable.Level> levels = InterruptTable.levels(program);
        List<String> dispatchers = levels.stream().filter(InterruptTable.Level::dispatched)
                .map(level -> Templates.render(interruptsGroup, "dispatcher", "level", level)).toList();
        String text = Templates.render(group, "kernel",
                "name", kernel.name().text(),
                "source", program.mainFile().displayName(),
                "interrupts", levels.isEmpty() ? null : Templates.render(interruptsGroup, "setup", "levels", levels),
                "threads", kernel.threads().isEmpty() ? null : threads(kernel),
                "dispatchers", dispatchers,
                "main", main.orElse(null),
                "tests", tests,
                "input", input.length() != 0,
                "devices", kernel.devices().isEmpty() ? null
                        : AsmText.quote(utf8(kernel.devices().stream().map(d -> d.text() + "\n")
                                .collect(Collectors.joining()))));
        return AsmText.resync(text, FILE_NAME);
    }

    private Threads threads(Kernel kernel) {
        String adopt = Symbols.instanceMember(StaticThread.BOOT, StaticThread.ADOPT);
        String start = Templates.render(threadsGroup, "start", "adopt", adopt,
                "starts", kernel.threads().stream()
                        .map(t -> Symbols.instanceMember(t.name().text(), StaticThread.START)).toList());
        return new Threads(start, Templates.render(threadsGroup, "mainEntry"),
                Templates.render(threadsGroup, "routines", "boot", Symbols.instanceBase(StaticThread.BOOT),
                        "adopt", adopt, "main", kernel.main().isPresent()));
    }

    /**
     * {@code @c1} is the instance's block, {@code @c1.count} one of its
     * members; for a name no instance has, a class: {@code @Counter} is its
     * descriptor, {@code @Counter.create} its creation stub, {@code @Counter.inc}
     * a callentry's or field's offset in its blocks, {@code @Counter.reader} a
     * slot's number.
     */
    private static String symbolOf(HoleRef hole, Program program) {
        if (program.kernel().instance(hole.name()).isEmpty()) {
            return Symbols.classHole(hole, program);
        }
        return hole.hasMember() ? Symbols.instanceMember(hole.name(), hole.member())
                : Symbols.instanceBase(hole.name());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
