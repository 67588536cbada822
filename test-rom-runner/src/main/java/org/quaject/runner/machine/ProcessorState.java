package org.quaject.runner.machine;

/**
 * The part of the processor that exception processing reads and changes. The
 * CPU core implements it; the exception model is written against it alone, so
 * that it follows the MC68030 manual whatever core runs the instructions.
 */
public interface ProcessorState {

    int sr();

    /**
     * Writes SR. As on the MC68030, changing the S bit switches A7 between the
     * user and the supervisor stack pointer, each of which keeps its value.
     */
    void setSr(int sr);

    int pc();

    void setPc(int pc);

    /** A7: the stack pointer of the current mode. */
    int stackPointer();

    void setStackPointer(int value);

    /** The vector base register. */
    int vbr();
}
