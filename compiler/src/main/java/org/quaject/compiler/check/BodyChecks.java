package org.quaject.compiler.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.HoleRef;
import org.quaject.compiler.model.Member;
import org.quaject.compiler.model.Field;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;
import org.quaject.compiler.model.TestCase;

/**
 * Checks the assembly bodies: every hole names something (in a quaject's bodies
 * one of its own members, {@code @self}, or a quaject class; in the kernel's main
 * and tests an instance or one of an instance's members, or a quaject class), and
 * a quaject's bodies keep their code and data in its block.
 */
final class BodyChecks {

    /** A directive that moves code or data out of the current section, and the section it names. */
    private static final Pattern SECTION_DIRECTIVE = Pattern.compile(
            "(?m)^[ \\t]*(?:[A-Za-z0-9_$.]+:[ \\t]*)?(\\.(?:section|pushsection|popsection|previous|subsection"
                    + "|text|data|bss|rodata)\\b)[ \\t]*([^ \\t\\n,|]*)");

    /** A numeric local label at the start of a line ({@code 1:}), as GNU as defines them. */
    private static final Pattern LOCAL_LABEL = Pattern.compile("(?m)^[ \\t]*(\\d+):");

    /** A use of a numeric local label: {@code 1f} (the next {@code 1:}) or {@code 1b} (the last one). */
    private static final Pattern LOCAL_LABEL_USE = Pattern.compile("(?<![\\w.$])(\\d+)([fb])(?![\\w.$])");

    /** GNU as's line marker: {@code #} in the first column, then a line number. */
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^#[ \\t]*\\d");

    /** The {@code .end} directive, after any labels of its statement. */
    private static final Pattern END_DIRECTIVE =
            Pattern.compile("(?im)(?:^|;)(?:[ \\t]*[A-Za-z0-9_$.]+:)*[ \\t]*(\\.end)(?![\\w.$])");

    private final Diagnostics diagnostics;

    BodyChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Program program) {
        for (QuajectClass quaject : program.classes()) {
            quaject.callentries().stream().map(Callentry::body)
                    .forEach(body -> checkQuajectBody(body, quaject, program));
            quaject.slots().stream().map(Slot::defaultBody).flatMap(Optional::stream)
                    .forEach(body -> checkQuajectBody(body, quaject, program));
        }
        if (!program.kernels().isEmpty()) {
            Kernel kernel = program.kernel();
            kernel.mains().forEach(body -> checkKernelBody(body, program, kernel));
            program.tests().stream().map(TestCase::body).forEach(body -> checkKernelBody(body, program, kernel));
        }
    }

    private void checkQuajectBody(AssemblyBody body, QuajectClass quaject, Program program) {
        Matcher directive = SECTION_DIRECTIVE.matcher(body.text());
        while (directive.find()) {
            boolean named = directive.group(1).endsWith("section") && !directive.group(2).isEmpty();
            diagnostics.error(body.positionOf(directive.start(1)),
                    "switching to section %s would put code or data outside %s %s's block; "
                            + "a quaject's bodies stay in its block",
                    named ? directive.group(2) : directive.group(1), quaject.kindName(), quaject.name());
        }
        checkLocalLabels(body);
        checkEnd(body);
        checkLineMarkers(body);
        for (HoleRef hole : quaject.holesOf(body)) {
            if (!quaject.ownsHoleName(hole.name())) {
                checkClassHole(hole, program, () -> String.format("%s names nothing in %s %s: it has no field, "
                                + "parameter, callentry, callout, callback or register called '%s', and there is no "
                                + "quaject '%s'", hole, quaject.kindName(), quaject.name(), hole.name(), hole.name()));
            }
        }
    }

    /**
     * GNU as resolves {@code 1f} and {@code 1b} across the whole generated file,
     * so a label missing from one body would silently bind to a label in
     * another. Each use must find its label in its own body.
     */
    private void checkLocalLabels(AssemblyBody body) {
        String code = body.code();
        List<int[]> labels = new ArrayList<>();
        Matcher label = LOCAL_LABEL.matcher(code);
        while (label.find()) {
            if (fitsLocalLabel(label.group(1), body, label.start(1))) {
                labels.add(new int[] {Integer.parseInt(label.group(1)), label.start(1)});
            }
        }
        Matcher use = LOCAL_LABEL_USE.matcher(code);
        while (use.find()) {
            if (!fitsLocalLabel(use.group(1), body, use.start())) {
                continue;
            }
            int number = Integer.parseInt(use.group(1));
            boolean forward = use.group(2).equals("f");
            int at = use.start();
            boolean found = labels.stream().anyMatch(l -> l[0] == number && (forward ? l[1] > at : l[1] < at));
            if (!found) {
                diagnostics.error(body.positionOf(at), "local label %s%s has no %s: %s it in this body",
                        use.group(1), use.group(2), use.group(1), forward ? "after" : "before");
            }
        }
    }

    /**
     * A line marker ({@code # 5 "file.qj"} at the start of a line) would
     * renumber the assembler's lines and name another file in its messages
     * and in the image's line table.
     */
    private void checkLineMarkers(AssemblyBody body) {
        Matcher marker = LINE_MARKER.matcher(body.text());
        while (marker.find()) {
            diagnostics.error(body.positionOf(marker.start()), "a line that starts with # and a number is a line "
                    + "marker to the assembler, and would make its messages name another line or file; comments "
                    + "start with |");
        }
    }

    /** A body is assembled in one file with others: {@code .end} would silently drop everything after it. */
    private void checkEnd(AssemblyBody body) {
        Matcher end = END_DIRECTIVE.matcher(body.code());
        while (end.find()) {
            diagnostics.error(body.positionOf(end.start(1)), ".end would end the assembler's input here and "
                    + "leave out all the code after this body; a body cannot use it");
        }
    }

    /** GNU as numbers local labels up to 2^31 - 1 ("local label too large" past that). */
    private boolean fitsLocalLabel(String digits, AssemblyBody body, int at) {
        String number = digits.replaceFirst("^0+(?=.)", "");
        if (number.length() < 10 || (number.length() == 10 && number.compareTo("2147483647") <= 0)) {
            return true;
        }
        diagnostics.error(body.positionOf(at), "local label %s is too large: local labels go up to %d",
                digits, Integer.MAX_VALUE);
        return false;
    }

    private void checkKernelBody(AssemblyBody body, Program program, Kernel kernel) {
        checkLocalLabels(body);
        checkEnd(body);
        checkLineMarkers(body);
        for (HoleRef hole : body.holes(true)) {
            Optional<Instance> instance = kernel.instance(hole.name());
            if (instance.isEmpty()) {
                checkClassHole(hole, program, () -> String.format("%s names nothing: kernel %s has no instance "
                        + "'%s' and there is no quaject '%s'", hole, kernel.name(), hole.name(), hole.name()));
                continue;
            }
            Optional<QuajectClass> quaject = program.quajectClass(instance.get().className().text());
            if (hole.hasMember() && quaject.isPresent() && quaject.get().member(hole.member()).isEmpty()) {
                diagnostics.error(hole.position().plusColumns(hole.name().length() + 2),
                        "%s names nothing: %s %s (instance %s) has no member '%s'",
                        hole, quaject.get().kindName(), quaject.get().name(), hole.name(), hole.member());
            }
        }
    }

    /**
     * {@code @Class}, a name no instance has: the class's descriptor, for
     * creating instances at run time; {@code @Class.create}: its creation stub;
     * {@code @Class.member}: where a callentry or field lies in its blocks, or
     * a slot's number.
     */
    private void checkClassHole(HoleRef hole, Program program, Supplier<String> namesNothing) {
        Optional<QuajectClass> quaject = program.quajectClass(hole.name());
        if (quaject.isEmpty()) {
            diagnostics.error(hole.position(), "%s", namesNothing.get());
        } else if (quaject.get().device()) {
            diagnostics.error(hole.position(), "%s: device %s cannot be created at run time; declare an instance "
                    + "with its base address", hole, hole.name());
        } else if (QuajectClass.CREATE.equals(hole.member())) {
            int parameters = quaject.get().params().size();
            if (parameters > QuajectClass.MAX_STUB_PARAMETERS) {
                diagnostics.error(hole.position(), "%s: %s has %d parameters, and a creation stub takes them in "
                                + "d0-d7; create it with qj_create and @%s", hole, hole.name(), parameters,
                        hole.name());
            }
        } else if (hole.hasMember()) {
            Optional<Member> member = quaject.get().member(hole.member());
            if (!(member.isPresent() && (member.get() instanceof Callentry || member.get() instanceof Field
                    || member.get() instanceof Slot))) {
                diagnostics.error(hole.position().plusColumns(hole.name().length() + 2),
                        "%s: %s is a quaject class, not an instance; only its callentries and fields (their place "
                                + "in its blocks) and its callouts and callbacks (their numbers) can be named",
                        hole, hole.name());
            }
        }
    }
}
