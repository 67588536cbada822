package org.quaject.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a tool that builds many .qj files learns of one before building it. */
class KernelSourcesTest {

    @TempDir
    Path directory;

    @Test
    void theInputsAreTheFileAndEveryFileItImportsDirectlyOrNotButNotTheBundledLibrary() throws IOException {
        Path kernel = Files.writeString(directory.resolve("k.qj"), """
                import "first"
                import "goldfish-tty"
                kernel k {
                }
                """);
        Path first = Files.writeString(directory.resolve("first.qj"), "import \"lib/second\"\n");
        Path second = Files.writeString(Files.createDirectory(directory.resolve("lib")).resolve("second.qj"),
                "import \"../first\"\n");
        // first.qj, imported twice (the second time from lib/), is read once.
        assertEquals(List.of(kernel, first, second), KernelSources.inputs(kernel));
    }

    @Test
    void aFileWithErrorsStillHasItsInputs() throws IOException {
        Path kernel = Files.writeString(directory.resolve("k.qj"), "import \"missing\"\nkernel {{{\n");
        assertEquals(List.of(kernel), KernelSources.inputs(kernel));
    }

    @Test
    void aFileDeclaresAKernelIfItHasTheKeyword() throws IOException {
        assertTrue(KernelSources.declaresKernel(Files.writeString(directory.resolve("k.qj"), "kernel k {\n}\n")));
        assertFalse(KernelSources.declaresKernel(Files.writeString(directory.resolve("lib.qj"),
                "// a kernel imports this\nquaject Q {\n}\n")));
    }

    @Test
    void anUnreadableFileCountsAsAKernelSoThatBuildingItSaysWhy() {
        assertTrue(KernelSources.declaresKernel(directory.resolve("missing.qj")));
    }
}
