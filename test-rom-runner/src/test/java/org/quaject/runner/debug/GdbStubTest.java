package org.quaject.runner.debug;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the stub answers to each packet, against a target that records what it was asked. */
class GdbStubTest {

    /** A target of 18 registers numbered by value, 16 bytes of RAM at 0x1000, and scripted stops. */
    private static final class RecordingTarget implements DebugTarget {
        final int[] registers = new int[M68kTargetDescription.COUNT];
        final byte[] ram = new byte[16];
        final Set<Long> breakpoints = new HashSet<>();
        final List<String> runs = new ArrayList<>();
        TargetStop nextStop = TargetStop.signal(TargetStop.SIGTRAP);

        RecordingTarget() {
            for (int i = 0; i < registers.length; i++) {
                registers[i] = 0x11111111 * (i % 16) + i;
            }
        }

        @Override
        public int register(int number) {
            M68kTargetDescription.register(number);
            return registers[number];
        }

        @Override
        public void setRegister(int number, int value) {
            M68kTargetDescription.register(number);
            registers[number] = value;
        }

        @Override
        public Optional<byte[]> readMemory(long address, int length) {
            if (address < 0x1000 || address + length > 0x1000 + ram.length) {
                return Optional.empty();
            }
            byte[] bytes = new byte[length];
            System.arraycopy(ram, (int) (address - 0x1000), bytes, 0, length);
            return Optional.of(bytes);
        }

        @Override
        public boolean writeMemory(long address, byte[] bytes) {
            if (address < 0x1000 || address + bytes.length > 0x1000 + ram.length) {
                return false;
            }
            System.arraycopy(bytes, 0, ram, (int) (address - 0x1000), bytes.length);
            return true;
        }

        @Override
        public void insertBreakpoint(long address) {
            breakpoints.add(address);
        }

        @Override
        public void removeBreakpoint(long address) {
            breakpoints.remove(address);
        }

        @Override
        public TargetStop step() {
            runs.add("step");
            return nextStop;
        }

        @Override
        public TargetStop resume(Interruption interruption) {
            runs.add("resume");
            return nextStop;
        }

        @Override
        public TargetStop reverseStep() {
            runs.add("reverse step");
            return nextStop;
        }

        @Override
        public TargetStop reverseResume(Interruption interruption) {
            runs.add("reverse resume");
            return nextStop;
        }
    }

    private final RecordingTarget target = new RecordingTarget();
    private final StringWriter log = new StringWriter();

    private GdbStub stub(String received, ByteArrayOutputStream sent) {
        RspChannel channel = new RspChannel(new ByteArrayInputStream(received.getBytes(ISO_8859_1)), sent);
        return new GdbStub(channel, target, new PrintWriter(log, true));
    }

    private String answer(String request) throws Exception {
        return stub("", new ByteArrayOutputStream()).answer(request);
    }

    @Test
    void supportsTheTargetDescriptionAndReverseExecution() throws Exception {
        String features = answer("qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+");
        assertTrue(features.contains("PacketSize=4000"), features);
        assertTrue(features.contains("qXfer:features:read+"), features);
        assertTrue(features.contains("ReverseStep+;ReverseContinue+"), features);
    }

    @Test
    void theTargetDescriptionComesInChunksAndNamesGdbsM68kCoreRegisters() throws Exception {
        StringBuilder xml = new StringBuilder();
        String chunk;
        int offset = 0;
        do {
            chunk = answer("qXfer:features:read:target.xml:" + Integer.toHexString(offset) + ",40");
            xml.append(chunk.substring(1));
            offset += chunk.length() - 1;
        } while (chunk.startsWith("m"));
        assertEquals("l", chunk.substring(0, 1));
        assertEquals(M68kTargetDescription.XML, xml.toString());
        assertTrue(xml.toString().contains("<feature name=\"org.gnu.gdb.m68k.core\">"), xml.toString());
        assertTrue(xml.toString().contains("<reg name=\"ps\" bitsize=\"32\" regnum=\"16\"/>"), xml.toString());
        assertTrue(xml.toString().contains("<reg name=\"pc\" bitsize=\"32\" regnum=\"17\" type=\"code_ptr\"/>"),
                xml.toString());
        assertEquals("E00", answer("qXfer:features:read:other.xml:0,40"));
    }

    @Test
    void registersAreReadAndWrittenBigEndianInGdbsOrder() throws Exception {
        String all = answer("g");
        assertEquals(M68kTargetDescription.COUNT * 8, all.length());
        assertEquals("00000000", all.substring(0, 8));
        assertEquals("11111112", all.substring(8, 16));
        assertEquals("11111122", answer("p11"));
        assertEquals("OK", answer("P11=00001234"));
        assertEquals(0x1234, target.registers[17]);
        assertEquals("OK", answer("G" + "0000000a".repeat(M68kTargetDescription.COUNT)));
        assertEquals(10, target.registers[0]);
        assertEquals(10, target.registers[17]);
        assertEquals("E01", answer("p12"), "there is no register 18");
        assertEquals("E01", answer("G00"), "G needs every register");
    }

    @Test
    void memoryIsReadAndWrittenInHexAndBinaryAndOnlyInRam() throws Exception {
        assertEquals("OK", answer("M1002,2:abcd"));
        assertEquals("0000abcd", answer("m1000,4"));
        assertEquals("OK", answer("X1004,2:}]#".replace("#", "}\u0003")));
        assertEquals("7d23", answer("m1004,2"));
        assertEquals("E01", answer("m2000,4"));
        assertEquals("E01", answer("M2000,1:00"));
        assertEquals("E01", answer("M1000,2:00"), "the data is shorter than its length");
        assertEquals("OK", answer("X1000,0:"), "gdb probes for X with an empty write");
    }

    @Test
    void softwareAndHardwareBreakpointsAreKeptByTheTargetAndWatchpointsAreNotSupported() throws Exception {
        assertEquals("OK", answer("Z0,23a8,2"));
        assertEquals("OK", answer("Z1,1412,2"));
        assertEquals(Set.of(0x23a8L, 0x1412L), target.breakpoints);
        assertEquals("OK", answer("z0,23a8,2"));
        assertEquals(Set.of(0x1412L), target.breakpoints);
        assertEquals("", answer("Z2,1000,4"));
    }

    @Test
    void runsEndInStopReplies() throws Exception {
        assertEquals("vCont;c;C;s;S", answer("vCont?"));
        assertEquals("T05", answer("vCont;s:1;c"));
        assertEquals("T05", answer("vCont;c"));
        assertEquals("T05", answer("s"));
        assertEquals("T05", answer("c"));
        assertEquals("T05", answer("bs"));
        target.nextStop = TargetStop.atBoot();
        assertEquals("T05replaylog:begin;", answer("bc"));
        assertEquals(List.of("step", "resume", "step", "resume", "reverse step", "reverse resume"), target.runs);
    }

    @Test
    void theLastStopIsRepeatedByTheQuestionMark() throws Exception {
        GdbStub stub = stub("", new ByteArrayOutputStream());
        assertEquals("T05", stub.answer("?"));
        target.nextStop = TargetStop.signal(TargetStop.SIGSEGV);
        stub.answer("c");
        assertEquals("T0b", stub.answer("?"));
    }

    @Test
    void thereIsOneThreadAlreadyRunning() throws Exception {
        assertEquals("1", answer("qAttached"));
        assertEquals("QC1", answer("qC"));
        assertEquals("m1", answer("qfThreadInfo"));
        assertEquals("l", answer("qsThreadInfo"));
        assertEquals("OK", answer("Hg0"));
        assertEquals("OK", answer("T1"));
    }

    @Test
    void unknownPacketsGetTheEmptyReplyAndBadArgumentsAnError() throws Exception {
        assertEquals("", answer("vMustReplyEmpty"));
        assertEquals("", answer("qTStatus"));
        assertEquals("E01", answer("mzz,4"));
        assertEquals("E01", answer("m1000"));
    }

    @Test
    void theGuestsEndIsSentAsItsExitStatusAndEndsTheSession() throws Exception {
        target.nextStop = TargetStop.exited(5);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        Optional<TargetStop> end = stub("$c#63+$g#67", sent).serve();
        assertEquals(Optional.of(TargetStop.exited(5)), end);
        assertEquals("+$W05#bc", sent.toString(ISO_8859_1), "the g after the end is not read");
    }

    @Test
    void killAndDetachEndTheSession() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        assertEquals(Optional.empty(), stub("$D#44+", sent).serve());
        assertEquals("+$OK#9a", sent.toString(ISO_8859_1));
        assertTrue(log.toString().contains("gdb detached"), log.toString());
        assertEquals(Optional.empty(), stub("$k#6b", new ByteArrayOutputStream()).serve());
        assertTrue(log.toString().contains("gdb killed the target"), log.toString());
    }
}
