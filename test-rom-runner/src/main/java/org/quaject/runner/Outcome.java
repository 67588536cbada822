package org.quaject.runner;

/** How a run of an image ended. */
public enum Outcome {
    /** The image asked virt-ctrl to HALT: it shut down on purpose. */
    HALT,
    /** The image asked virt-ctrl to PANIC: it crashed. */
    PANIC,
    /** Neither happened within the time allowed; the run was stopped. */
    TIMEOUT
}
