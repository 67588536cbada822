package org.quaject.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an assembled object: what the compiler's hole mechanism relies on. */
class ElfFileObjectTest {
    @TempDir
    static Path dir;
    static byte[] bytes;
    static ElfFile object;
    static Section text;

    @BeforeAll
    static void assemble() throws Exception {
        bytes = Files.readAllBytes(Fixtures.templateObject(dir));
        object = ElfFile.parse(bytes);
        text = object.section(".text").orElseThrow();
    }

    @Test
    void headerDescribesAnM68kObjectFile() {
        assertEquals(ElfFile.ET_REL, object.type());
        assertEquals(ElfFile.EM_68K, object.machine());
        assertTrue(object.segments().isEmpty());
        assertEquals(Section.SHT_NULL, object.sections().get(0).type());
        for (int i = 0; i < object.sections().size(); i++) {
            assertEquals(i, object.sections().get(i).index());
        }
    }

    @Test
    void eachHoleIsARelocationGivingFieldPositionWidthAndKind() {
        List<Relocation> relocations = object.relocations(text);
        assertEquals(List.of(
                        "2 R_68K_32 hole$a 0",
                        "8 R_68K_16 hole$c 0",
                        "12 R_68K_PC32 hole$f 0",
                        "18 R_68K_32 hole$a 2",
                        "25 R_68K_8 hole$b 0"),
                relocations.stream().map(ElfFileObjectTest::describe).toList());
        for (Relocation relocation : relocations) {
            assertTrue(relocation.symbol().isUndefined(), relocation.toString());
            assertTrue(relocation.symbol().isGlobal(), relocation.toString());
        }
        assertEquals(4, relocations.get(0).type().width());
        assertEquals(2, relocations.get(1).type().width());
        assertTrue(relocations.get(2).type().pcRelative());
        assertFalse(relocations.get(0).type().pcRelative());
    }

    @Test
    void relocationsOfDataReferToDefinedSymbols() {
        Section data = object.section(".data").orElseThrow();
        List<Relocation> relocations = object.relocations(data);
        assertEquals(List.of("0 R_68K_32 entry 0"), relocations.stream().map(ElfFileObjectTest::describe).toList());
        assertFalse(relocations.get(0).symbol().isUndefined());
        assertTrue(object.relocations(object.section(".bss").orElseThrow()).isEmpty());
    }

    @Test
    void sectionContentsAndSizesAreTheAssembledBytes() {
        byte[] code = object.contents(text);
        assertEquals(0x1c, text.size());
        assertEquals(code.length, text.size());
        assertTrue(text.isAllocated());
        // Opcode words as the 68030 encodes them; the relocated fields are left zero.
        assertEquals(0x2039, word(code, 0), "move.l abs.l,d0");
        assertEquals(0x343c, word(code, 6), "move.w #imm,d2");
        assertEquals(0x61ff, word(code, 0xa), "bsr.l");
        assertEquals(0x4e75, word(code, 0x1a), "rts");
        for (Relocation relocation : object.relocations(text)) {
            for (int i = 0; i < relocation.type().width(); i++) {
                assertEquals(0, code[(int) relocation.offset() + i]);
            }
        }

        Section data = object.section(".data").orElseThrow();
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78, 1, 2, 3}, object.contents(data));

        Section bss = object.section(".bss").orElseThrow();
        assertTrue(bss.isNoBits());
        assertEquals(100, bss.size());
        assertEquals(0, object.contents(bss).length);
    }

    @Test
    void symbolsGiveSectionsAndOffsets() {
        Symbol entry = object.symbol("entry").orElseThrow();
        assertTrue(entry.isGlobal());
        assertEquals(text.index(), entry.sectionIndex());
        assertEquals(0, entry.value());

        Symbol buffer = object.symbol("buffer").orElseThrow();
        assertTrue(buffer.isLocal());
        assertEquals(object.section(".bss").orElseThrow().index(), buffer.sectionIndex());

        Symbol hole = object.symbol("hole$f").orElseThrow();
        assertTrue(hole.isUndefined());
        assertTrue(object.symbol("no such symbol").isEmpty());
        assertFalse(object.symbols().stream().anyMatch(s -> s.index() == 0));
        object.symbols().forEach(s -> assertEquals(s, object.symbols().get(s.index() - 1)));
    }

    @Test
    void implicitAddendsOfRelSectionsAreReadSignedFromThePatchedField() throws Exception {
        // GNU as writes RELA for m68k; rewrite .rela.text as an equivalent SHT_REL section.
        Section rela = object.section(".rela.text").orElseThrow();
        List<Relocation> relocations = object.relocations(text);
        long[] addends = {0x1000, -2, 4, 2, -1};
        ElfPatch patch = new ElfPatch(bytes);
        patch.u32(patch.sectionHeaderField(rela.index(), 4), Section.SHT_REL)
                .u32(patch.sectionHeaderField(rela.index(), 20), relocations.size() * 8L)
                .u32(patch.sectionHeaderField(rela.index(), 36), 8);
        for (int i = 0; i < relocations.size(); i++) {
            Relocation relocation = relocations.get(i);
            int entry = (int) rela.offset() + i * 8;
            int field = (int) (text.offset() + relocation.offset());
            patch.u32(entry, relocation.offset())
                    .u32(entry + 4, (long) relocation.symbol().index() << 8 | relocation.type().code());
            switch (relocation.type().width()) {
                case 4 -> patch.u32(field, addends[i]);
                case 2 -> patch.u16(field, (int) addends[i]);
                default -> patch.u8(field, (int) addends[i]);
            }
        }
        ElfFile rel = ElfFile.parse(patch.bytes());
        List<Relocation> read = rel.relocations(rel.section(".text").orElseThrow());
        for (int i = 0; i < relocations.size(); i++) {
            assertEquals(relocations.get(i).offset(), read.get(i).offset());
            assertEquals(relocations.get(i).type(), read.get(i).type());
            assertEquals(relocations.get(i).symbol(), read.get(i).symbol());
            assertEquals(addends[i], read.get(i).addend());
        }
    }

    private static String describe(Relocation r) {
        return r.offset() + " " + r.type() + " " + r.symbol().name() + " " + r.addend();
    }

    private static int word(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }
}
