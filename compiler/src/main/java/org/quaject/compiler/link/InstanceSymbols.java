package org.quaject.compiler.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quaject.compiler.generate.Symbols;
import org.quaject.compiler.model.ArgumentValue;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Connection;
import org.quaject.compiler.model.DeviceRegister;
import org.quaject.compiler.model.Field;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.MemberRef;
import org.quaject.compiler.model.Param;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;

/**
 * The linker symbols of a static instance: one per member, each the value that
 * fills the holes naming that member. The instance's object file is its class's
 * template with the hole symbols renamed to these, so the linker fills the holes.
 */
final class InstanceSymbols {

    /**
     * {@code name = "base" + offset}, or {@code name = offset} without a base, in
     * the linker script. Offset is an ld number, null when there is none.
     */
    record Assignment(String name, String base, String offset, String comment) {
    }

    private InstanceSymbols() {
    }

    /**
     * The instance's callentries, each at its offset in the block. The linker
     * script assigns them inside the output section that holds the blocks, so
     * that they are code symbols of that section, as a debugger needs to
     * break on one by name, rather than absolute ones.
     */
    static List<Assignment> entries(Instance instance, TemplateObject template) {
        String inst = instance.name().text();
        String self = Symbols.instanceBase(inst);
        return template.quaject().callentries().stream()
                .map(entry -> new Assignment(Symbols.instanceMember(inst, entry.name().text()), self,
                        hex(template.entryOffset(entry.name().text())), "callentry " + entry.name()))
                .toList();
    }

    /** The instance's other members: slots, fields, parameters and device registers. */
    static List<Assignment> members(Instance instance, TemplateObject template, Kernel kernel) {
        QuajectClass quaject = template.quaject();
        String inst = instance.name().text();
        String self = Symbols.instanceBase(inst);
        List<Assignment> out = new ArrayList<>();
        Map<String, String> targets = new HashMap<>();
        for (Connection c : kernel.connections()) {
            if (c.from().instance().text().equals(inst)) {
                targets.put(c.from().member().text(),
                        Symbols.instanceMember(c.to().instance().text(), c.to().member().text()));
            }
        }
        for (Slot slot : quaject.slots()) {
            String name = Symbols.instanceMember(inst, slot.name().text());
            String target = targets.get(slot.name().text());
            out.add(target != null
                    ? new Assignment(name, target, null, slot.kind().keyword() + " " + slot.name() + ", connected")
                    : new Assignment(name, self, hex(template.defaultOffset(slot.name().text())),
                            slot.kind().keyword() + " " + slot.name() + ", default"));
        }
        for (Field field : quaject.fields()) {
            out.add(new Assignment(Symbols.instanceMember(inst, field.name().text()), self,
                    hex(template.fieldOffset(field.name().text())), "field " + field.name()));
        }
        for (Param param : quaject.params()) {
            String name = Symbols.instanceMember(inst, param.name().text());
            ArgumentValue value = instance.argument(param.name().text()).map(Instance.Argument::value)
                    .orElseGet(() -> new ArgumentValue.Number(param.defaultValue().orElseThrow()));
            if (value instanceof ArgumentValue.Address address) {
                MemberRef member = address.member();
                out.add(new Assignment(name, Symbols.instanceMember(member.instance().text(), member.member().text()),
                        null, "parameter " + param.name() + " = " + member));
            } else if (value instanceof ArgumentValue.Number given) {
                out.add(new Assignment(name, null, number(given.constant().value()), "parameter " + param.name()));
            }
        }
        for (DeviceRegister register : quaject.registers()) {
            long address = instance.base().orElseThrow().value() + register.offset().value();
            out.add(new Assignment(Symbols.instanceMember(inst, register.name().text()), null,
                    hex(address), "register " + register.name()));
        }
        return out;
    }

    /** The template's hole symbols and the instance's symbols they become in its copy. */
    static Map<String, String> renames(Instance instance, TemplateObject template) {
        String inst = instance.name().text();
        Map<String, String> renames = new TreeMap<>();
        template.quaject().members().forEach(m -> renames.put(Symbols.hole(m.name().text()),
                Symbols.instanceMember(inst, m.name().text())));
        renames.put(Symbols.hole(QuajectClass.SELF), Symbols.instanceMember(inst, QuajectClass.SELF));
        return renames;
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Negative parameters are written as such; ld evaluates them in 32 bits. */
    static String number(long value) {
        return value < 0 ? Long.toString(value) : hex(value);
    }
}
