package org.quaject.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.quaject.compiler.Compiler;
import org.quaject.binutils.ToolchainException;
import org.quaject.compiler.diag.CompilationFailed;

/**
 * Compiles a .qj file for a command, printing its diagnostics (and progress, if
 * asked) on the error stream.
 */
final class CompileStep {

    private CompileStep() {
    }

    /** The build, or empty after printing why there is none. */
    static Optional<Compiler.Build> compile(Path source, Workspace workspace, boolean verbose, PrintWriter err) {
        Compiler compiler = new Compiler(verbose ? line -> err.println("qj: " + line) : line -> { });
        try {
            Compiler.Build build = compiler.compile(source, workspace.directory());
            build.diagnostics().render().forEach(err::println);
            return Optional.of(build);
        } catch (CompilationFailed e) {
            e.diagnostics().render().forEach(err::println);
            return Optional.empty();
        } catch (ToolchainException e) {
            err.println("qj: error: " + e.getMessage());
            return Optional.empty();
        } finally {
            err.flush();
        }
    }
}
