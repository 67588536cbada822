package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device of a plug-in end to end (docs/devices.md, "A device of a plug-in:
 * virtio-rng"): the virtio-rng driver (lib/virtio-rng.qj) on the runner with
 * the model the project's plug-in jar provides, and on QEMU with QEMU's own
 * device; what goes wrong with plug-ins, each error naming what is wrong.
 */
class VirtioRngIT {

    /** The plug-in the build makes (devices/virtio-rng). */
    static final Path PLUGIN = QjProcess.ROOT.resolve("devices/virtio-rng/target/virtio-rng.jar");

    /** The tests of e2e/entropy.qj. */
    private static final int ENTROPY_TESTS = 9;

    private static final String SERVICE_FILE = "META-INF/services/org.quaject.runner.device.DeviceProvider";

    @Test
    void theEntropyTestsPassAlikeOnTheRunnerAndOnQemu() {
        assertTrue(Files.isRegularFile(PLUGIN), PLUGIN + " is missing: build it with mvn -o install");
        QjProcess.Result runner = QjProcess.run("test", QjProcess.fixture("entropy.qj"), "--engine", "runner",
                "--device-path", PLUGIN, "--device", "virtio-rng");
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().endsWith(ENTROPY_TESTS + " passed, 0 failed\n"), runner::toString);

        QjProcess.Result qemu = QjProcess.run("test", QjProcess.fixture("entropy.qj"), "--engine", "qemu",
                "--device", "virtio-rng");
        assertEquals(runner.stdout(), qemu.stdout(), "the same test output on both engines");
        assertEquals(runner.exitStatus(), qemu.exitStatus());

        QjProcess.Result qemuWithPlugin = QjProcess.run("test", QjProcess.fixture("entropy.qj"), "--engine", "qemu",
                "--device-path", PLUGIN, "--device", "virtio-rng");
        assertEquals(runner.stdout(), qemuWithPlugin.stdout(), "the plug-in's QEMU arguments make the same device");
    }

    /** The runner's bytes are seeded: the same run twice writes the same bytes. */
    @Test
    void theRunnersBytesAreTheSameEveryRun() {
        QjProcess.Result first = QjProcess.run("run", QjProcess.fixture("entropy-print.qj"),
                "--device-path", PLUGIN, "--device", "virtio-rng");
        QjProcess.Result second = QjProcess.run("run", QjProcess.fixture("entropy-print.qj"),
                "--device-path", PLUGIN, "--device", "virtio-rng");
        assertEquals(0, first.exitStatus(), first::toString);
        assertTrue(first.stdout().matches("(?s)[0-9a-f]{64}\n.*"), first::toString);
        assertEquals(first.stdout(), second.stdout());
        QjProcess.Result qemu = QjProcess.run("run", QjProcess.fixture("entropy-print.qj"), "--engine", "qemu",
                "--device", "virtio-rng");
        assertEquals(0, qemu.exitStatus(), qemu::toString);
        assertFalse(qemu.stdout().startsWith(first.stdout().substring(0, 64)), "QEMU's bytes are its own");
    }

    /** After a disk, the device is at transport 126 on both engines. */
    @Test
    void afterADiskTheDeviceTakesTheNextTransport(@TempDir Path dir) throws IOException {
        for (String engine : new String[] {"runner", "qemu"}) {
            Path disk = Files.write(dir.resolve(engine + ".img"), new byte[64 * 1024]);
            QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("entropy-after-disk.qj"),
                    "--engine", engine, "--disk", disk, "--device-path", PLUGIN, "--device", "virtio-rng");
            assertEquals(0, result.exitStatus(), engine + ": " + result);
            assertTrue(result.stdout().endsWith("2 passed, 0 failed\n"), engine + ": " + result);
        }
    }

    /** A kernel that asks for the device itself needs no --device: on QEMU nothing, on the runner the jar. */
    @Test
    void aKernelsOwnDeviceListPlacesTheDevice() {
        QjProcess.Result runner = QjProcess.run("test", QjProcess.fixture("entropy-declared.qj"),
                "--device-path", PLUGIN);
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().endsWith("1 passed, 0 failed\n"), runner::toString);
        QjProcess.Result qemu = QjProcess.run("test", QjProcess.fixture("entropy-declared.qj"), "--engine", "qemu");
        assertEquals(runner.stdout(), qemu.stdout());
        QjProcess.Result withoutPlugin = QjProcess.run("test", QjProcess.fixture("entropy-declared.qj"));
        assertEquals(1, withoutPlugin.exitStatus(), withoutPlugin::toString);
        assertTrue(withoutPlugin.stderr().startsWith("qj: error: unknown device type virtio-rng"),
                withoutPlugin::toString);
    }

    @Test
    void aJarThatIsNotThereIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jar");
        assertFails("device plug-in " + missing + ": no such file", "--device-path", missing, "--device",
                "virtio-rng");
    }

    @Test
    void aFileThatIsNotAJarIsNamed(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a jar\n");
        assertFails("device plug-in " + text + " is not a jar", "--device-path", text, "--device", "virtio-rng");
    }

    @Test
    void aJarWithoutAProviderIsNamed(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("empty.jar"), null);
        assertFails("device plug-in " + jar + " provides no device: it has no " + SERVICE_FILE,
                "--device-path", PLUGIN + ":" + jar, "--device", "virtio-rng");
    }

    @Test
    void aProviderClassThatCannotBeLoadedIsNamed(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("missing-class.jar"), "org.example.NoSuchProvider\n");
        assertFails("device plug-in " + jar + ": provider class org.example.NoSuchProvider cannot be loaded: the"
                + " jar has no such class", "--device-path", jar, "--device", "virtio-rng");
    }

    @Test
    void aProviderClassThatCannotBeInstantiatedIsNamed(@TempDir Path dir) throws IOException {
        // A provider of qj's own, whose only constructor takes an argument.
        Path jar = jar(dir.resolve("no-constructor.jar"), "org.quaject.runner.QemuVirtioDevice\n");
        assertFails("device plug-in " + jar + ": provider class org.quaject.runner.QemuVirtioDevice cannot be"
                + " instantiated: it needs a public constructor without arguments",
                "--device-path", jar, "--device", "virtio-rng");
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        assertFails("unknown device type virtio-gpu; the known types are:\n  virtio-rng  ",
                "--device-path", PLUGIN, "--device", "virtio-gpu");
        assertFails("unknown device type virtio-rng: no device types are known; give --device-path",
                "--device", "virtio-rng");
    }

    /**
     * The commands of the walk-through in docs/devices.md, run as printed:
     * each {@code $ bin/qj ...} line, whose output must end with the line
     * the document shows after it.
     */
    @Test
    void theDevicesGuidesCommandsRunAsPrinted() throws IOException {
        String doc = Files.readString(QjProcess.ROOT.resolve("docs/devices.md"));
        int start = doc.indexOf("## 6. A device of a plug-in: virtio-rng");
        assertTrue(start >= 0, "docs/devices.md has no virtio-rng walk-through");
        Matcher block = Pattern.compile("(?s)```\n(\\$ bin/qj .*?)```").matcher(doc.substring(start));
        int commands = 0;
        while (block.find()) {
            List<String> lines = Arrays.asList(block.group(1).split("\n"));
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("$ bin/qj ")) {
                    continue;
                }
                List<Object> args = new ArrayList<>(Arrays.asList(lines.get(i).substring("$ bin/qj ".length())
                        .split(" +")));
                int next = i + 1;
                while (next < lines.size() && !lines.get(next).startsWith("$ ")) {
                    next++;
                }
                String expectedLast = lines.get(next - 1);
                QjProcess.Result result = QjProcess.run(args.toArray());
                assertEquals(0, result.exitStatus(), lines.get(i) + "\n" + result);
                assertTrue(result.stdout().endsWith(expectedLast + "\n"), lines.get(i) + " does not end with "
                        + expectedLast + "\n" + result);
                commands++;
            }
        }
        assertTrue(commands >= 2, "the walk-through shows " + commands + " commands");
    }

    private static void assertFails(String message, Object... options) {
        List<Object> args = new ArrayList<>(List.of("run", QjProcess.fixture("entropy.qj")));
        args.addAll(List.of(options));
        QjProcess.Result result = QjProcess.run(args.toArray());
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stderr().startsWith("qj: error: " + message), "expected: qj: error: " + message
                + "\n" + result);
    }

    /** A jar with a manifest and, if {@code services} is there, that service file. */
    private static Path jar(Path file, String services) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            if (services != null) {
                jar.putNextEntry(new JarEntry(SERVICE_FILE));
                jar.write(services.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
