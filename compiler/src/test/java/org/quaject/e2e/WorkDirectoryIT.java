package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A qj command stopped with SIGTERM (as Ctrl-C or a CI timeout stops it) leaves no work directory behind. */
class WorkDirectoryIT {

    private static final Path TEMPORARY = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void aRunStoppedWithSigtermRemovesItsWorkDirectory() throws Exception {
        Process qj = new ProcessBuilder(QjProcess.ROOT.resolve("bin/qj").toString(), "run",
                QjProcess.fixture("loops-forever.qj").toString())
                .directory(QjProcess.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // bin/qj execs java, so the process is the JVM, and its work directory is named by its PID.
            String prefix = "qj-build-p" + qj.pid() + "-";
            long deadline = System.nanoTime() + QjProcess.PROCESS_LIMIT.toNanos();
            while (workDirectories(prefix).isEmpty()) {
                assertTrue(qj.isAlive() && System.nanoTime() < deadline, "qj run never made its work directory");
                Thread.sleep(50);
            }
            qj.destroy();
            qj.waitFor();
            assertTrue(workDirectories(prefix).isEmpty(), "left behind: " + workDirectories(prefix));
        } finally {
            qj.destroyForcibly();
        }
    }

    private static List<Path> workDirectories(String prefix) throws IOException {
        try (Stream<Path> entries = Files.list(TEMPORARY)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
