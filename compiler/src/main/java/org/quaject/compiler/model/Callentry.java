package org.quaject.compiler.model;

/**
 * A procedure of the quaject, at a fixed offset in its block.
 *
 * @param inline    whether the synthesizer may copy its body into a caller's call
 *                  site (a slot with inline room) instead of calling it
 * @param interrupt whether it is a device's interrupt handler, installed for the
 *                  lines the device's instances bind, and ending in {@code rte}
 */
public record Callentry(Name name, Signature signature, AssemblyBody body, boolean inline, boolean interrupt)
        implements Member {

    @Override
    public String kindName() {
        return inline ? "inline callentry" : interrupt ? "interrupt callentry" : "callentry";
    }
}
