package org.quaject.runner.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quaject.runner.board.ArrayGuestMemory;

/**
 * Exception processing against the MC68030 User's Manual: frame layouts (§8.4),
 * the supervisor stack switch, vector fetch through VBR, interrupt masking and
 * priority, and RTE by format.
 */
class ExceptionProcessorTest {

    static final int RAM = 0x10000;
    static final int VBR = 0x4000;
    static final int SSP = 0x8000;
    static final int USP = 0x6000;

    /** The 68030's view of A7: one register, backed by USP or SSP by the S bit. */
    static final class Registers implements ProcessorState {
        int sr = 0x2700;
        int pc;
        int usp = USP;
        int ssp = SSP;
        int vbr = VBR;

        @Override
        public int sr() {
            return sr;
        }

        @Override
        public void setSr(int value) {
            sr = value & 0xffff;
        }

        @Override
        public int pc() {
            return pc;
        }

        @Override
        public void setPc(int value) {
            pc = value;
        }

        @Override
        public int stackPointer() {
            return Sr.isSupervisor(sr) ? ssp : usp;
        }

        @Override
        public void setStackPointer(int value) {
            if (Sr.isSupervisor(sr)) {
                ssp = value;
            } else {
                usp = value;
            }
        }

        @Override
        public int vbr() {
            return vbr;
        }
    }

    Registers cpu;
    ArrayGuestMemory memory;
    ExceptionProcessor exceptions;

    @BeforeEach
    void setUp() {
        cpu = new Registers();
        memory = new ArrayGuestMemory(RAM);
        exceptions = new ExceptionProcessor(cpu, memory);
        for (int vector = 0; vector < Vectors.COUNT; vector++) {
            memory.write32(VBR + 4L * vector, 0x1000 + 0x10 * vector);
        }
    }

    @Test
    void aTrapStacksAFormat0FrameAndJumpsThroughItsVector() throws DoubleFault {
        cpu.sr = 0x0304;
        cpu.pc = 0x2002;
        exceptions.takeFormat0(Vectors.TRAP_BASE + 3, 0x2002);
        assertEquals(SSP - 8, cpu.ssp);
        assertEquals(0x0304, memory.read16(SSP - 8), "old SR");
        assertEquals(0x2002, memory.read32(SSP - 6), "PC");
        assertEquals(0x0000 | 35 * 4, memory.read16(SSP - 2), "format 0, vector offset 0x8c");
        assertEquals(0x2304, cpu.sr, "supervisor, same mask, user stack kept");
        assertEquals(USP, cpu.usp);
        assertEquals(0x1000 + 0x10 * 35, cpu.pc);
    }

    @Test
    void aZeroDivideStacksAFormat2FrameWithTheInstructionAddress() throws DoubleFault {
        exceptions.takeFormat2(Vectors.ZERO_DIVIDE, 0x2004, 0x2000);
        assertEquals(SSP - 12, cpu.ssp);
        assertEquals(0x2004, memory.read32(SSP - 10), "PC of the next instruction");
        assertEquals(0x2000 | 5 * 4, memory.read16(SSP - 6), "format 2, vector offset 0x14");
        assertEquals(0x2000, memory.read32(SSP - 4), "address of the dividing instruction");
    }

    @Test
    void tracingIsTurnedOffOnEntry() throws DoubleFault {
        cpu.sr = 0xa700;
        exceptions.takeFormat0(Vectors.ILLEGAL_INSTRUCTION, 0x2000);
        assertEquals(0x2700, cpu.sr);
        assertEquals(0xa700, memory.read16(cpu.ssp));
    }

    @Test
    void vbrIsHonoured() throws DoubleFault {
        cpu.vbr = 0x5000;
        memory.write32(0x5000 + 4 * 32, 0x3330);
        exceptions.takeFormat0(Vectors.TRAP_BASE, 0x2002);
        assertEquals(0x3330, cpu.pc);
    }

    @Test
    void anInterruptAboveTheMaskIsTakenAndRaisesTheMask() throws DoubleFault {
        cpu.sr = 0x2400;
        cpu.pc = 0x2222;
        assertTrue(exceptions.takeInterrupt(5));
        assertEquals(0x2500, cpu.sr);
        assertEquals(0x2400, memory.read16(cpu.ssp));
        assertEquals(0x2222, memory.read32(cpu.ssp + 2), "the interrupted instruction resumes");
        assertEquals(29 * 4, memory.read16(cpu.ssp + 6), "autovector 24 + 5");
        assertEquals(0x1000 + 0x10 * 29, cpu.pc);
    }

    @Test
    void anInterruptAtOrBelowTheMaskWaits() throws DoubleFault {
        cpu.sr = 0x2400;
        cpu.pc = 0x2222;
        assertFalse(exceptions.takeInterrupt(4));
        assertFalse(exceptions.takeInterrupt(1));
        assertEquals(0x2400, cpu.sr);
        assertEquals(SSP, cpu.ssp);
        assertEquals(0x2222, cpu.pc);
    }

    @Test
    void level7IsNotMaskable() throws DoubleFault {
        cpu.sr = 0x2700;
        assertTrue(exceptions.takeInterrupt(7));
        assertEquals(31 * 4, memory.read16(cpu.ssp + 6));
    }

    @Test
    void anInterruptFromUserModeSwitchesToTheSupervisorStackAndRteSwitchesBack() throws DoubleFault {
        cpu.sr = 0x0000;
        cpu.pc = 0x2400;
        exceptions.takeInterrupt(3);
        assertEquals(SSP - 8, cpu.ssp);
        assertEquals(USP, cpu.usp, "the user stack is untouched");
        cpu.pc = 0x1000 + 0x10 * 27;
        exceptions.returnFromException();
        assertEquals(0x0000, cpu.sr);
        assertEquals(0x2400, cpu.pc);
        assertEquals(SSP, cpu.ssp);
        assertEquals(USP, cpu.stackPointer(), "A7 is the user stack again");
    }

    @Test
    void nestedInterruptsUnwindInOrder() throws DoubleFault {
        cpu.sr = 0x2000;
        cpu.pc = 0x2000;
        exceptions.takeInterrupt(2);
        cpu.pc = 0x3000;
        exceptions.takeInterrupt(6);
        assertEquals(0x2600, cpu.sr);
        assertFalse(exceptions.takeInterrupt(4), "masked inside the level 6 handler");
        exceptions.returnFromException();
        assertEquals(0x3000, cpu.pc);
        assertEquals(0x2200, cpu.sr);
        exceptions.returnFromException();
        assertEquals(0x2000, cpu.pc);
        assertEquals(0x2000, cpu.sr);
        assertEquals(SSP, cpu.ssp);
    }

    @Test
    void rtePopsAFormat2Frame() throws DoubleFault {
        exceptions.takeFormat2(Vectors.CHK, 0x2006, 0x2002);
        exceptions.returnFromException();
        assertEquals(0x2006, cpu.pc);
        assertEquals(SSP, cpu.ssp);
    }

    @Test
    void rteOfAFrameFormatTheRunnerDoesNotBuildIsAFormatError() throws DoubleFault {
        int sp = SSP - 8;
        memory.write16(sp, 0x2000);
        memory.write32(sp + 2, 0x2000);
        memory.write16(sp + 6, 0xb000 | 8);
        cpu.ssp = sp;
        cpu.pc = 0x2100;
        exceptions.returnFromException();
        assertEquals(0x1000 + 0x10 * Vectors.FORMAT_ERROR, cpu.pc);
        assertEquals(0x2100, memory.read32(cpu.ssp + 2), "the RTE is the stacked PC");
        assertEquals(Vectors.FORMAT_ERROR * 4, memory.read16(cpu.ssp + 6));
    }

    @Test
    void aSupervisorStackOutsideRamIsADoubleFault() {
        cpu.ssp = RAM + 0x100;
        DoubleFault fault = assertThrows(DoubleFault.class, () -> exceptions.takeFormat0(Vectors.TRAP_BASE, 0x2002));
        assertEquals(Vectors.TRAP_BASE, fault.vector());
        assertTrue(fault.getMessage().contains("supervisor stack"), fault.getMessage());
    }

    @Test
    void anOddSupervisorStackIsADoubleFault() {
        cpu.ssp = SSP + 1;
        assertThrows(DoubleFault.class, () -> exceptions.takeFormat0(Vectors.TRAP_BASE, 0x2002));
    }

    @Test
    void aVectorTableOutsideRamOrAnOddHandlerIsADoubleFault() {
        cpu.vbr = RAM;
        assertThrows(DoubleFault.class, () -> exceptions.takeFormat0(Vectors.TRAP_BASE, 0x2002));
        cpu.vbr = VBR;
        memory.write32(VBR + 4 * Vectors.CHK, 0x1235);
        DoubleFault odd = assertThrows(DoubleFault.class, () -> exceptions.takeFormat2(Vectors.CHK, 0x2004, 0x2000));
        assertTrue(odd.getMessage().contains("odd"), odd.getMessage());
    }
}
