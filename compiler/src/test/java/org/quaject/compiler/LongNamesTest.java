package org.quaject.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quaject.compiler.testing.QjSources;

/**
 * Names far longer than anyone writes still compile: names become work file
 * names (which file systems cut at 255 bytes) and tool arguments (which Linux
 * cuts at 128 KiB each).
 */
class LongNamesTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void aQuajectNameLongerThanAFileNameCompiles() throws IOException {
        String name = "Q" + "x".repeat(299);
        Compiler.Build build = sources.build("""
                quaject %s {
                    var count: long
                }
                kernel k {
                    instance %s: %s
                }
                """.formatted(name, "i" + "y".repeat(299), name));
        assertTrue(Files.size(build.elf()) > 0);
    }

    @Test
    void aCallentryNameLongerThanAnArgumentCompiles() throws IOException {
        String name = "f" + "x".repeat(99_999);
        Compiler.Build build = sources.build("""
                quaject Q {
                    callentry %s() {
                        rts
                    }
                }
                kernel k {
                    instance q: Q
                    main {
                        jsr     @q.%s
                    }
                }
                """.formatted(name, name));
        assertTrue(Files.size(build.elf()) > 0);
    }
}
