package org.quaject.runner.machine;

/** The bits of the status register that exception processing uses (MC68030 UM §1.3.2). */
final class Sr {

    static final int TRACE = 0xc000;
    /** Trace on any instruction; with T0 (0x4000, trace on change of flow) clear. */
    static final int T1 = 0x8000;
    static final int SUPERVISOR = 0x2000;
    static final int MASTER = 0x1000;
    static final int INTERRUPT_MASK = 0x0700;
    static final int INTERRUPT_SHIFT = 8;
    static final int CARRY = 0x0001;

    private Sr() {
    }

    static int interruptMask(int sr) {
        return (sr & INTERRUPT_MASK) >>> INTERRUPT_SHIFT;
    }

    /** Whether an instruction that begins with this SR is traced (T1; T0 alone is not modelled). */
    static boolean traces(int sr) {
        return (sr & T1) != 0;
    }

    static boolean isSupervisor(int sr) {
        return (sr & SUPERVISOR) != 0;
    }
}
