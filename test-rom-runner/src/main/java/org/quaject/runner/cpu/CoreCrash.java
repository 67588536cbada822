package org.quaject.runner.cpu;

/**
 * The CPU core crashed inside a call made through the {@link CoreGuard}: its
 * engine cannot run again. The message says what the fault was.
 */
final class CoreCrash extends RuntimeException {
    CoreCrash() {
        super(CoreGuard.lastCrash());
    }
}
