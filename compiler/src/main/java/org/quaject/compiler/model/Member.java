package org.quaject.compiler.model;

/**
 * Something a quaject's bodies can name in a hole, and that a kernel can name as
 * {@code instance.member}.
 */
public sealed interface Member permits Param, Field, Callentry, Slot, DeviceRegister {

    Name name();

    /** What the member is, as diagnostics say it: "field", "callout"... */
    String kindName();
}
