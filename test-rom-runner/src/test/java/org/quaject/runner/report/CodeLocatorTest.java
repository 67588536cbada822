package org.quaject.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.binutils.Toolchain;
import org.quaject.elf.ElfFile;

/** Symbols, lines and disassembly of an image assembled with a line table, as the compiler assembles. */
class CodeLocatorTest {

    private static final String SOURCE = """
                .globl _start, second
                .text
            _start:
                moveq   #1,d0
                divu.w  d1,d0
            second:
                move.l  0x40000000,d2
                rts
                .data
            value:
                .long   0
            """;
    /** Where the lines above are, by the layout GNU as gives them: _start at 0x1000. */
    private static final long DIVIDE = 0x1002;
    private static final long READ = 0x1004;

    @TempDir
    static Path dir;
    private static Path image;
    private static CodeLocator locator;

    @BeforeAll
    static void assemble() throws Exception {
        Toolchain tools = Toolchain.locate();
        Files.writeString(dir.resolve("program.s"), SOURCE);
        tools.runChecked("as", List.of("-m68030", "--register-prefix-optional", "-g", "-o", "program.o", "program.s"),
                dir);
        tools.runChecked("ld", List.of("-Ttext=0x1000", "-e", "_start", "-o", "program.elf", "program.o"), dir);
        image = dir.resolve("program.elf");
        locator = CodeLocator.of(image, ElfFile.read(image));
    }

    @Test
    void namesTheSymbolOffsetLineAndInstruction() {
        CodeLocation divide = locator.locate(DIVIDE);
        assertEquals(Optional.of("_start+0x2"), divide.symbol());
        assertTrue(divide.sourceLine().orElseThrow().endsWith("program.s:5"), divide::toString);
        assertEquals(Optional.of("divuw %d1,%d0"), divide.instruction());

        CodeLocation read = locator.locate(READ);
        assertEquals(Optional.of("second+0x0"), read.symbol());
        assertTrue(read.sourceLine().orElseThrow().endsWith("program.s:7"), read::toString);
        assertEquals(Optional.of("movel 0x40000000,%d2"), read.instruction());
    }

    @Test
    void disassemblesTheBytesGivenRatherThanTheImages() {
        byte[] nop = {0x4e, 0x71};
        assertEquals(Optional.of("nop"), locator.locate(DIVIDE, nop).instruction());
    }

    @Test
    void leavesOutWhatItCannotKnow() {
        CodeLocation outside = locator.locate(0x00f00000);
        assertEquals(new CodeLocation(0x00f00000, Optional.empty(), Optional.empty(), Optional.empty()), outside);
        assertEquals("0x00f00000", outside.toString());
        byte[] halfAnInstruction = {0x20, 0x39};
        assertEquals(Optional.empty(), locator.locate(READ, halfAnInstruction).instruction(), "truncated");
    }

    @Test
    void printsAsOneReportLine() {
        String line = RegisterReport.where(locator.locate(DIVIDE));
        assertTrue(line.matches("    at 0x00001002 _start\\+0x2 \\(.*program\\.s:5\\): divuw %d1,%d0"), line);
    }
}
