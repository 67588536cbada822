package org.quaject.compiler.check;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.model.Field;
import org.quaject.compiler.model.Initializer;
import org.quaject.compiler.model.Member;
import org.quaject.compiler.model.Name;
import org.quaject.compiler.model.OperandSize;
import org.quaject.compiler.model.Param;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Registers;
import org.quaject.compiler.model.RegisterArg;
import org.quaject.compiler.model.Signature;

/**
 * Checks each quaject and device declaration on its own: unique names, register
 * signatures, parameter defaults and field initializers.
 */
final class DeclarationChecks {

    private final Diagnostics diagnostics;

    DeclarationChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Program program) {
        Duplicates.report(program.classes(), c -> c.name().text(), c -> c.name().position(),
                "quaject", "", diagnostics);
        for (QuajectClass quaject : program.classes()) {
            checkClass(quaject);
        }
    }

    private void checkClass(QuajectClass quaject) {
        Duplicates.report(quaject.members(), m -> m.name().text(), m -> m.name().position(),
                "name", " in " + quaject.kindName() + " " + quaject.name(), diagnostics);
        for (Member member : quaject.members()) {
            if (member.name().text().equals(QuajectClass.SELF)) {
                diagnostics.error(member.name().position(),
                        "'%s' is reserved: @%s is the address of the quaject's own block",
                        QuajectClass.SELF, QuajectClass.SELF);
            } else if (member.name().text().equals(QuajectClass.CREATE)) {
                diagnostics.error(member.name().position(),
                        "'%s' is reserved: @%s.%s names the routine that creates a %s at run time",
                        QuajectClass.CREATE, quaject.name(), QuajectClass.CREATE, quaject.name());
            }
        }
        quaject.params().forEach(this::checkParam);
        quaject.fields().forEach(f -> checkField(f, quaject));
        quaject.callentries().forEach(c -> checkSignature(c.signature()));
        quaject.slots().forEach(s -> checkSignature(s.signature()));
        quaject.registers().forEach(r -> {
            if (r.offset().value() % 2 != 0) {
                diagnostics.error(r.offset().position(), "register %s is at an odd offset", r.name());
            }
        });
    }

    private void checkParam(Param param) {
        param.defaultValue().ifPresent(value -> {
            if (!param.type().fits(value.value())) {
                diagnostics.error(value.position(), "default value %d does not fit parameter %s of type %s",
                        value.value(), param.name(), param.type().typeName());
            }
        });
    }

    private void checkField(Field field, QuajectClass quaject) {
        field.count().ifPresent(count -> {
            if (count.value() <= 0) {
                diagnostics.error(count.position(), "array %s must have at least one element", field.name());
            } else if (count.value() * field.type().bytes() > QuajectClass.MAX_BLOCK_BYTES) {
                diagnostics.error(count.position(), "array %s is %d bytes; a quaject's block holds at most %d",
                        field.name(), count.value() * field.type().bytes(), QuajectClass.MAX_BLOCK_BYTES);
            }
        });
        Optional<Initializer> init = field.initializer();
        if (field.arraySyntax() && field.count().isEmpty() && !(init.orElse(null) instanceof Initializer.Text)) {
            diagnostics.error(field.name().position(),
                    "array %s needs a length, or a string initializer to take its length from", field.name());
        }
        init.ifPresent(i -> checkInitializer(field, i, quaject));
    }

    private void checkInitializer(Field field, Initializer init, QuajectClass quaject) {
        if (init instanceof Initializer.Text text) {
            if (!field.arraySyntax() || field.type() != OperandSize.BYTE) {
                diagnostics.error(text.position(), "a string can only initialize a byte array, and %s is not one",
                        field.name());
            } else if (field.count().isPresent() && text.bytes().length + 1 > field.count().get().value()) {
                diagnostics.error(text.position(), "string of %d bytes and its NUL do not fit in %s[%d]",
                        text.bytes().length, field.name(), field.count().get().value());
            }
        } else if (init instanceof Initializer.Value value) {
            if (!field.type().fits(value.constant().value())) {
                diagnostics.error(value.position(), "value %d does not fit field %s of type %s",
                        value.constant().value(), field.name(), field.type().typeName());
            }
        } else if (init instanceof Initializer.ParamValue ref) {
            Optional<Param> param = quaject.param(ref.param().text());
            if (param.isEmpty()) {
                diagnostics.error(ref.position(), "unknown parameter '%s' in %s %s", ref.param(),
                        quaject.kindName(), quaject.name());
            } else if (param.get().type().bytes() > field.type().bytes()) {
                diagnostics.error(ref.position(), "parameter %s (%s) is wider than field %s (%s)",
                        ref.param(), param.get().type().typeName(), field.name(), field.type().typeName());
            }
        }
        if (field.arraySyntax() && !(init instanceof Initializer.Text)) {
            diagnostics.error(init.position(), "only a string can initialize array %s", field.name());
        }
    }

    private void checkSignature(Signature signature) {
        Set<String> seen = new HashSet<>();
        for (RegisterArg arg : signature.arguments()) {
            checkRegisterArg(arg);
            if (!seen.add(Registers.canonical(arg.register()))) {
                diagnostics.error(arg.position(), "register %s is used for two arguments", arg.register());
            }
        }
        signature.result().ifPresent(this::checkRegisterArg);
        for (Name clobber : signature.clobbers()) {
            if (!Registers.isGeneral(clobber.text())) {
                diagnostics.error(clobber.position(), "'%s' is not a data or address register (d0-d7, a0-a7)", clobber);
            }
        }
    }

    private void checkRegisterArg(RegisterArg arg) {
        if (!Registers.isGeneral(arg.register())) {
            diagnostics.error(arg.position(), "'%s' is not a data or address register (d0-d7, a0-a7)", arg.register());
            return;
        }
        Optional<OperandSize> size = OperandSize.fromSuffix(arg.size());
        if (size.isEmpty()) {
            diagnostics.error(arg.position().plusColumns(arg.register().length() + 1),
                    "operand size must be b, w or l, not '%s'", arg.size());
        } else if (Registers.isAddress(arg.register()) && size.get() == OperandSize.BYTE) {
            diagnostics.error(arg.position(), "address register %s cannot hold a byte; use .w or .l", arg.register());
        }
    }
}
