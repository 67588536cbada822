package org.quaject.runner.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicePluginsTest {
    @TempDir
    Path dir;

    @Test
    void aJarsProvidersAreFoundByType() throws Exception {
        DevicePlugins plugins = DevicePlugins.load(List.of(jar("scratch.jar", TestProviders.Scratch.class.getName())));
        assertEquals(List.of("scratch"), plugins.types());
        assertEquals("scratch", plugins.require("scratch").type());
        assertTrue(plugins.find("other").isEmpty());
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() throws Exception {
        DevicePlugins plugins = DevicePlugins.load(List.of(jar("scratch.jar", TestProviders.Scratch.class.getName())));
        assertEquals("unknown device type virtio-gpu; the known types are:\n  scratch  a scratch register",
                message(() -> plugins.require("virtio-gpu")));
        assertTrue(message(() -> DevicePlugins.none().require("scratch"))
                .startsWith("unknown device type scratch: no device types are known"));
    }

    @Test
    void aMissingFileADirectoryAndAFileThatIsNoJarAreNamed() throws Exception {
        Path missing = dir.resolve("missing.jar");
        assertEquals("device plug-in " + missing + ": no such file", message(() -> DevicePlugins.load(List.of(missing))));
        assertEquals("device plug-in " + dir + " is a directory, not a jar",
                message(() -> DevicePlugins.load(List.of(dir))));
        Path text = Files.writeString(dir.resolve("text.jar"), "hello");
        assertTrue(message(() -> DevicePlugins.load(List.of(text))).startsWith("device plug-in " + text
                + " is not a jar: "));
    }

    @Test
    void aJarWithoutProvidersIsNamed() throws Exception {
        Path empty = jar("empty.jar", null);
        Path comments = jar("comments.jar", "# nothing here\n\n");
        assertTrue(message(() -> DevicePlugins.load(List.of(empty))).startsWith("device plug-in " + empty
                + " provides no device"));
        assertTrue(message(() -> DevicePlugins.load(List.of(comments))).startsWith("device plug-in " + comments
                + " provides no device"));
    }

    @Test
    void providersThatCannotBeLoadedOrInstantiatedAreNamed() throws Exception {
        Path missing = jar("missing.jar", "org.example.Missing");
        assertEquals("device plug-in " + missing + ": provider class org.example.Missing cannot be loaded: the jar"
                + " has no such class", message(() -> DevicePlugins.load(List.of(missing))));
        Path notOne = jar("not-one.jar", TestProviders.NotAProvider.class.getName());
        assertEquals("device plug-in " + notOne + ": provider class " + TestProviders.NotAProvider.class.getName()
                + " cannot be loaded: it does not implement org.quaject.runner.device.DeviceProvider",
                message(() -> DevicePlugins.load(List.of(notOne))));
        Path throwing = jar("throwing.jar", TestProviders.Throwing.class.getName());
        String thrown = message(() -> DevicePlugins.load(List.of(throwing)));
        assertTrue(thrown.startsWith("device plug-in " + throwing + ": provider class "
                + TestProviders.Throwing.class.getName() + " cannot be instantiated: "), thrown);
        assertTrue(thrown.contains("no entropy today"), thrown);
    }

    @Test
    void aTypeProvidedTwiceIsRefused() throws Exception {
        Path one = jar("one.jar", TestProviders.Scratch.class.getName());
        Path two = jar("two.jar", TestProviders.Scratch.class.getName());
        // One class loader over both: the same class, listed twice, is loaded once.
        assertEquals(List.of("scratch"), DevicePlugins.load(List.of(one, two)).types());
        Path other = jar("other.jar", TestProviders.Other.class.getName());
        assertTrue(message(() -> DevicePlugins.load(List.of(one, other)))
                .startsWith("device type scratch is provided twice"));
    }

    private interface Load {
        void run() throws DevicePluginException;
    }

    private static String message(Load load) {
        return assertThrows(DevicePluginException.class, load::run).getMessage();
    }

    /** A jar holding the service file {@code services}, if there. */
    private Path jar(String name, String services) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("README"));
            jar.write("a test plug-in".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            if (services != null) {
                jar.putNextEntry(new JarEntry(DevicePlugins.SERVICE_FILE));
                jar.write((services + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
