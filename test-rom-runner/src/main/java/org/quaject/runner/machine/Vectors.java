package org.quaject.runner.machine;

/** Exception vector numbers the runner raises itself (MC68030 UM table 8-1). */
public final class Vectors {

    public static final int ACCESS_FAULT = 2;
    public static final int ADDRESS_ERROR = 3;
    public static final int ILLEGAL_INSTRUCTION = 4;
    public static final int ZERO_DIVIDE = 5;
    public static final int CHK = 6;
    public static final int TRAPV = 7;
    public static final int PRIVILEGE_VIOLATION = 8;
    public static final int TRACE = 9;
    public static final int FORMAT_ERROR = 14;
    public static final int SPURIOUS_INTERRUPT = 24;
    /** Level L interrupts use vector 24 + L. */
    public static final int AUTOVECTOR_BASE = 24;
    public static final int TRAP_BASE = 32;
    public static final int COUNT = 256;

    private Vectors() {
    }
}
