package org.quaject.elf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input ends in ElfFormatException with a useful message, never in another exception. */
class ElfFileMalformedTest {
    private static final int SH_NAME = 0;
    private static final int SH_OFFSET = 16;
    private static final int SH_SIZE = 20;
    private static final byte[] IDENT_M68K = {0x7f, 'E', 'L', 'F', 1, 2, 1};

    @TempDir
    static Path dir;
    static byte[] object;
    static byte[] program;

    @BeforeAll
    static void build() throws Exception {
        object = Files.readAllBytes(Fixtures.templateObject(dir));
        program = Files.readAllBytes(Fixtures.program(dir));
    }

    @Test
    void everyTruncationIsRejected() {
        // GNU ld and as put the section header table last, so every cut damages it.
        for (byte[] file : new byte[][] {object, program}) {
            for (int length = 0; length < file.length; length++) {
                byte[] truncated = Arrays.copyOf(file, length);
                assertThrows(ElfFormatException.class, () -> ElfFile.parse(truncated), "length " + length);
            }
        }
    }

    @Test
    void randomBytesAreRejected() {
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            assertThrows(ElfFormatException.class, () -> ElfFile.parse(noise));
        }
    }

    @Test
    void randomBytesBehindAValidIdentificationAreRejectedOrReadConsistently() {
        Random random = new Random(2);
        for (int i = 0; i < 20000; i++) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            System.arraycopy(IDENT_M68K, 0, noise, 0, Math.min(IDENT_M68K.length, noise.length));
            if (noise.length > 19) {
                noise[18] = 0;
                noise[19] = ElfFile.EM_68K;
            }
            parseAndQueryEverything(noise);
        }
    }

    @Test
    void corruptedRealFilesAreRejectedOrReadConsistently() {
        Random random = new Random(3);
        for (byte[] file : new byte[][] {object, program}) {
            for (int i = 0; i < 20000; i++) {
                byte[] corrupted = file.clone();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
                }
                parseAndQueryEverything(corrupted);
            }
        }
    }

    @Test
    void wrongClassIsNamed() {
        assertMessage(new ElfPatch(object).u8(4, 2).bytes(), "ELFCLASS32");
    }

    @Test
    void wrongEndiannessIsNamed() {
        assertMessage(new ElfPatch(object).u8(5, 1).bytes(), "big-endian");
    }

    @Test
    void wrongMachineIsNamed() {
        assertMessage(new ElfPatch(object).u16(18, 62).bytes(), "EM_68K");
    }

    @Test
    void notAnElfFileIsNamed() {
        assertMessage("#!/bin/sh\necho hello\n".getBytes(), "not an ELF file");
    }

    @Test
    void sectionNameOutsideTheStringTableIsRejected() {
        ElfPatch patch = new ElfPatch(object);
        assertMessage(patch.u32(patch.sectionHeaderField(1, SH_NAME), 0x7fffffff).bytes(), "string index");
    }

    @Test
    void sectionContentsPastTheEndAreRejected() {
        ElfPatch patch = new ElfPatch(object);
        assertMessage(patch.u32(patch.sectionHeaderField(1, SH_OFFSET), 0xfffffff0L).bytes(), "outside the file");
        ElfPatch huge = new ElfPatch(object);
        assertMessage(huge.u32(huge.sectionHeaderField(1, SH_SIZE), 0xffffffffL).bytes(), "outside the file");
    }

    @Test
    void relocationAgainstAMissingSymbolIsRejected() throws Exception {
        Section rela = ElfFile.parse(object).section(".rela.text").orElseThrow();
        int info = (int) rela.offset() + 4;
        assertMessage(new ElfPatch(object).u32(info, 0x7fff01).bytes(), "refers to symbol");
    }

    @Test
    void unknownRelocationTypeIsRejected() throws Exception {
        Section rela = ElfFile.parse(object).section(".rela.text").orElseThrow();
        int typeByte = (int) rela.offset() + 7;
        assertMessage(new ElfPatch(object).u8(typeByte, 200).bytes(), "unknown m68k relocation type 200");
    }

    @Test
    void relocationOutsideItsSectionIsRejected() throws Exception {
        Section rela = ElfFile.parse(object).section(".rela.text").orElseThrow();
        assertMessage(new ElfPatch(object).u32((int) rela.offset(), 0x1000).bytes(), "outside section .text");
    }

    @Test
    void readNamesTheFile() throws Exception {
        Path broken = dir.resolve("broken.o");
        Files.write(broken, Arrays.copyOf(object, 100));
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfFile.read(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
    }

    private static void assertMessage(byte[] bytes, String expected) {
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfFile.parse(bytes));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
    }

    /** Either ElfFormatException, or a file whose every part can be queried. */
    private static void parseAndQueryEverything(byte[] bytes) {
        ElfFile file;
        try {
            file = ElfFile.parse(bytes);
        } catch (ElfFormatException expected) {
            return;
        } catch (RuntimeException e) {
            fail("parse threw " + e + " instead of ElfFormatException", e);
            return;
        }
        for (Section section : file.sections()) {
            file.contents(section);
            file.relocations(section);
            file.section(section.name()).orElseThrow();
        }
        file.segments().forEach(file::contents);
        file.symbols().forEach(s -> file.symbol(s.name()).orElseThrow());
    }
}
