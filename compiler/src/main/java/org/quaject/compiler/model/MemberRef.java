package org.quaject.compiler.model;

/** {@code instance.member} in a connection or a thread declaration. */
public record MemberRef(Name instance, Name member) {

    @Override
    public String toString() {
        return instance.text() + "." + member.text();
    }
}
