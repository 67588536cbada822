package org.quaject.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * A log that keeps what a goal logged, each line with its level, for a test
 * to read, and prints none of it: a goal's summary line on the test run's
 * console would read like the test run's own.
 */
final class RecordingLog extends SystemStreamLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("[INFO] " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[WARNING] " + content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("[ERROR] " + content);
    }

    String text() {
        return String.join("\n", lines);
    }
}
