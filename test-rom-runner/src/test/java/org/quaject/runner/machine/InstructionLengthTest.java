package org.quaject.runner.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Section;
import org.quaject.runner.board.ArrayGuestMemory;
import org.quaject.testing.CrossToolchain;

/** Instruction lengths against what the GNU assembler really emits. */
class InstructionLengthTest {

    /** Instructions of every decoded kind over every effective-address form they take. */
    static final List<String> INSTRUCTIONS = List.of(
            "divu.w d1,d0", "divs.w (a1),d0", "divu.w (a1)+,d0", "divs.w -(a1),d0", "divu.w 8(a1),d0",
            "divu.w 8(a1,d2.w),d0", "divu.w 0x1234.w,d0", "divu.w 0x12345678,d0", "divu.w 8(pc),d0",
            "divu.w #7,d0", "divu.w 0x1000(a1,d2.l*4),d0", "divu.w ([0x10,a1],d2.w,0x20),d0",
            "divu.w ([0x12345678,a1,d2.l],0x12345678),d0", "divu.l d1,d0", "divs.l #100000,d0",
            "divu.l 0x12345678,d2:d3", "divs.l ([a1]),d0", "chk.w d1,d0", "chk.w #10,d0", "chk.w 4(a0),d0",
            "chk.l d1,d0", "chk.l #100000,d0", "trapv", "trapeq", "trapne.w #1", "traphi.l #1");

    @TempDir
    Path dir;

    @Test
    void everyInstructionDecodesToItsAssembledLength() throws Exception {
        StringBuilder source = new StringBuilder("    .text\n");
        INSTRUCTIONS.forEach(i -> source.append("    ").append(i).append('\n'));
        source.append("    nop\n");
        ElfFile object = ElfFile.read(CrossToolchain.assemble(dir, "lengths", source.toString()));
        Section text = object.section(".text").orElseThrow();
        byte[] code = object.contents(text);
        ArrayGuestMemory memory = new ArrayGuestMemory(code.length);
        memory.write(0, code, 0, code.length);
        int address = 0;
        for (String instruction : INSTRUCTIONS) {
            Optional<InstructionLength.Decoded> decoded = InstructionLength.decode(memory, address);
            assertTrue(decoded.isPresent(), instruction + " is decoded");
            address += decoded.get().length();
        }
        assertEquals(0x4e71, memory.read16(address), "the lengths add up to where the nop is");
    }

    @Test
    void otherInstructionsAreNotDecoded() throws Exception {
        ElfFile object = ElfFile.read(CrossToolchain.assemble(dir, "other", "    .text\n    move.l d0,d1\n    nop\n"));
        byte[] code = object.contents(object.section(".text").orElseThrow());
        ArrayGuestMemory memory = new ArrayGuestMemory(code.length);
        memory.write(0, code, 0, code.length);
        assertTrue(InstructionLength.decode(memory, 0).isEmpty());
        assertTrue(InstructionLength.decode(memory, code.length).isEmpty(), "past the end of RAM");
    }
}
