package org.quaject.compiler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The register-level interface of a procedure: where its arguments are, where its
 * result is, and which other registers it may change.
 */
public record Signature(List<RegisterArg> arguments, Optional<RegisterArg> result, List<Name> clobbers) {

    /** True if a call written for one procedure passes and receives values the way the other expects. */
    public boolean sameShapeAs(Signature other) {
        return canonicalShape().equals(other.canonicalShape());
    }

    private List<String> canonicalShape() {
        List<String> shape = new ArrayList<>(arguments.stream().map(RegisterArg::canonical).toList());
        shape.add("->");
        result.ifPresent(r -> shape.add(r.canonical()));
        return shape;
    }

    /** The registers this procedure may change: its result register and its clobbers. */
    public List<String> changedRegisters() {
        List<String> changed = new ArrayList<>();
        result.ifPresent(r -> changed.add(r.register()));
        clobbers.forEach(c -> changed.add(c.text()));
        return changed;
    }

    /** The signature as the user writes it, without clobbers: {@code (d0.b, a0.l) -> d0.l}. */
    public String shape() {
        String args = arguments.stream().map(RegisterArg::toString).collect(Collectors.joining(", ", "(", ")"));
        return result.map(r -> args + " -> " + r).orElse(args);
    }
}
