package org.quaject.runner.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsoleExcerptTest {

    @Test
    void outputIsFramed() {
        assertEquals("--- console output ---\na\nb\n--- end of console output ---", ConsoleExcerpt.of("a\nb\n"));
    }

    @Test
    void noOutputSaysSo() {
        assertEquals("--- no console output ---", ConsoleExcerpt.of(""));
    }

    @Test
    void anUnfinishedLineIsMarked() {
        assertEquals("--- console output ---\nlogin: \n--- (the last line has no newline yet)\n"
                + "--- end of console output ---", ConsoleExcerpt.of("login: "));
    }

    @Test
    void longOutputKeepsItsLastLines() {
        int lines = ConsoleExcerpt.MAX_LINES + 5;
        String output = IntStream.rangeClosed(1, lines).mapToObj(n -> "line " + n + "\n").collect(Collectors.joining());
        String excerpt = ConsoleExcerpt.of(output);
        assertTrue(excerpt.startsWith("--- console output, without its first 5 lines ---\nline 6\n"), excerpt);
        assertTrue(excerpt.endsWith("\nline " + lines + "\n--- end of console output ---"), excerpt);
    }
}
