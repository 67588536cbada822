package org.quaject.runner.machine;

/**
 * How a run of the machine ended.
 *
 * @param instructions instructions executed in the whole run
 * @param detail       what happened, for the user, when it was not a halt
 */
public record MachineStop(Kind kind, long instructions, String detail) {

    /** The ways a run ends. */
    public enum Kind {
        /** The guest asked virt-ctrl to halt. */
        HALT,
        /** The guest asked virt-ctrl to panic. */
        PANIC,
        /** The guest did something the board cannot go on from: an access to unmapped memory, a device misused, a double fault, a reset. */
        CRASH,
        /** The guest stopped with no interrupt enabled that could ever wake it. */
        HUNG,
        /** The instruction budget ran out. */
        OUT_OF_INSTRUCTIONS,
        /** The wall-clock budget ran out. */
        OUT_OF_TIME,
        /** The host asked the run to stop ({@link Machine#stopAfterThisAccess()}); the guest can go on. */
        STOP_REQUESTED,
        /** PC is at an address given to {@link Machine#stopBefore}; the instruction there has not run. */
        BREAKPOINT
    }
}
