package org.quaject.runner;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConsoleProtocolTest {
    private static final String TAP_RUN = "booting\n1..1\nok 1 - boots\n# qj-exit-ish\n";

    @Test
    void statusLineIsHeldBackAndParsed() throws IOException {
        assertFiltered(TAP_RUN + "# qj-exit: 12\n", TAP_RUN, OptionalInt.of(12));
    }

    @Test
    void statusLineWithCarriageReturnOrWithoutNewlineCounts() throws IOException {
        assertFiltered("done\r\n# qj-exit: 0\r\n", "done\r\n", OptionalInt.of(0));
        assertFiltered("done\n# qj-exit: 255", "done\n", OptionalInt.of(255));
    }

    @Test
    void linesThatMerelyStartLikeTheStatusLinePassThrough() throws IOException {
        for (String line : List.of("# qj-exit: 7 apples", "# qj-exit: ", "# qj-exit: 256", "# qj-exit: 1000",
                "# qj-exit: -1", "# qj-exits: 1", " # qj-exit: 1", "# qj-exit: 1\rx", "# qj-")) {
            assertFiltered(line + "\n", line + "\n", OptionalInt.empty());
            assertFiltered("x\n" + line, "x\n" + line, OptionalInt.empty());
        }
    }

    @Test
    void statusLineFollowedByMoreOutputWasNotTheStatusLine() throws IOException {
        String output = "# qj-exit: 1\nstill running\n";
        assertFiltered(output, output, OptionalInt.empty());
        assertFiltered("# qj-exit: 1\n# qj-exit: 2\n", "# qj-exit: 1\n", OptionalInt.of(2));
    }

    @Test
    void everySplitOfTheOutputGivesTheSameResult() throws IOException {
        String output = "a\n# qj-exit: 9 x\n\n# qj-exit: 9\n# qj-exit: 42\r\n";
        String expected = "a\n# qj-exit: 9 x\n\n# qj-exit: 9\n";
        byte[] bytes = output.getBytes(ISO_8859_1);
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                Run run = new Run();
                run.console.write(bytes, 0, first);
                run.console.write(bytes, first, second - first);
                run.console.write(bytes, second, bytes.length - second);
                run.console.close();
                assertEquals(expected, run.sinkText(), "split at " + first + ", " + second);
                assertEquals(OptionalInt.of(42), run.console.exitStatus());
            }
        }
        Run byteByByte = new Run();
        for (byte b : bytes) {
            byteByByte.console.write(b);
        }
        byteByByte.console.close();
        assertEquals(expected, byteByByte.sinkText());
    }

    @Test
    void outputReachesTheSinkAsSoonAsItCannotBeTheStatusLine() throws IOException {
        Run run = new Run();
        run.console.write("hello\n# qj-".getBytes(ISO_8859_1));
        assertEquals("hello\n", run.sinkText());
        run.console.write("exit; partial".getBytes(ISO_8859_1));
        assertEquals("hello\n# qj-exit; partial", run.sinkText());
    }

    @Test
    void transcriptKeepsEverythingIncludingTheStatusLine() throws IOException {
        Run run = new Run();
        String output = TAP_RUN + "# qj-exit: 3\n";
        run.console.write(output.getBytes(ISO_8859_1));
        run.console.close();
        assertEquals(output, new String(run.console.transcript(), ISO_8859_1));
    }

    private static void assertFiltered(String output, String expectedSink, OptionalInt expectedStatus)
            throws IOException {
        Run run = new Run();
        run.console.write(output.getBytes(ISO_8859_1));
        run.console.close();
        assertEquals(expectedSink, run.sinkText(), "sink for " + output);
        assertEquals(expectedStatus, run.console.exitStatus(), "status for " + output);
    }

    private static final class Run {
        final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        final ConsoleProtocol console = new ConsoleProtocol(sink);

        String sinkText() {
            return sink.toString(ISO_8859_1);
        }
    }
}
