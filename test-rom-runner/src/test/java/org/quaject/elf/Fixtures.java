package org.quaject.elf;

import java.io.IOException;
import java.nio.file.Path;
import org.quaject.testing.CrossToolchain;

/** The assembly sources the ELF tests build, and the bytes they turn into. */
final class Fixtures {
    /**
     * A code template with holes (undefined symbols), data and bss. Offsets in
     * .text: move.l abs.l at 0 (field at 2), move.w #imm at 6 (field at 8),
     * bsr.l at 0xa (field at 0xc), move.l abs.l at 0x10 (field at 0x12),
     * move.b #imm at 0x16 (field: low byte of the word at 0x18), rts at 0x1a.
     */
    static final String TEMPLATE = """
                .text
                .globl entry
            entry:
                move.l hole$a,d0
                move.w #hole$c,d2
                bsr.l hole$f
                move.l hole$a+2,d0
                move.b #hole$b,d1
                rts
                .data
            table:
                .long entry, 0x12345678
                .byte 1, 2, 3
                .bss
            buffer:
                .space 100
            """;

    /** A program linked at 0x1000 with a string in .text and a word in .data. */
    static final String PROGRAM = """
                .globl _start
                .text
            _start:
                lea message,a0
                rts
            message:
                .asciz "hi"
                .data
            value:
                .long 0xdeadbeef
            """;

    private Fixtures() {
    }

    static Path templateObject(Path dir) throws IOException, InterruptedException {
        return CrossToolchain.assemble(dir, "template", TEMPLATE);
    }

    static Path program(Path dir) throws IOException, InterruptedException {
        return CrossToolchain.link(dir, "program", PROGRAM);
    }
}
