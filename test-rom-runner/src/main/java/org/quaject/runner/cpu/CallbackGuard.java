package org.quaject.runner.cpu;

/**
 * What the CPU is doing, from the point of view of code it calls back: idle,
 * running guest code, inside the exception handler or inside an MMIO handler.
 * Decides which {@link Cpu} operations are allowed, and keeps the first
 * exception a callback threw so that {@link Cpu#run} can rethrow it: JNA
 * callbacks must not let exceptions escape into native code.
 */
final class CallbackGuard {
    enum Phase { IDLE, RUNNING, EXCEPTION_HANDLER, MMIO_HANDLER }

    private final RunGate gate;
    private Phase phase = Phase.IDLE;
    private Throwable failure;

    CallbackGuard(RunGate gate) {
        this.gate = gate;
    }

    Phase phase() {
        return phase;
    }

    /** Enters {@code next} and returns the phase to go back to. */
    Phase enter(Phase next) {
        Phase previous = phase;
        phase = next;
        return previous;
    }

    void leave(Phase previous) {
        phase = previous;
    }

    /** Records what a callback threw and stops the run at the next block boundary. */
    void fail(Throwable thrown) {
        if (failure == null) {
            failure = thrown;
        }
        gate.close();
    }

    /** Rethrows, once, what a callback threw during the run that just ended. */
    void rethrowFailure() {
        Throwable thrown = failure;
        failure = null;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        if (thrown != null) {
            throw new CpuException("a CPU callback failed: " + thrown, thrown);
        }
    }

    void requireIdle(String what) {
        if (phase != Phase.IDLE) {
            throw new IllegalStateException(what + " is not allowed while the CPU runs (" + phase + ")");
        }
    }

    void requireInMmioHandler(String what) {
        if (phase != Phase.MMIO_HANDLER) {
            throw new IllegalStateException(what + " is only allowed in an MMIO handler, not " + phase);
        }
    }

    /**
     * Fails unless the CPU is between two instructions with its state
     * written back: idle, or in the exception handler. The message is made
     * only on failure: registers are accessed thousands of times a second.
     *
     * @param action what is done to {@code register}: "reading", "writing"
     */
    void requireBetweenInstructions(String action, Register register) {
        if (phase == Phase.RUNNING || phase == Phase.MMIO_HANDLER) {
            throw new IllegalStateException(action + " " + register + " is not allowed " + (phase == Phase.RUNNING
                    ? "while the CPU runs" : "in an MMIO handler, in the middle of an instruction"));
        }
    }
}
