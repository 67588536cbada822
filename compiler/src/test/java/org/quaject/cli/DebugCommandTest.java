package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.compiler.testing.QjSources;

/** {@code qj debug}'s usage errors and failures before gdb connects, one by one, in-process. */
class DebugCommandTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void aMissingImageExitsOneSayingSo() {
        Path missing = sources.dir().resolve("missing.elf");
        QjCommandLine.Result result = QjCommandLine.run("debug", missing);
        assertAll(
                () -> assertEquals(1, result.status(), result::toString),
                () -> assertTrue(result.err().contains(missing + ": no such file"), result::toString),
                () -> assertFalse(result.showsAStackTrace(), result::toString));
    }

    @Test
    void aKernelWithErrorsExitsOneWithItsDiagnostics() {
        Path file = sources.write("bad.qj", QjCommandTest.BAD_KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("debug", file);
        assertEquals(1, result.status(), result::toString);
        assertEquals(List.of(file + ":2:17: error: unknown quaject 'Nope'"), result.err().lines().toList(),
                result::toString);
    }

    @ParameterizedTest(name = "--port {0}")
    @ValueSource(strings = {"-1", "65536", "http"})
    void aPortThatIsNoTcpPortIsAUsageError(String port) {
        Path file = sources.write("good.qj", QjCommandTest.GOOD_KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("debug", file, "--port", port);
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--port"), result::toString);
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        Path file = sources.write("good.qj", QjCommandTest.GOOD_KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("debug", file, "--engine", "bochs");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("runner, qemu"), result::toString);
    }

    @Test
    void aDiskImageIsAUsageErrorThatSaysWhatToDebugInstead() throws IOException {
        Path disk = Files.write(sources.dir().resolve("kernel.img"), new byte[512]);
        QjCommandLine.Result result = QjCommandLine.run("debug", disk);
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("not a disk image"), result::toString);
    }

    @Test
    void aPortInUseExitsOneNamingIt() throws IOException {
        Path file = sources.write("good.qj", QjCommandTest.GOOD_KERNEL);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            QjCommandLine.Result result = QjCommandLine.run("debug", file, "--port", taken.getLocalPort());
            assertAll(
                    () -> assertEquals(1, result.status(), result::toString),
                    () -> assertTrue(result.err().contains("cannot serve gdb on port " + taken.getLocalPort()),
                            result::toString),
                    () -> assertFalse(result.showsAStackTrace(), result::toString));
        }
    }
}
