package org.quaject.compiler.model;

import java.util.Optional;

/**
 * A callout or a callback: a procedure address the quaject calls through, filled
 * by a {@code connect} in the kernel, or by its default body when unconnected.
 *
 * @param inlineRoom with {@code inline N}, the bytes each call site keeps: room
 *                   for the body of an inline callentry linked to the slot at run
 *                   time, or else for the call to it
 */
public record Slot(Kind kind, Name name, Signature signature, Optional<Constant> inlineRoom,
                   Optional<AssemblyBody> defaultBody) implements Member {

    /** Room for no less than {@code jsr} with an absolute long address, 6 bytes. */
    public static final int MIN_INLINE_ROOM = 6;

    /** The call site's skip over unused room is a {@code bra.s}, whose reach ends here. */
    public static final int MAX_INLINE_ROOM = 128;

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
