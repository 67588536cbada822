package org.quaject.compiler.link;

/**
 * What fills a hole, as recorded in the hole tables in the image. The codes are
 * part of the image format (docs/language.md, "Hole tables").
 */
public enum HoleKind {
    /** An address in the instance's own block: a field, a callentry, a default body, {@code @self}. Value = offset in the block. */
    BLOCK(1),
    /** A creation parameter. Index = parameter number. */
    PARAM(2),
    /** The target of a callout or callback. Index = slot number. */
    SLOT(3),
    /** A device register. Value = its offset from the device's base address. */
    REGISTER(4),
    /** A symbol of the image, such as a runtime routine. Value = its address, filled by the linker. */
    ABSOLUTE(5);

    private final int code;

    HoleKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
