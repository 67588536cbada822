package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quaject.cli.bench.BenchKernel;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.BundledFiles;

/** The bench kernels bundled in qj, built in a workspace. */
final class BenchSources {

    private BenchSources() {
    }

    /**
     * Compiles a bundled bench kernel, with the other bundled sources beside it
     * for its imports, into a directory of the workspace (so the image lasts as
     * long as the workspace).
     */
    static Optional<Compiler.Build> build(String source, Workspace workspace, PrintWriter err) throws IOException {
        Path sources = Files.createDirectories(workspace.directory().resolve("sources"));
        BundledFiles.extract(BenchKernel.BUNDLED_FOLDER, sources, ".qj");
        String name = source.substring(0, source.length() - ".qj".length());
        try (Workspace own = Workspace.open(workspace.directory().resolve(name))) {
            return CompileStep.compile(sources.resolve(source), own, false, err);
        }
    }
}
