package org.quaject.runner.machine;

/**
 * Exception processing itself failed: the supervisor stack or the vector table
 * is not in RAM, or a vector points to an odd address. The MC68030 halts in this
 * state (a double bus fault, UM §8.1.2); so does the runner, with this report.
 */
public final class DoubleFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final int vector;

    public DoubleFault(int vector, String message) {
        super(message);
        this.vector = vector;
    }

    /** The exception being processed when processing failed. */
    public int vector() {
        return vector;
    }
}
