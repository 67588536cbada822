package org.quaject.compiler.model;

import java.util.Optional;

/**
 * A callout or a callback: a procedure address the quaject calls through, filled
 * by a {@code connect} in the kernel, or by its default body when unconnected.
 */
public record Slot(Kind kind, Name name, Signature signature, Optional<AssemblyBody> defaultBody) implements Member {

    /** Callouts point to another quaject's callentry; callbacks point back to the invoker. */
    public enum Kind {
        CALLOUT("callout"),
        CALLBACK("callback");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    @Override
    public String kindName() {
        return kind.keyword();
    }
}
