package org.quaject.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quaject.runner.cpu.Cpu;
import org.quaject.runner.cpu.Register;
import org.quaject.runner.cpu.UnicornCpu;

class RegisterReportTest {

    @Test
    void laysTheRegistersOutAsTheGuestHandlerDoes() {
        try (Cpu cpu = UnicornCpu.open()) {
            for (int n = 0; n < 8; n++) {
                cpu.set(Register.d(n), 0xd0 + n);
                cpu.set(Register.a(n), 0xa0 + n);
            }
            cpu.set(Register.SR, 0x2704);
            cpu.set(Register.USP, 0x5000);
            cpu.set(Register.ISP, 0x6000);
            cpu.set(Register.A7, 0x6000);
            assertEquals(List.of(
                    "    SR 0x2704  USP 0x00005000  SSP 0x00006000",
                    "    D0 0x000000d0  D1 0x000000d1  D2 0x000000d2  D3 0x000000d3",
                    "    D4 0x000000d4  D5 0x000000d5  D6 0x000000d6  D7 0x000000d7",
                    "    A0 0x000000a0  A1 0x000000a1  A2 0x000000a2  A3 0x000000a3",
                    "    A4 0x000000a4  A5 0x000000a5  A6 0x000000a6  A7 0x00006000"), RegisterReport.lines(cpu));
        }
    }

    @Test
    void theSupervisorStackIsTheMasterStackWhenSrSaysSo() {
        try (Cpu cpu = UnicornCpu.open()) {
            cpu.set(Register.ISP, 0x6000);
            cpu.set(Register.MSP, 0x7000);
            cpu.set(Register.SR, 0x3700);
            assertEquals("    SR 0x3700  USP 0x00000000  SSP 0x00007000", RegisterReport.lines(cpu).get(0));
        }
    }
}
