package org.quaject.runner.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Segment;
import org.quaject.runner.cpu.NativeRam;
import org.quaject.runner.cpu.Register;
import org.quaject.runner.cpu.Stop;
import org.quaject.runner.cpu.StopReason;
import org.quaject.runner.cpu.UnicornCpu;
import org.quaject.testing.CrossToolchain;

/**
 * Guest exceptions on the real CPU core, processed by the runner: each handler
 * records the frame the runner stacked, and returns with RTE. The frames must be
 * what the MC68030 stacks (UM §8.4): format, vector offset, PC and, for format
 * $2, the address of the instruction that caused the exception.
 */
class GuestExceptionsTest {

    static final String PROGRAM = """
                .text
                .globl  _start
            _start:
                lea     0x8000,sp
                lea     vectors,a0
                movec   a0,vbr
                trap    #3
            after_trap:
                moveq   #0,d1
                move.l  #100,d0
            div_at:
                divu.w  d1,d0
            after_div:
                lea     bound,a1
                moveq   #9,d0
            chk_at:
                chk.w   4(a1),d0
            after_chk:
                moveq   #0,d0
                trapv
                move    #2,ccr
            trapv_at:
                trapv
            after_trapv:
                stop    #0x2700

            | Each handler records the frame in its slot and counts its calls.
            | in: a6 = the slot: SR.w, PC.l, format/vector.w, instruction address.l, calls.l
            record:
                move.w  (sp),(a6)+
                move.l  2(sp),(a6)+
                move.w  6(sp),(a6)+
                move.l  8(sp),(a6)+
                addq.l  #1,(a6)
                rte
            trap_handler:
                lea     trap_slot,a6
                bra     record
            div_handler:
                lea     div_slot,a6
                bra     record
            chk_handler:
                lea     chk_slot,a6
                bra     record
            trapv_handler:
                lea     trapv_slot,a6
                bra     record

                .data
                .balign 4
            vectors:
                .fill   5,4,0
                .long   div_handler, chk_handler, trapv_handler
                .fill   27,4,0
                .long   trap_handler
                .fill   220,4,0
            bound:
                .word   0, 0, 5
                .balign 4
            trap_slot:  .space 16
            div_slot:   .space 16
            chk_slot:   .space 16
            trapv_slot: .space 16
            """;

    @TempDir
    Path dir;

    UnicornCpu cpu;
    NativeRam ram;
    ElfFile image;

    @BeforeEach
    void boot() throws Exception {
        image = ElfFile.read(CrossToolchain.link(dir, "exceptions", PROGRAM));
        cpu = UnicornCpu.open();
        ram = cpu.mapRam(0, 0x10000);
        for (Segment segment : image.segments()) {
            if (segment.isLoad()) {
                byte[] bytes = image.contents(segment);
                ram.write(segment.virtualAddress(), bytes, 0, bytes.length);
            }
        }
        cpu.setExceptionHandler(new GuestExceptions(cpu, ram, () -> 0));
        cpu.set(Register.PC, (int) image.entry());
    }

    @AfterEach
    void close() {
        cpu.close();
    }

    @Test
    void everyExceptionIsStackedAsTheMc68030StacksItAndReturnsThroughRte() {
        Stop stop = cpu.run(10_000);
        assertEquals(StopReason.STOP_INSTRUCTION, stop.reason(), stop.toString());
        assertEquals(0x8000, cpu.get(Register.A7), "every RTE popped its frame");
        assertFrame("trap_slot", 0x0000 | 35 * 4, "after_trap", null);
        assertFrame("div_slot", 0x2000 | 5 * 4, "after_div", "div_at");
        assertFrame("chk_slot", 0x2000 | 6 * 4, "after_chk", "chk_at");
        assertFrame("trapv_slot", 0x2000 | 7 * 4, "after_trapv", "trapv_at");
    }

    @Test
    void aTrapvWithOverflowClearDoesNotTrap() {
        cpu.run(10_000);
        assertEquals(1, ram.read32(address("trapv_slot") + 12), "only the trapv with V set trapped");
        for (String slot : new String[] {"trap_slot", "div_slot", "chk_slot"}) {
            assertEquals(1, ram.read32(address(slot) + 12), slot + " handler ran once");
        }
    }

    private void assertFrame(String slot, int formatAndVector, String pc, String instruction) {
        long at = address(slot);
        assertEquals(0x2700, ram.read16(at) & 0xff00, slot + ": the stacked SR is the supervisor's");
        assertEquals(address(pc), Integer.toUnsignedLong(ram.read32(at + 2)), slot + ": stacked PC");
        assertEquals(formatAndVector, ram.read16(at + 6), slot + ": format and vector offset");
        if (instruction != null) {
            assertEquals(address(instruction), Integer.toUnsignedLong(ram.read32(at + 8)),
                    slot + ": address of the instruction");
        }
    }

    private long address(String symbol) {
        return image.symbol(symbol).orElseThrow().value();
    }
}
