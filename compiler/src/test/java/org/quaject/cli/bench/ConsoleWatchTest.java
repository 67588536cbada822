package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleWatchTest {

    @Test
    void notesTheInstructionCountAtTheFirstByteOfEachLine() {
        AtomicLong instructions = new AtomicLong();
        ConsoleWatch watch = new ConsoleWatch(System.nanoTime());
        watch.countInstructionsWith(instructions::get);
        for (String part : List.of("ab", "c\n", "\n", "de\nf")) {
            instructions.addAndGet(10);
            watch.write(part.getBytes(StandardCharsets.US_ASCII), 0, part.length());
        }
        assertEquals("abc\n\nde\nf", watch.text());
        List<OptionalLong> counts = watch.lineStarts().stream().map(ConsoleWatch.LineStart::instructions).toList();
        // "ab" starts a line at 10; "\n" at 30 starts the empty line; "de" at 40, then "f" in the same write.
        assertEquals(List.of(OptionalLong.of(10), OptionalLong.of(30), OptionalLong.of(40), OptionalLong.of(40)),
                counts);
    }

    @Test
    void withoutACounterLinesHaveOnlyTheirTimesInOrder() {
        long start = System.nanoTime();
        ConsoleWatch watch = new ConsoleWatch(start);
        watch.write('x');
        watch.write('\n');
        watch.write('y');
        List<ConsoleWatch.LineStart> lines = watch.lineStarts();
        assertEquals(2, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.instructions().isEmpty()));
        assertTrue(lines.get(0).nanos() >= 0 && lines.get(1).nanos() >= lines.get(0).nanos(), lines::toString);
        assertTrue(lines.get(1).nanos() <= System.nanoTime() - start, lines::toString);
    }
}
