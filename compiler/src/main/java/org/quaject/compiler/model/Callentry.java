package org.quaject.compiler.model;

/** A procedure of the quaject, at a fixed offset in its block. */
public record Callentry(Name name, Signature signature, AssemblyBody body) implements Member {

    @Override
    public String kindName() {
        return "callentry";
    }
}
