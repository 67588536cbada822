package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.testing.QjCommandLine;

/** The {@code qj bench} command line, run in-process: help and usage errors (the runs are in BenchIT). */
class BenchCommandTest {

    static Stream<Arguments> helpRequests() {
        return Stream.of(
                Arguments.of(List.of("bench", "--help"), List.of("runner", "buffers", "help")),
                Arguments.of(List.of("bench", "buffers", "--help"), List.of("Massalin", "Table 3.1")),
                Arguments.of(List.of("bench", "runner", "--help"), List.of("--repetitions", "--engine", "--quick")),
                Arguments.of(List.of("bench", "help", "runner"), List.of("--repetitions", "--engine", "--quick")));
    }

    @ParameterizedTest(name = "qj {0}")
    @MethodSource("helpRequests")
    void helpExitsZeroAndListsTheOptions(List<String> args, List<String> mentioned) {
        QjCommandLine.Result result = QjCommandLine.run(args.toArray());
        assertEquals(0, result.status(), result::toString);
        for (String word : mentioned) {
            assertTrue(result.out().contains(word), () -> "help does not mention " + word + ":\n" + result.out());
        }
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("bench"), "missing command: runner or buffers"),
                Arguments.of(List.of("bench", "runner", "--repetitions", "0"), "--repetitions must be at least 1, not 0"),
                Arguments.of(List.of("bench", "runner", "--repetitions", "many"), "'many' is not an int"),
                Arguments.of(List.of("bench", "runner", "--engine", "bochs"), "Invalid value for option '--engine'"),
                Arguments.of(List.of("bench", "runner", "extra"), "Unmatched argument"),
                Arguments.of(List.of("bench", "qemu"), "Unmatched argument"));
    }

    @ParameterizedTest(name = "qj {0}")
    @MethodSource("usageErrors")
    void aBadCommandLineIsAUsageErrorThatSaysWhy(List<String> args, String why) {
        QjCommandLine.Result result = QjCommandLine.run(args.toArray());
        assertAll(
                () -> assertEquals(2, result.status(), result::toString),
                () -> assertEquals("", result.out(), result::toString),
                () -> assertTrue(result.err().contains(why), result::toString),
                () -> assertTrue(result.err().contains("Usage: qj bench"), result::toString));
    }
}
