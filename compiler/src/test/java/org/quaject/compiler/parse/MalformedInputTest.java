package org.quaject.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quaject.compiler.testing.QjSources.error;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.compiler.testing.QjSources;

/**
 * Whatever bytes it is given, the compiler answers with diagnostics: a file that is
 * not text gets one clear error, and text that is not .qj gets syntax errors, never
 * an exception other than {@link org.quaject.compiler.diag.CompilationFailed}.
 */
class MalformedInputTest {

    /** Every line qj prints for a rejected file: a diagnostic about it, or the note that some were left out. */
    private static final Pattern DIAGNOSTIC_LINE = Pattern.compile(
            "main\\.qj:\\d+:\\d+: error: \\S.*|qj: error: too many errors \\(\\d+\\); only the first \\d+ are shown");

    @RegisterExtension
    final QjSources sources = new QjSources();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    /** Random bytes, NULs and invalid UTF-8 sequences included. */
    static byte[] randomBytes(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Random ASCII: valid UTF-8, with NULs and other control characters. */
    static byte[] randomAscii(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(0x80);
        }
        return bytes;
    }

    /** Valid UTF-8 text of random characters: .qj punctuation, printable ASCII, other scripts of and beyond the BMP. */
    static byte[] randomText(long seed) {
        Random random = new Random(seed);
        String alphabet = " \n\t{}()[]:.,=@\"-_/*0123456789abcxyz";
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(2000);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> text.append((char) (' ' + random.nextInt(95)));
                case 2 -> text.append((char) (0xa0 + random.nextInt(Character.MIN_SURROGATE - 0xa0)));
                default -> text.appendCodePoint(Character.MIN_SUPPLEMENTARY_CODE_POINT + random.nextInt(0x20000));
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesGetCleanDiagnostics(long seed) {
        assertCleanDiagnostics(sources.errorsOf(sources.write(QjSources.MAIN, randomBytes(seed))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomAsciiGetsCleanDiagnostics(long seed) {
        assertCleanDiagnostics(sources.errorsOf(sources.write(QjSources.MAIN, randomAscii(seed))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTextGetsCleanDiagnostics(long seed) {
        assertCleanDiagnostics(sources.errorsOf(sources.write(QjSources.MAIN, randomText(seed))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void qjBuildOnRandomBytesExitsOneWithoutAStackTrace(long seed) {
        byte[] bytes = switch ((int) (seed % 3)) {
            case 0 -> randomBytes(seed);
            case 1 -> randomAscii(seed);
            default -> randomText(seed);
        };
        Path file = sources.write(QjSources.MAIN, bytes);
        QjCommandLine.Result result = QjCommandLine.run("build", file, "-o", sources.dir().resolve("out"));
        assertAll(
                () -> assertEquals(1, result.status(), result::toString),
                () -> assertFalse(result.showsAStackTrace(), result::toString),
                () -> assertCleanDiagnostics(sources.withoutDirectory(result.err()).lines().toList()));
    }

    @Test
    void aFileThatIsNotUtf8IsReportedOnce() {
        byte[] latin1 = """
                kernel k {
                    test "caf\u00e9" {
                        pass
                    }
                }
                """.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of(error(1, 1, "not a text file: it is not valid UTF-8")),
                sources.errorsOf(sources.write(QjSources.MAIN, latin1)));
    }

    @Test
    void aFileWithANulByteIsReportedAtTheNul() {
        byte[] withNul = "kernel k {\n    ram 4M\0\n}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(error(2, 11, "not a text file: it contains a NUL byte")),
                sources.errorsOf(sources.write(QjSources.MAIN, withNul)));
    }

    private static void assertCleanDiagnostics(List<String> lines) {
        assertFalse(lines.isEmpty(), "a rejected file needs at least one diagnostic");
        for (String line : lines) {
            assertTrue(DIAGNOSTIC_LINE.matcher(line).matches(), () -> "not a diagnostic: " + line + "\nin " + lines);
        }
    }
}
