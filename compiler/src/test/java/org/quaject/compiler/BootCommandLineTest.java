package org.quaject.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.compiler.testing.QjSources;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.machine.Machine;

/**
 * How a compiled image reads its boot command line (runtime-m68k/bootinfo.s):
 * the word {@code qj.test} boots the harness instead of main, and in test mode
 * {@code qj.only=N} makes the harness run test N alone, numbered 1 in the TAP.
 */
class BootCommandLineTest {

    static final String KERNEL = """
            import "goldfish-tty"

            kernel k {
                board virt68030
                ram 4M
                instance console: GoldfishTty at 0xff008000

                main {
                    lea     main_text,a0
                    jsr     qj_puts
                    moveq   #0,d0
                    rts
                    .section .rodata
            main_text:
                    .asciz  "main ran\\n"
                    .text
                }

                test "first" {
                    pass
                }

                test "second" {
                    pass
                }
            }
            """;

    /** Far more than either path of the kernel needs, so that every case ends on its own. */
    private static final long BUDGET = 10_000_000;

    @RegisterExtension
    final QjSources sources = new QjSources();

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "''                            | main ran",
            "qj.test                       | 1..2\\nok 1 - first\\nok 2 - second\\n",
            "console=ttyS0  qj.test quiet  | 1..2\\nok 1 - first\\nok 2 - second\\n",
            "qj.testing                    | main ran",
            "xqj.test                      | main ran",
            "qj.only=2                     | main ran",
            "qj.test qj.only=1             | 1..1\\nok 1 - first\\n",
            "qj.only=2 qj.test             | 1..1\\nok 1 - second\\n",
            "qj.test qj.only=0002          | 1..1\\nok 1 - second\\n",
            "qj.test qj.only=3             | Bail out! no test 3: the image has 2 tests\\n",
            "qj.test qj.only=0             | Bail out! no test 4294967295: the image has 2 tests\\n",
            "qj.test qj.only=              | Bail out! no test 4294967295: the image has 2 tests\\n",
            "qj.test qj.only=2x            | Bail out! no test 4294967295: the image has 2 tests\\n",
            "qj.test qj.only=-1            | Bail out! no test 4294967295: the image has 2 tests\\n",
            "qj.test qj.only=1234567890    | Bail out! no test 4294967295: the image has 2 tests\\n"})
    void theCommandLineChoosesWhatRuns(String commandLine, String expectedStart) throws Exception {
        String console = boot(build(), commandLine.strip());
        String expected = expectedStart.replace("\\n", "\n");
        assertTrue(console.startsWith(expected), () -> "'" + commandLine + "' printed:\n" + console);
        assertEquals(expected.startsWith("main"), console.contains("main ran"), console);
    }

    private static String boot(Path image, String commandLine) throws IOException, ElfFormatException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Machine.boot(ElfFile.read(image), 4 * 1024 * 1024, commandLine, console,
                Optional.empty(), Optional.empty(), List.of())) {
            machine.run(BUDGET, Long.MAX_VALUE, () -> { });
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    private Path build() {
        Path file = sources.write("boot.qj", KERNEL);
        QjCommandLine.Result built = QjCommandLine.run("build", file, "-o", sources.dir().resolve("boot"));
        assertEquals(0, built.status(), built::toString);
        return sources.dir().resolve("boot.elf");
    }
}
