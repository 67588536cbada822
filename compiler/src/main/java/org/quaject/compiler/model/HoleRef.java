package org.quaject.compiler.model;

import org.quaject.compiler.diag.Position;

/**
 * A hole as written in an assembly body: {@code @name} or {@code @name.member}.
 * In a quaject body {@code name} is one of the quaject's own names, with no
 * {@code member}, or a quaject class and one of its names; in the kernel's main
 * and tests {@code name} is an instance (or a class) and {@code member} one of
 * its names.
 *
 * @param member null when the hole has no {@code .member} part
 * @param start  offset of the {@code @} in the body text
 * @param end    offset just past the hole in the body text
 */
public record HoleRef(String name, String member, Position position, int start, int end) {

    public boolean hasMember() {
        return member != null;
    }

    @Override
    public String toString() {
        return "@" + name + (member == null ? "" : "." + member);
    }
}
