package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Without binutils or QEMU on PATH, qj says which Debian package to install. */
class MissingToolsIT {

    @TempDir
    Path bin;

    @Test
    void buildNamesTheBinutilsPackage() throws Exception {
        Result result = runWithOnlyJavaOnPath("build", QjProcess.example("hello"), "-o", bin.resolve("hello"));
        assertEquals(1, result.exit(), result.stderr());
        assertTrue(result.stderr().contains("apt-get install binutils-m68k-linux-gnu"), result.stderr());
        assertTrue(Files.notExists(bin.resolve("hello.elf")));
    }

    @Test
    void runNamesTheQemuPackage() throws Exception {
        Path image = bin.resolve("hello");
        assertEquals(0, QjProcess.run("build", QjProcess.example("hello"), "-o", image).exitStatus());
        Result result = runWithOnlyJavaOnPath("run", image + ".elf", "--engine", "qemu");
        assertEquals(1, result.exit(), result.stderr());
        assertTrue(result.stderr().contains("qemu-system-misc"), result.stderr());
    }

    @Test
    void debugOnQemuNamesTheQemuPackageBeforeItWaitsForGdb() throws Exception {
        Path image = bin.resolve("hello");
        assertEquals(0, QjProcess.run("build", QjProcess.example("hello"), "-o", image).exitStatus());
        Result result = runWithOnlyJavaOnPath("debug", image + ".elf", "--engine", "qemu", "--port", "0");
        assertEquals(1, result.exit(), result.stderr());
        assertTrue(result.stderr().contains("apt-get install qemu-system-misc"), result.stderr());
        assertTrue(!result.stderr().contains("gdb-multiarch"), result.stderr());
    }

    @ParameterizedTest(name = "qj bench {0}")
    @ValueSource(strings = {"disk", "threads"})
    void aBenchOnQemuNamesTheQemuPackageAndTheWayWithoutItBeforeItDoesAnyWork(String bench) throws Exception {
        Result result = runWithOnlyJavaOnPath("bench", bench);
        assertEquals(1, result.exit(), result.stderr());
        assertTrue(result.stderr().contains("apt-get install qemu-system-misc"), result.stderr());
        assertTrue(result.stderr().contains("qj bench " + bench + " --engine runner"), result.stderr());
        assertTrue(!result.stderr().contains("building"), result.stderr());
    }

    record Result(int exit, String stderr) {
    }

    /** Runs bin/qj with a PATH holding only java and what the launcher script itself uses. */
    private Result runWithOnlyJavaOnPath(Object... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tools = Files.createDirectories(bin.resolve("path"));
        Files.createSymbolicLink(tools.resolve("java"), java);
        Files.createSymbolicLink(tools.resolve("dirname"), Path.of("/usr/bin/dirname"));
        String[] command = new String[args.length + 2];
        command[0] = "/bin/sh";
        command[1] = QjProcess.ROOT.resolve("bin/qj").toString();
        for (int i = 0; i < args.length; i++) {
            command[i + 2] = args[i].toString();
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", tools.toString());
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), stderr);
    }
}
