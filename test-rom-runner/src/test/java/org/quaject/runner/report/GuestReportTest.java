package org.quaject.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GuestReportTest {

    @Test
    void readsTheHeadlineOfASixWordFrame() {
        GuestReport report = GuestReport.find(
                "*** Zero divide (vector 5) at PC 0x00001d32 (instruction at 0x00001d30)").orElseThrow();
        assertEquals(new GuestReport("Zero divide", 5, 0x1d32, OptionalLong.of(0x1d30), OptionalLong.empty()),
                report);
        assertEquals(0x1d30, report.faultAddress(), "the frame names the instruction");
    }

    @Test
    void readsTheThreadARunningThreadCrashedIn() {
        GuestReport report = GuestReport.find("*** Illegal instruction (vector 4) at PC 0x00002010 in thread "
                + "0x0001008c (entry 0x00001f00)").orElseThrow();
        assertEquals(new GuestReport("Illegal instruction", 4, 0x2010, OptionalLong.empty(),
                OptionalLong.of(0x1f00)), report);
        GuestReport divide = GuestReport.find("*** Zero divide (vector 5) at PC 0x00001d32 (instruction at "
                + "0x00001d30) in thread 0x0001008c (entry 0x00001f00)").orElseThrow();
        assertEquals(OptionalLong.of(0x1d30), divide.instruction());
        assertEquals(OptionalLong.of(0x1f00), divide.threadEntry());
    }

    @Test
    void findsTheReportMarkerAlsoInATapComment() {
        assertTrue(GuestReport.find("# *** Illegal instruction (vector 4) at PC 0x00002000").isPresent());
        assertTrue(GuestReport.find("not ok 1 - divides # CHK (vector 6) at PC 0x00002000").isEmpty(),
                "a failed test's line repeats the headline of the report that follows it");
        assertTrue(GuestReport.find("*** Illegal instruction (vector 4) at PC 0x2000").isEmpty(),
                "the handler always prints eight digits");
        assertTrue(GuestReport.find("Zero divide (vector 5) at PC 0x00001d32").isEmpty(), "no report marker");
    }

    @Test
    void aTrapPointsAtTheOneWordInstructionBeforeItsPc() {
        GuestReport trap = GuestReport.find("*** TRAP #3 (vector 35) at PC 0x00001002").orElseThrow();
        assertEquals(0x1000, trap.faultAddress());
        GuestReport trap15 = GuestReport.find("*** TRAP #15 (vector 47) at PC 0x00001002").orElseThrow();
        assertEquals(0x1000, trap15.faultAddress());
    }

    @Test
    void faultsAndInterruptsPointAtTheirPc() {
        assertEquals(0x1000, GuestReport.find("*** Illegal instruction (vector 4) at PC 0x00001000")
                .orElseThrow().faultAddress());
        assertEquals(0x1000, GuestReport.find("*** Level 3 interrupt autovector (vector 27) at PC 0x00001000")
                .orElseThrow().faultAddress());
        assertEquals(0x1000, GuestReport.find("*** User interrupt vector (vector 48) at PC 0x00001000")
                .orElseThrow().faultAddress(), "vector 48 is past the TRAPs");
    }

    @Test
    void findsEveryReportOfATranscriptInOrder() {
        List<GuestReport> reports = GuestReport.findAll("""
                1..2
                not ok 1 - a # Line 1010 emulator (vector 10) at PC 0x00001010
                # *** Line 1010 emulator (vector 10) at PC 0x00001010
                #     SR 0x2700  USP 0x00000000  SSP 0x00005000
                ok 2 - b
                *** double fault (vector 2) at PC 0x00001020
                """);
        assertEquals(List.of(0x1010L, 0x1020L), reports.stream().map(GuestReport::pc).toList());
    }
}
