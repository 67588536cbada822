package org.quaject.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quaject.compiler.testing.QjSources.error;
import static org.quaject.compiler.testing.QjSources.relativeToWorkingDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quaject.compiler.testing.QjSources;

/**
 * {@code import "NAME"} reads NAME.qj beside the importing file or from the bundled
 * library; what goes wrong with it is reported at the import, and mistakes inside
 * an imported file at their place in that file.
 */
class ImportDiagnosticsTest {

    /** A main file that imports lib.qj and declares an instance of its quaject L. */
    static final String IMPORTS_LIB = """
            import "lib"
            kernel k {
                instance l: L
            }
            """;

    static final String ONLY_QUAJECTS_IN_IMPORTS =
            "an imported file may declare only quajects, devices, queues and stacks; kernels and tests belong in the main file";

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void aMissingImportIsReportedAtItsName() {
        assertEquals(List.of(error(1, 8,
                        "cannot find import \"nosuch\": no nosuch.qj in DIR nor in the bundled library")),
                sources.errors("""
                        import "nosuch"
                        kernel k {
                        }
                        """));
    }

    @Test
    void anImportNameHoldingANulByteIsReportedAtItsName() {
        assertEquals(List.of(error(1, 8,
                        "an import names a file, and \"lib\\u0000x\" holds the control character U+0000")),
                sources.errors("""
                        import "lib\\x00x"
                        kernel k {
                        }
                        """));
    }

    @Test
    void anImportNameHoldingALineBreakIsReportedOnOneLine() {
        assertEquals(List.of(error(1, 8,
                        "an import names a file, and \"li\\u000ab\" holds the control character U+000A")),
                sources.errors("""
                        import "li\\nb"
                        kernel k {
                        }
                        """));
    }

    @Test
    void anImportedFileMayNotDeclareAKernel() {
        sources.write("lib.qj", """
                quaject L {
                    var x: long
                }
                kernel inner {
                }
                """);
        assertEquals(List.of(error("lib.qj", 4, 1, ONLY_QUAJECTS_IN_IMPORTS)), sources.errors(IMPORTS_LIB));
    }

    @Test
    void anImportedFileMayNotDeclareATest() {
        sources.write("lib.qj", """
                quaject L {
                    var x: long
                }
                test "in a library" {
                    pass
                }
                """);
        assertEquals(List.of(error("lib.qj", 4, 1, ONLY_QUAJECTS_IN_IMPORTS)), sources.errors(IMPORTS_LIB));
    }

    @Test
    void aSyntaxErrorInAnImportedFileIsReportedInThatFile() {
        sources.write("lib.qj", """
                quaject L {
                    var x long
                }
                """);
        assertEquals(List.of(error("lib.qj", 2, 11, "missing ':' at 'long'")), sources.errors(IMPORTS_LIB));
    }

    /** The library's own file under another path (the checkout's runtime-m68k/lib, say) is the same file. */
    @Test
    void aBundledFileImportedByPathAndByNameIsReadOnce() throws IOException {
        try (InputStream bundled = getClass().getClassLoader().getResourceAsStream(SourceLoader.LIBRARY + "goldfish-tty.qj")) {
            Files.createDirectories(sources.dir().resolve("copy"));
            sources.write("copy/goldfish-tty.qj", bundled.readAllBytes());
        }
        assertEquals(List.of(error(5, 17, "unknown quaject 'Nope'")), sources.errors("""
                import "copy/goldfish-tty"
                import "goldfish-tty"
                kernel k {
                    instance console: GoldfishTty at 0xff008000
                    instance n: Nope
                }
                """));
    }

    @Test
    void aFileImportedTwiceIsReadOnce() {
        sources.write("lib.qj", """
                quaject L {
                    var x: long
                }
                """);
        sources.write("other.qj", """
                import "lib"
                """);
        assertEquals(List.of(error(5, 17, "unknown quaject 'Nope'")), sources.errors("""
                import "lib"
                import "other"
                kernel k {
                    instance l: L
                    instance n: Nope
                }
                """));
    }

    /** The user named the main file by a relative path; files beside it are named the same way. */
    @Test
    void anImportedFileIsNamedRelativeToTheMainFileAsGiven() {
        sources.write("lib.qj", """
                quaject L {
                    var x long
                }
                """);
        Path main = relativeToWorkingDirectory(sources.write(QjSources.MAIN, IMPORTS_LIB));
        String lib = main.resolveSibling("lib.qj").toString();
        assertEquals(List.of(sources.withoutDirectory(lib + ":2:11: error: missing ':' at 'long'")),
                sources.errorsOf(main), "main file named " + main);
    }

    /** A file's identity is the file, not the way its path was written: importing the main file imports nothing new. */
    @Test
    void aMainFileThatImportsItselfIsReadOnceWhateverItsPathLooksLike() {
        Path main = relativeToWorkingDirectory(sources.write(QjSources.MAIN, """
                import "main"
                kernel k {
                    instance n: Nope
                }
                """));
        assertEquals(List.of(sources.withoutDirectory(main + ":3:17: error: unknown quaject 'Nope'")),
                sources.errorsOf(main));
    }
}
