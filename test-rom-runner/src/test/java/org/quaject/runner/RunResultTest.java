package org.quaject.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RunResultTest {
    @Test
    void processExitCodeIsTheStatusLineValueWhenThereIsOne() {
        for (Outcome outcome : Outcome.values()) {
            assertEquals(5, result(outcome, OptionalInt.of(5)).processExitCode());
        }
    }

    @Test
    void processExitCodeWithoutStatusLineFollowsTheOutcome() {
        assertEquals(0, result(Outcome.HALT, OptionalInt.empty()).processExitCode());
        assertEquals(3, result(Outcome.PANIC, OptionalInt.empty()).processExitCode());
        assertEquals(3, result(Outcome.TIMEOUT, OptionalInt.empty()).processExitCode());
    }

    @Test
    void transcriptCannotBeChangedFromOutside() {
        byte[] bytes = {1, 2};
        RunResult result = new RunResult(Outcome.HALT, OptionalInt.empty(), bytes, "");
        bytes[0] = 9;
        result.transcript()[1] = 9;
        assertEquals(1, result.transcript()[0]);
        assertEquals(2, result.transcript()[1]);
    }

    @Test
    void requestsNeedRamInWholeQemuGranulesAndAPositiveTimeout() {
        Path image = Path.of("image.elf");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new RunRequest(image, 0, false, null, out, second));
        assertThrows(IllegalArgumentException.class, () -> new RunRequest(image, 100 * 1024, false, null, out, second));
        assertThrows(IllegalArgumentException.class, () -> new RunRequest(image, 8192, false, null, out, Duration.ZERO));
        assertEquals(8192, new RunRequest(image, 8192, false, null, out, second).ramBytes());
    }

    private static RunResult result(Outcome outcome, OptionalInt status) {
        return new RunResult(outcome, status, new byte[0], "");
    }
}
