package org.quaject.cli.bench;

/** A bench run that gave no figures: the engine failed, or the kernel did not do what it should. */
public final class BenchFailure extends Exception {

    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
