package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Temporary work directories go away, also those of qj processes that were killed. */
class WorkspaceTest {

    private static final Path TEMPORARY = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void aTemporaryDirectoryIsRemovedWhenTheCommandEnds() throws IOException {
        Path directory;
        try (Workspace workspace = Workspace.open(null)) {
            directory = workspace.directory();
            Files.writeString(directory.resolve("kernel.s"), "nop\n");
        }
        assertFalse(Files.exists(directory));
    }

    @Test
    void theDirectoriesOfProcessesThatNoLongerRunAreRemovedAndOnlyThose() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectory(TEMPORARY.resolve("qj-build-p" + gone.pid() + "-test"));
        Files.writeString(abandoned.resolve("image.elf"), "x");
        Path live = Files.createDirectory(TEMPORARY.resolve("qj-build-p" + ProcessHandle.current().pid() + "-test"));
        try {
            Workspace.removeAbandoned();
            assertFalse(Files.exists(abandoned), abandoned + " belonged to a process that is gone");
            assertTrue(Files.exists(live), live + " belongs to this process");
        } finally {
            Files.deleteIfExists(abandoned.resolve("image.elf"));
            Files.deleteIfExists(abandoned);
            Files.deleteIfExists(live);
        }
    }
}
