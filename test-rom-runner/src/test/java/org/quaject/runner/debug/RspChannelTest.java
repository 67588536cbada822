package org.quaject.runner.debug;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The framing of gdb's remote protocol: checksums, acknowledgements, Ctrl-C and escapes. */
class RspChannelTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private RspChannel channel(String received) {
        return new RspChannel(new ByteArrayInputStream(received.getBytes(ISO_8859_1)), sent);
    }

    @Test
    void aPacketIsItsDataAndATwoDigitChecksumOfItsBytes() {
        // The protocol manual's example: the sum of "g" is 0x67.
        assertEquals("$g#67", new String(RspChannel.frame("g"), ISO_8859_1));
        assertEquals("$OK#9a", new String(RspChannel.frame("OK"), ISO_8859_1));
        assertEquals("$#00", new String(RspChannel.frame(""), ISO_8859_1));
    }

    @Test
    void aGoodPacketIsAcknowledgedAndAcknowledgementsBeforeItAreSkipped() throws Exception {
        RspChannel channel = channel("++$m1000,4#8e");
        assertEquals(Optional.of("m1000,4"), channel.receive());
        assertEquals("+", sent.toString(ISO_8859_1));
    }

    @Test
    void aPacketWithAWrongChecksumIsRefusedAndTheResentOneTaken() throws Exception {
        RspChannel channel = channel("$g#00$g#67");
        assertEquals(Optional.of("g"), channel.receive());
        assertEquals("-+", sent.toString(ISO_8859_1));
    }

    @Test
    void aChecksumThatIsNotHexIsRefused() throws Exception {
        RspChannel channel = channel("$g#zz$g#67");
        assertEquals(Optional.of("g"), channel.receive());
        assertEquals("-+", sent.toString(ISO_8859_1));
    }

    @Test
    void theEndOfTheConnectionIsNoPacket() throws Exception {
        assertEquals(Optional.empty(), channel("+").receive());
    }

    @Test
    void aConnectionThatEndsInsideAPacketIsAnError() {
        assertThrows(EOFException.class, () -> channel("$m10").receive());
    }

    @Test
    void aSentPacketIsResentUntilGdbAcknowledgesIt() throws Exception {
        channel("-+").send("OK");
        assertEquals("$OK#9a$OK#9a", sent.toString(ISO_8859_1));
    }

    @Test
    void ctrlCIsSeenWhileRunningOnceAndBetweenPackets() throws Exception {
        RspChannel running = channel("\u0003");
        assertTrue(running.interruptRequested());
        assertFalse(running.interruptRequested());

        RspChannel waiting = channel("\u0003$c#63");
        assertEquals(Optional.of("c"), waiting.receive());
        assertTrue(waiting.interruptRequested(), "a Ctrl-C just before a packet is not lost");
    }

    @Test
    void ctrlCInPlaceOfAnAcknowledgementIsKept() throws Exception {
        RspChannel channel = channel("\u0003+");
        channel.send("S05");
        assertTrue(channel.interruptRequested());
    }

    @Test
    void escapedBytesOfBinaryDataAreRestored() {
        // '}' then the byte xor 0x20: "}]" is '}', "}\u0003" is '#'.
        assertArrayEquals(new byte[] {'a', '}', '#', 'b'}, RspChannel.unescape("a}]}\u0003b"));
    }
}
