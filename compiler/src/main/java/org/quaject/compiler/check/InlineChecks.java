package org.quaject.compiler.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.AssemblyBody.Statement;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Constant;
import org.quaject.compiler.model.HoleRef;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;

/**
 * Checks what run-time inlining relies on, in the source: a slot's inline room
 * is a size a call site can have; such a slot is only ever called, so that each
 * use is a call site the synthesizer can rewrite; and an inline callentry's
 * body, copied into a caller's site without its final {@code rts}, runs on into
 * the caller's code: it ends with that {@code rts}, returns nowhere else, and
 * jumps and branches only inside itself. What needs the assembled code (that
 * the body refers to nothing outside itself without a hole) is checked after
 * assembly, by {@link org.quaject.compiler.link.InlineBodies}.
 */
final class InlineChecks {

    private static final Set<String> RETURNS = Set.of("rts", "rte", "rtr", "rtd");

    /** bra, bsr excluded: every conditional branch and dbcc, any size suffix. */
    private static final Pattern BRANCH = Pattern.compile(
            "(?:jmp|bra|b(?:hi|ls|cc|cs|ne|eq|vc|vs|pl|mi|ge|lt|gt|le|hs|lo)|db(?:t|f|ra|hi|ls|cc|cs|ne|eq|vc|vs|pl|mi|ge|lt|gt|le|hs|lo))(?:\\.[bswl])?");

    /** A numeric local label ({@code 1f}, {@code 2b}) or a named one, as a whole operand. */
    private static final Pattern LABEL_OPERAND = Pattern.compile("\\d+[fb]|[A-Za-z_.$][A-Za-z0-9_.$]*");

    private final Diagnostics diagnostics;

    InlineChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Program program) {
        for (QuajectClass quaject : program.classes()) {
            quaject.slots().forEach(slot -> slot.inlineRoom().ifPresent(room -> checkRoom(slot, room)));
            bodies(quaject).forEach(body -> checkCallSites(body, quaject));
            quaject.callentries().stream().filter(Callentry::inline).forEach(entry -> checkInlineBody(entry, quaject));
        }
    }

    private static Stream<AssemblyBody> bodies(QuajectClass quaject) {
        return Stream.concat(quaject.callentries().stream().map(Callentry::body),
                quaject.slots().stream().map(Slot::defaultBody).flatMap(Optional::stream));
    }

    private void checkRoom(Slot slot, Constant room) {
        long bytes = room.value();
        if (bytes < Slot.MIN_INLINE_ROOM || bytes > Slot.MAX_INLINE_ROOM || bytes % 2 != 0) {
            diagnostics.error(room.position(), "the inline room of %s %s must be an even number of bytes from %d "
                            + "(a call) to %d (a short branch over what an inlined body leaves), not %d",
                    slot.kindName(), slot.name(), Slot.MIN_INLINE_ROOM, Slot.MAX_INLINE_ROOM, bytes);
        }
    }

    /** Every use of a slot with inline room is a whole {@code jsr @slot} or {@code jmp @slot}. */
    private void checkCallSites(AssemblyBody body, QuajectClass quaject) {
        for (HoleRef hole : body.holes(false)) {
            Optional<Slot> slot = quaject.slot(hole.name()).filter(s -> s.inlineRoom().isPresent());
            if (slot.isPresent() && body.callThrough(hole).isEmpty()) {
                diagnostics.error(hole.position(), "%s %s has inline room: each use is a call site the synthesizer "
                                + "rewrites, so it can only be called, as `jsr %s` or `jmp %s`",
                        slot.get().kindName(), slot.get().name(), hole, hole);
            }
        }
    }

    private void checkInlineBody(Callentry entry, QuajectClass quaject) {
        AssemblyBody body = entry.body();
        List<Statement> statements = body.statements();
        if (statements.isEmpty() || !statements.get(statements.size() - 1).mnemonic().equals("rts")) {
            diagnostics.error(statements.isEmpty() ? entry.name().position()
                            : body.positionOf(statements.get(statements.size() - 1).mnemonicStart()),
                    "inline callentry %s must end with rts: an inlined copy leaves it out and runs on into the "
                            + "caller's code", entry.name());
        }
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            boolean last = i == statements.size() - 1;
            if (RETURNS.contains(statement.mnemonic()) && !last) {
                diagnostics.error(body.positionOf(statement.mnemonicStart()), "inline callentry %s returns "
                        + "before its end: in an inlined copy, %s would return from the caller", entry.name(),
                        statement.mnemonic());
            } else if (BRANCH.matcher(statement.mnemonic()).matches() && !staysInside(statement, body)) {
                diagnostics.error(body.positionOf(statement.operandsStart()),
                        "inline callentry %s jumps out of its body: an inlined copy would never come back to the "
                                + "caller's code; call (jsr) and return instead", entry.name());
            }
        }
        for (HoleRef hole : body.holes(false)) {
            quaject.slot(hole.name()).filter(s -> s.inlineRoom().isPresent()).ifPresent(slot ->
                    diagnostics.error(hole.position(), "inline callentry %s calls through %s, which has inline "
                            + "room: what is inlined there could not be copied again; give %s no inline room",
                            entry.name(), hole, hole));
        }
    }

    /** Whether a jump's or branch's target is a label of this body (the last operand of a dbcc). */
    private static boolean staysInside(Statement statement, AssemblyBody body) {
        String operands = statement.operands();
        String target = operands.substring(operands.lastIndexOf(',') + 1).strip();
        if (!LABEL_OPERAND.matcher(target).matches()) {
            return false;
        }
        if (Character.isDigit(target.charAt(0))) {
            return true; // a numeric label: BodyChecks requires it to be in this body
        }
        return body.definesLabel(target);
    }
}
