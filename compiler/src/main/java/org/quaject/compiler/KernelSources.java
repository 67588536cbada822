package org.quaject.compiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.parse.SourceLoader;
import org.quaject.compiler.parse.antlr.QjLexer;

/** What tools that build many .qj files need to know of one before building it. */
public final class KernelSources {

    private KernelSources() {
    }

    /**
     * Whether the file has the keyword {@code kernel}, which only a kernel
     * declaration uses: a file without one is a library that kernels import.
     * An unreadable file counts as a kernel, so that building it says what is wrong.
     */
    public static boolean declaresKernel(Path source) {
        try {
            QjLexer lexer = new QjLexer(CharStreams.fromString(Files.readString(source, StandardCharsets.UTF_8)));
            lexer.removeErrorListeners();
            for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
                if (token.getType() == QjLexer.KERNEL) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The files on disk that building {@code source} reads: the file itself
     * and those it imports, directly or not, that are found beside their
     * importers. Imports of the bundled library are not among them: they
     * change only with the compiler. Problems in the sources are left for the
     * build to report.
     */
    public static List<Path> inputs(Path source) {
        SourceLoader loader = new SourceLoader(new Diagnostics());
        loader.load(source);
        return loader.filesRead();
    }
}
