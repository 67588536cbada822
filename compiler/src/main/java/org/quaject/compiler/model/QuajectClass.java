package org.quaject.compiler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A quaject (or device quaject) declaration: the class from which instances are made.
 * Its code and data form one template; every instance is a copy with its holes filled.
 */
public record QuajectClass(Name name, boolean device, List<Param> params, List<Field> fields,
                           List<Callentry> callentries, List<Slot> slots, List<DeviceRegister> registers) {

    /** A block is at most 64 KiB: hole tables give hole offsets in 16 bits. */
    public static final long MAX_BLOCK_BYTES = 0xffff;

    /** The name that holes use for the address of the quaject's own block. */
    public static final String SELF = "self";

    /** {@code @Class.create} in the kernel's bodies: the class's creation stub. */
    public static final String CREATE = "create";

    /** A creation stub takes its parameters in d0-d7. */
    public static final int MAX_STUB_PARAMETERS = 8;

    /** Every member in declaration order of kind, for lookups and duplicate checks. */
    public List<Member> members() {
        List<Member> all = new ArrayList<>();
        Stream.of(params, fields, callentries, slots, registers).forEach(all::addAll);
        return all;
    }

    public Optional<Member> member(String name) {
        return members().stream().filter(m -> m.name().text().equals(name)).findFirst();
    }

    /**
     * Whether a hole {@code @name} in this quaject's bodies names one of its
     * own members or {@code @self}; any other name is a class's.
     */
    public boolean ownsHoleName(String name) {
        return name.equals(SELF) || member(name).isPresent();
    }

    /** The holes of one of this quaject's bodies ({@link AssemblyBody#holes(java.util.function.Predicate)}). */
    public List<HoleRef> holesOf(AssemblyBody body) {
        return body.holes(this::ownsHoleName);
    }

    public Optional<Callentry> callentry(String name) {
        return callentries.stream().filter(c -> c.name().text().equals(name)).findFirst();
    }

    /** The device's interrupt handler: its first interrupt callentry (the checks allow one). */
    public Optional<Callentry> interruptHandler() {
        return callentries.stream().filter(Callentry::interrupt).findFirst();
    }

    public Optional<Slot> slot(String name) {
        return slots.stream().filter(s -> s.name().text().equals(name)).findFirst();
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().text().equals(name)).findFirst();
    }

    public String kindName() {
        return device ? "device" : "quaject";
    }
}
