package org.quaject.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a linked image: what the runner needs to load it. */
class ElfFileLinkedTest {
    @TempDir
    static Path dir;
    static ElfFile program;

    @BeforeAll
    static void link() throws Exception {
        program = ElfFile.read(Fixtures.program(dir));
    }

    @Test
    void headerGivesTypeAndEntry() {
        assertEquals(ElfFile.ET_EXEC, program.type());
        assertEquals(0x1000, program.entry());
        assertEquals(0x1000, program.symbol("_start").orElseThrow().value());
    }

    @Test
    void symbolValuesAreAddressesOfWhatTheyLabel() {
        Section text = program.section(".text").orElseThrow();
        assertEquals(0x1000, text.address());
        Symbol message = program.symbol("message").orElseThrow();
        assertEquals(text.index(), message.sectionIndex());
        byte[] code = program.contents(text);
        int at = (int) (message.value() - text.address());
        assertArrayEquals(new byte[] {'h', 'i', 0}, Arrays.copyOfRange(code, at, at + 3));
    }

    @Test
    void loadSegmentsHoldTheAllocatedSectionsAtTheirAddresses() {
        assertFalse(program.segments().isEmpty());
        for (Section section : program.sections()) {
            if (section.isAllocated() && !section.isNoBits()) {
                Segment segment = program.segments().stream()
                        .filter(s -> s.isLoad()
                                && s.virtualAddress() <= section.address()
                                && section.address() + section.size() <= s.virtualAddress() + s.fileSize())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no load segment holds " + section.name()));
                int from = (int) (section.address() - segment.virtualAddress());
                assertArrayEquals(program.contents(section),
                        Arrays.copyOfRange(program.contents(segment), from, from + (int) section.size()),
                        section.name());
                assertTrue(segment.memorySize() >= segment.fileSize());
            }
        }
    }

    @Test
    void dataSymbolPointsAtItsWordInTheImage() {
        Symbol value = program.symbol("value").orElseThrow();
        Section data = program.sections().get(value.sectionIndex());
        assertEquals(".data", data.name());
        byte[] bytes = program.contents(data);
        int at = (int) (value.value() - data.address());
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef},
                Arrays.copyOfRange(bytes, at, at + 4));
    }

    @Test
    void sectionsAndSegmentsOfAnotherFileAreRefused() throws Exception {
        ElfFile other = ElfFile.read(Fixtures.templateObject(dir));
        Section foreign = other.section(".text").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> program.contents(foreign));
        assertThrows(IllegalArgumentException.class, () -> program.relocations(foreign));
    }

    @Test
    void readingAMissingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> ElfFile.read(dir.resolve("missing.elf")));
    }
}
