package org.quaject.compiler.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quaject.compiler.testing.QjSources;

/** What the .map file says about the classes, for creating and linking instances at run time. */
class LinkMapTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    private static final String PROGRAM = """
            quaject Caller(bias: word = 0) {
                callentry run() {
                    jsr     @next
                    rts
                }
                callout next() inline 16 default {
                    rts
                }
            }
            quaject Step {
                var count: long = 0
                inline callentry bump() {
                    addq.l  #1,@count
                    rts
                }
            }
            kernel k {
                main {
                    rts
                }
            }
            """;

    @Test
    void listsEachClassesDescriptorStubInlineCallentriesAndCallSites() throws IOException {
        String map = Files.readString(sources.build(PROGRAM).map());
        assertContains(map, "\n    descriptor \\(@Caller\\) at 0x[0-9a-f]{8}, creation stub \\(@Caller.create\\) at 0x[0-9a-f]{8}\n");
        assertContains(map, "\n    \\+0x2 +32-bit absolute +callout next, a call site of 16 bytes\n");
        assertContains(map, "\n    inline callentry bump at \\+0x0, 8 bytes with its rts\n");
    }

    /** Built twice, in two work directories, the map is the same: it names files relative to the work directory. */
    @Test
    void isTheSameOnEveryBuild() throws IOException {
        String first = Files.readString(sources.build(PROGRAM).map());
        String second = Files.readString(sources.build(PROGRAM).map());
        assertEquals(first, second);
        assertFalse(first.contains(sources.dir().toString()), "the map names the work directory");
    }

    private static void assertContains(String map, String regex) {
        assertTrue(Pattern.compile(regex).matcher(map).find(), () -> "no match for " + regex + " in\n" + map);
    }
}
