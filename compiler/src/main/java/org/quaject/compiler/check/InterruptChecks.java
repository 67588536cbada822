package org.quaject.compiler.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.Board;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.IrqLine;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;

/**
 * Checks interrupt handlers and the lines instances bind them to: a handler
 * belongs to a device, one per device, takes and returns nothing and ends in
 * {@code rte}; each bound line exists on the board and is bound once.
 */
final class InterruptChecks {

    private final Diagnostics diagnostics;

    InterruptChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Program program) {
        for (QuajectClass quaject : program.classes()) {
            checkHandlers(quaject);
        }
        if (program.kernels().isEmpty()) {
            return;
        }
        Map<String, Instance> boundBy = new HashMap<>();
        for (Instance instance : program.kernel().instances()) {
            Optional<QuajectClass> quaject = program.quajectClass(instance.className().text());
            if (!instance.irqLines().isEmpty() && quaject.isPresent()
                    && quaject.get().interruptHandler().isEmpty()) {
                diagnostics.error(instance.irqLines().get(0).pic().position(),
                        "instance %s binds interrupt lines, but %s %s has no interrupt callentry to handle them",
                        instance.name(), quaject.get().kindName(), quaject.get().name());
            }
            for (IrqLine line : instance.irqLines()) {
                checkLine(line);
                Instance earlier = boundBy.putIfAbsent(line.toString(), instance);
                if (earlier != null) {
                    diagnostics.error(line.pic().position(), "irq %s is already bound to instance %s at %s",
                            line, earlier.name(), earlier.name().position());
                }
            }
        }
    }

    private void checkHandlers(QuajectClass quaject) {
        Callentry first = null;
        for (Callentry entry : quaject.callentries()) {
            if (!entry.interrupt()) {
                continue;
            }
            if (!quaject.device()) {
                diagnostics.error(entry.name().position(), "interrupt callentry %s: only a device has interrupt "
                        + "handlers, and %s is a quaject", entry.name(), quaject.name());
            } else if (first != null) {
                diagnostics.error(entry.name().position(), "device %s already has an interrupt callentry, %s at %s; "
                        + "a device has one, for all the lines its instances bind", quaject.name(), first.name(),
                        first.name().position());
            }
            first = first == null ? entry : first;
            if (!entry.signature().arguments().isEmpty() || entry.signature().result().isPresent()
                    || !entry.signature().clobbers().isEmpty()) {
                diagnostics.error(entry.name().position(), "interrupt callentry %s takes no arguments, returns "
                        + "nothing and clobbers nothing: it cuts in anywhere, so it must leave every register as "
                        + "it found it", entry.name());
            }
            List<AssemblyBody.Statement> statements = entry.body().statements();
            if (statements.isEmpty() || !statements.get(statements.size() - 1).mnemonic().equals("rte")) {
                diagnostics.error(statements.isEmpty() ? entry.name().position()
                                : entry.body().positionOf(statements.get(statements.size() - 1).mnemonicStart()),
                        "interrupt callentry %s must end with rte, which returns from the interrupt", entry.name());
            }
        }
    }

    private void checkLine(IrqLine line) {
        if (line.pic().value() < 1 || line.pic().value() > Board.PICS) {
            diagnostics.error(line.pic().position(), "irq %s: the board's PICs are numbered 1 to %d", line,
                    Board.PICS);
        } else if (line.irq().value() < 1 || line.irq().value() > Board.IRQS_PER_PIC) {
            diagnostics.error(line.irq().position(), "irq %s: a PIC's lines are numbered 1 to %d", line,
                    Board.IRQS_PER_PIC);
        } else if (Board.irqSource(line.picNumber(), line.irqNumber()).isEmpty()) {
            diagnostics.error(line.pic().position(), "irq %s: nothing on the %s board raises IRQ #%d of PIC %d "
                    + "(see docs/language.md for the board's lines)", line, Board.NAME, line.irqNumber(),
                    line.picNumber());
        }
    }
}
