package org.quaject.cli;

/** The exit statuses of {@code qj}, as its help lists them. */
final class ExitStatus {

    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private ExitStatus() {
    }
}
