package org.quaject.compiler.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.model.ArgumentValue;
import org.quaject.compiler.model.Board;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Connection;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.Member;
import org.quaject.compiler.model.MemberRef;
import org.quaject.compiler.model.Param;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Registers;
import org.quaject.compiler.model.Slot;
import org.quaject.compiler.model.TestCase;

/**
 * Checks the kernel block: board and memory, instances and their arguments,
 * connections and their signatures, slots left without a target, and tests.
 */
final class KernelChecks {

    private final Diagnostics diagnostics;

    KernelChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Program program) {
        if (program.kernels().isEmpty()) {
            diagnostics.error(new Position(program.mainFile(), 1, 1),
                    "no kernel block: a kernel says which instances the image holds (see docs/language.md)");
            return;
        }
        for (Kernel extra : program.kernels().subList(1, program.kernels().size())) {
            diagnostics.error(extra.name().position(), "only one kernel per image; kernel %s is already declared at %s",
                    program.kernel().name(), program.kernel().name().position());
        }
        Kernel kernel = program.kernel();
        checkBoard(kernel);
        Duplicates.report(kernel.instances(), i -> i.name().text(), i -> i.name().position(), "instance", "", diagnostics);
        for (Instance instance : kernel.instances()) {
            program.quajectClass(instance.className().text()).ifPresentOrElse(
                    quaject -> checkInstance(instance, quaject),
                    () -> diagnostics.error(instance.className().position(), "unknown quaject '%s'", instance.className()));
        }
        checkConnections(program, kernel);
        checkTests(program.tests());
    }

    private void checkBoard(Kernel kernel) {
        kernel.board().ifPresent(board -> {
            if (!board.text().equals(Board.NAME)) {
                diagnostics.error(board.position(), "unknown board '%s'; the only board is %s", board, Board.NAME);
            }
        });
        kernel.ram().ifPresent(ram -> {
            if (ram.value() < Board.RAM_GRANULE || ram.value() > Board.MAX_RAM || ram.value() % Board.RAM_GRANULE != 0) {
                diagnostics.error(ram.position(), "RAM must be a whole number of MiB from 1M to %dM",
                        Board.MAX_RAM >> 20);
            }
        });
        kernel.disk().ifPresent(disk -> {
            if (disk.value() < Board.SECTOR_BYTES || disk.value() > Board.MAX_DISK
                    || disk.value() % Board.SECTOR_BYTES != 0) {
                diagnostics.error(disk.position(),
                        "the disk's data area must be a whole number of %d-byte sectors, from 512 to %dM",
                        Board.SECTOR_BYTES, Board.MAX_DISK >> 20);
            }
        });
    }

    private void checkInstance(Instance instance, QuajectClass quaject) {
        Duplicates.report(instance.arguments(), a -> a.name().text(), a -> a.name().position(),
                "argument", " to instance " + instance.name(), diagnostics);
        for (Instance.Argument arg : instance.arguments()) {
            Optional<Param> param = quaject.param(arg.name().text());
            if (param.isEmpty()) {
                diagnostics.error(arg.name().position(), "%s %s has no parameter '%s'",
                        quaject.kindName(), quaject.name(), arg.name());
            } else if (arg.value() instanceof ArgumentValue.Number number
                    && !param.get().type().fits(number.constant().value())) {
                diagnostics.error(arg.value().position(), "value %d does not fit parameter %s of type %s",
                        number.constant().value(), arg.name(), param.get().type().typeName());
            }
        }
        for (Param param : quaject.params()) {
            if (param.defaultValue().isEmpty() && instance.argument(param.name().text()).isEmpty()) {
                diagnostics.error(instance.name().position(), "instance %s needs a value for parameter %s of %s",
                        instance.name(), param.name(), quaject.name());
            }
        }
        if (quaject.device() && instance.base().isEmpty()) {
            diagnostics.error(instance.name().position(),
                    "device instance %s needs its base address: instance %s: %s at 0x...",
                    instance.name(), instance.name(), quaject.name());
        } else if (!quaject.device() && instance.base().isPresent()) {
            diagnostics.error(instance.base().get().position(),
                    "only devices have a base address; %s is a quaject", quaject.name());
        }
        instance.base().ifPresent(base -> {
            if (base.value() % 4 != 0) {
                diagnostics.error(base.position(), "device base address 0x%x is not 4-byte aligned", base.value());
            }
        });
    }

    private void checkConnections(Program program, Kernel kernel) {
        Map<String, Connection> bySlot = new HashMap<>();
        for (Connection connection : kernel.connections()) {
            Optional<Slot> slot = resolveSlot(program, kernel, connection);
            Optional<Callentry> target = resolveTarget(program, kernel, connection);
            if (slot.isPresent() && target.isPresent()) {
                checkCompatible(connection, slot.get(), target.get());
            }
            Connection earlier = bySlot.putIfAbsent(connection.from().toString(), connection);
            if (earlier != null) {
                diagnostics.error(connection.from().instance().position(), "%s is already connected at %s",
                        connection.from(), earlier.from().instance().position());
            }
        }
        for (Instance instance : kernel.instances()) {
            program.quajectClass(instance.className().text()).ifPresent(quaject -> {
                for (Slot slot : quaject.slots()) {
                    String ref = instance.name().text() + "." + slot.name().text();
                    if (slot.defaultBody().isEmpty() && !bySlot.containsKey(ref)) {
                        diagnostics.error(instance.name().position(),
                                "%s %s is not connected and %s gives it no default",
                                slot.kind().keyword(), ref, quaject.name());
                    }
                }
            });
        }
    }

    private Optional<Slot> resolveSlot(Program program, Kernel kernel, Connection connection) {
        return member(program, kernel, connection.from())
                .flatMap(member -> {
                    if (member instanceof Slot slot) {
                        return Optional.of(slot);
                    }
                    diagnostics.error(connection.from().member().position(),
                            "%s is a %s; only callouts and callbacks can be connected",
                            connection.from(), member.kindName());
                    return Optional.empty();
                });
    }

    private Optional<Callentry> resolveTarget(Program program, Kernel kernel, Connection connection) {
        return member(program, kernel, connection.to())
                .flatMap(member -> {
                    if (member instanceof Callentry entry) {
                        return Optional.of(entry);
                    }
                    diagnostics.error(connection.to().member().position(),
                            "%s is a %s; a connection must lead to a callentry", connection.to(), member.kindName());
                    return Optional.empty();
                });
    }

    /** The member named by {@code instance.member}, reporting what does not exist. */
    private Optional<Member> member(Program program, Kernel kernel, MemberRef ref) {
        Optional<Instance> instance = kernel.instance(ref.instance().text());
        if (instance.isEmpty()) {
            diagnostics.error(ref.instance().position(), "unknown instance '%s'", ref.instance());
            return Optional.empty();
        }
        Optional<QuajectClass> quaject = program.quajectClass(instance.get().className().text());
        if (quaject.isEmpty()) {
            return Optional.empty();
        }
        Optional<Member> member = quaject.get().member(ref.member().text());
        if (member.isEmpty()) {
            diagnostics.error(ref.member().position(), "%s %s (instance %s) has no member '%s'",
                    quaject.get().kindName(), quaject.get().name(), ref.instance(), ref.member());
        }
        return member;
    }

    private void checkCompatible(Connection connection, Slot slot, Callentry target) {
        if (!slot.signature().sameShapeAs(target.signature())) {
            diagnostics.error(connection.to().member().position(),
                    "%s %s expects %s but callentry %s is %s",
                    slot.kind().keyword(), connection.from(), slot.signature().shape(),
                    connection.to(), target.signature().shape());
            return;
        }
        List<String> allowed = slot.signature().changedRegisters().stream().map(Registers::canonical).toList();
        for (String changed : target.signature().changedRegisters()) {
            if (!allowed.contains(Registers.canonical(changed))) {
                diagnostics.error(connection.to().member().position(),
                        "callentry %s changes %s, which %s %s does not allow (add it to the %s's clobbers)",
                        connection.to(), changed, slot.kind().keyword(), connection.from(), slot.kind().keyword());
            }
        }
    }

    private void checkTests(List<TestCase> tests) {
        Duplicates.report(tests, TestCase::name, TestCase::position, "test", "", diagnostics);
        for (TestCase test : tests) {
            if (test.name().isBlank()) {
                diagnostics.error(test.position(), "a test needs a name");
            } else if (test.name().contains("#") || test.name().contains("\n") || test.name().contains("\r")) {
                diagnostics.error(test.position(),
                        "a test name may not contain '#' or a line break (TAP reads '#' as a directive)");
            }
        }
    }
}
