package org.quaject.compiler;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quaject.compiler.generate.Symbols;
import org.quaject.compiler.testing.QjSources;
import org.quaject.elf.ElfFile;

/**
 * The names the compiler makes up (work files, linker symbols) never clash with
 * the names a correct program chooses, and the work directory may be given as a
 * relative path. These builds go through the linker.
 */
class GeneratedNamesTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void aQuajectMayBeNamedLikeAFileOfTheWorkDirectory() {
        sources.build("""
                quaject tables {
                    var x: long
                    callentry get() -> d0.l {
                        move.l  @x,d0
                        rts
                    }
                }
                kernel k {
                    instance t: tables
                    test "get" {
                        jsr     @t.get
                        pass
                    }
                }
                """);
    }

    @Test
    void aMemberOfAnInstanceNamedLikeItsClassDoesNotReplaceTheClassTemplate() throws Exception {
        Compiler.Build build = sources.build("""
                quaject a {
                    var template: long
                    var holes: long
                }
                kernel k {
                    instance a: a
                    test "addresses" {
                        lea     @a.template,a0
                        lea     @a.holes,a1
                        pass
                    }
                }
                """);
        ElfFile image = ElfFile.read(build.elf());
        assertNotEquals(address(image, Symbols.template("a")), address(image, Symbols.instanceMember("a", "template")),
                "the class template and the field template of instance a are one symbol");
        assertNotEquals(address(image, Symbols.holeTable("a")), address(image, Symbols.instanceMember("a", "holes")),
                "the hole table and the field holes of instance a are one symbol");
    }

    @Test
    void theWorkDirectoryMayBeARelativePath() throws Exception {
        Path main = sources.write(QjSources.MAIN, """
                kernel k {
                    main {
                        moveq   #0,d0
                        rts
                    }
                }
                """);
        Path work = QjSources.relativeToWorkingDirectory(Files.createDirectories(sources.dir().resolve("work")));
        Compiler.Build build = new Compiler(line -> { }).compile(main, work);
        assertTrue(Files.exists(build.elf()), "no image at " + build.elf());
    }

    private static long address(ElfFile image, String symbol) {
        return image.symbol(symbol).orElseThrow(() -> new AssertionError("no symbol " + symbol)).value();
    }
}
