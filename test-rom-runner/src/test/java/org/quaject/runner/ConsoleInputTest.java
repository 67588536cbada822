package org.quaject.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleInputTest {

    @Test
    void whatTheStreamHoldsAtTheStartIsReadyAndTheRestArrivesInOrder() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stream = new PipedInputStream(keyboard);
        keyboard.write("ab".getBytes(StandardCharsets.US_ASCII));
        ConsoleInput input = ConsoleInput.start(stream, "console input test");
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), input.ready());

        keyboard.write("cd".getBytes(StandardCharsets.US_ASCII));
        keyboard.write("e".getBytes(StandardCharsets.US_ASCII));
        keyboard.close();
        ByteArrayOutputStream typed = new ByteArrayOutputStream();
        // The reader thread delivers in its own time; the wall clock only bounds the wait.
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (typed.size() < 3 && Instant.now().isBefore(giveUp)) {
            input.takeArrived(typed::writeBytes);
            Thread.sleep(1);
        }
        assertEquals("cde", typed.toString(StandardCharsets.US_ASCII));
    }
}
