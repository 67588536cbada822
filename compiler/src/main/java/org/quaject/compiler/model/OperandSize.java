package org.quaject.compiler.model;

import java.util.Arrays;
import java.util.Optional;

/** The three integer operand sizes of the 68000 family and the types named after them. */
public enum OperandSize {
    BYTE(1, "b", "byte", ".byte"),
    WORD(2, "w", "word", ".word"),
    LONG(4, "l", "long", ".long");

    private final int bytes;
    private final String suffix;
    private final String typeName;
    private final String directive;

    OperandSize(int bytes, String suffix, String typeName, String directive) {
        this.bytes = bytes;
        this.suffix = suffix;
        this.typeName = typeName;
        this.directive = directive;
    }

    public int bytes() {
        return bytes;
    }

    /** The instruction size suffix: {@code b}, {@code w} or {@code l}. */
    public String suffix() {
        return suffix;
    }

    /** The type name in .qj: {@code byte}, {@code word} or {@code long}. */
    public String typeName() {
        return typeName;
    }

    /** The GNU as data directive that emits one value of this size. */
    public String directive() {
        return directive;
    }

    /** True if the value fits this size, read either as signed or as unsigned. */
    public boolean fits(long value) {
        long bits = 8L * bytes;
        return value >= -(1L << (bits - 1)) && value < (1L << bits);
    }

    public static Optional<OperandSize> fromSuffix(String suffix) {
        return Arrays.stream(values()).filter(s -> s.suffix.equals(suffix)).findFirst();
    }

    public static OperandSize fromTypeName(String typeName) {
        return Arrays.stream(values()).filter(s -> s.typeName.equals(typeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(typeName));
    }
}
