package org.quaject.compiler.model;

/** A device register at an offset from the device instance's base address. */
public record DeviceRegister(Name name, Constant offset) implements Member {

    @Override
    public String kindName() {
        return "register";
    }
}
