package org.quaject.compiler.model;

/**
 * A procedure of the quaject, at a fixed offset in its block.
 *
 * @param inline whether the synthesizer may copy its body into a caller's call
 *               site (a slot with inline room) instead of calling it
 */
public record Callentry(Name name, Signature signature, AssemblyBody body, boolean inline) implements Member {

    @Override
    public String kindName() {
        return inline ? "inline callentry" : "callentry";
    }
}
