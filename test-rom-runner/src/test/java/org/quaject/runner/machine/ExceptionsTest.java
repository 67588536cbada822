package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.RunnerEngine;

/**
 * Each kind of exception on the runner, one fixture each: the guest installs
 * its handlers, provokes the exception, and checks what the MC68030 User's
 * Manual says about the vector, the frame (format, vector offset, stacked PC
 * and SR), the handler's SR and where RTE returns; and the machinery around
 * them: RTE by frame format, the two stack pointers, VBR, and the double
 * fault that ends a run. The fixtures' comments say which manual sections
 * they follow.
 */
class ExceptionsTest {

    @TempDir
    Path dir;

    @Test
    void trapTakesVector32PlusNWithTheNextInstructionStacked() throws Exception {
        assertFixturePasses("trap");
    }

    @Test
    void trapvTrapsOnOverflowWithASixWordFrame() throws Exception {
        assertFixturePasses("trapv");
    }

    @Test
    void chkTrapsBelowZeroAndAboveTheBound() throws Exception {
        assertFixturePasses("chk");
    }

    @Test
    void chkStacksThePcPastItsExtensionWords() throws Exception {
        assertFixturePasses("chk_extension_words");
    }

    @Test
    void zeroDivideStacksTheDivideAndClearsCarry() throws Exception {
        assertFixturePasses("zero_divide");
    }

    @Test
    void illegalInstructionStacksItsOwnAddress() throws Exception {
        assertFixturePasses("illegal");
    }

    @Test
    void lineAStacksItsOwnAddress() throws Exception {
        assertFixturePasses("line_a");
    }

    @Test
    void lineFStacksItsOwnAddress() throws Exception {
        assertFixturePasses("line_f");
    }

    @Test
    void codeTheCoreCannotTranslateIsTakenAsLineF() throws Exception {
        assertFixturePasses("untranslatable");
    }

    /** Twice, and then another image: the process goes on, and so do the engines after the crashed one. */
    @Test
    void codeTheCoreCannotTranslateWrittenByTheGuestEndsTheRunNotTheProcess() throws Exception {
        Path image = Fixtures.link(dir, "untranslatable_written");
        for (int run = 0; run < 2; run++) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            try (Machine machine = Fixtures.boot(image, console)) {
                MachineStop stop = Fixtures.runToEnd(machine);
                String transcript = console.toString(US_ASCII);
                assertEquals(MachineStop.Kind.CRASH, stop.kind(), stop.detail());
                Matcher routine = Pattern.compile("# routine (0x[0-9a-f]{8})").matcher(transcript);
                assertTrue(routine.find(), transcript);
                assertTrue(stop.detail().matches("the CPU core crashed running the code at PC " + routine.group(1)
                        + " \\(SIG(SEGV|BUS|ILL|FPE) inside the CPU core, at offset 0x[0-9a-f]+ of its library\\);"
                        + " the run cannot go on"), stop.detail());
                Fixtures.assertAllPass(transcript);
            }
        }
        assertFixturePasses("untranslatable");
    }

    @Test
    void supervisorInstructionsInUserModeAreAPrivilegeViolation() throws Exception {
        assertFixturePasses("privilege");
    }

    @Test
    void rtePopsTheFrameItsFormatWordGives() throws Exception {
        assertFixturePasses("rte");
    }

    @Test
    void rteOfAnUnknownFrameFormatIsAFormatError() throws Exception {
        assertFixturePasses("format_error");
    }

    @Test
    void exceptionsSwitchFromTheUserToTheSupervisorStackAndRteSwitchesBack() throws Exception {
        assertFixturePasses("stacks");
    }

    @Test
    void vectorsAreFetchedFromWhereVbrPoints() throws Exception {
        assertFixturePasses("vbr");
    }

    @Test
    void anExceptionWhoseFrameCannotBeStackedEndsTheRunAsADoubleFault() throws Exception {
        String detail = crashDetail("double_fault");
        assertTrue(detail.startsWith("double fault: "), detail);
        // TRAP #0 with the stack at 0x200000 would put its frame 8 bytes below.
        assertTrue(detail.contains("0x001ffff8"), detail);
        assertTrue(detail.contains("vector 32"), detail);
    }

    @Test
    void traceTakesVector9AfterEachInstructionStartedWithT1() throws Exception {
        assertFixturePasses("trace");
    }

    @Test
    void aTracedStopLoadsSrAndIsTracedInsteadOfStopping() throws Exception {
        assertFixturePasses("trace_stop");
    }

    @Test
    void tracingTurnedOnByAnSrWriteEndsTheRunAsACrashThatSaysSo() throws Exception {
        String detail = crashDetail("trace_by_sr_write");
        assertTrue(detail.startsWith("tracing (SR bit T1) was turned on before PC 0x"), detail);
        assertTrue(detail.contains("only at an RTE"), detail);
    }

    /** Boots a fixture whose run ends in a crash after its tests have all passed; the crash's detail. */
    private String crashDetail(String name) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineStop stop;
        try (Machine machine = Fixtures.boot(Fixtures.link(dir, name), console)) {
            stop = Fixtures.runToEnd(machine);
        }
        assertEquals(MachineStop.Kind.CRASH, stop.kind(), stop.detail());
        Fixtures.assertAllPass(console.toString(US_ASCII));
        return stop.detail();
    }

    private void assertFixturePasses(String name) throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, name), ""));
    }
}
