package org.quaject.compiler.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The boot code, runtime and library that ship inside the compiler (from
 * {@code boot/} and {@code runtime-m68k/}), copied out so binutils can read them.
 * Works both from a jar and from a class directory during development.
 */
public final class BundledFiles {

    private BundledFiles() {
    }

    /**
     * Copies the files directly in a bundled folder whose names end in one of the
     * suffixes into {@code target}, and returns the copies in name order.
     *
     * @param folder e.g. {@code qj/boot}
     */
    public static List<Path> extract(String folder, Path target, String... suffixes) {
        List<String> names = list(folder).stream()
                .filter(n -> Stream.of(suffixes).anyMatch(n::endsWith))
                .sorted()
                .toList();
        List<Path> copies = new ArrayList<>();
        for (String name : names) {
            Path copy = target.resolve(name);
            try (InputStream in = BundledFiles.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled file " + folder + "/" + name + " vanished");
                }
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copies.add(copy);
        }
        return copies;
    }

    /** The names of the files directly in a bundled folder. */
    static List<String> list(String folder) {
        URL url = BundledFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("the compiler was built without " + folder);
        }
        try {
            if (url.getProtocol().equals("jar")) {
                return listJar(((JarURLConnection) url.openConnection()).getJarFile(), folder + "/");
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> listJar(JarFile jar, String prefix) {
        List<String> names = new ArrayList<>();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith(prefix) && name.length() > prefix.length() && name.indexOf('/', prefix.length()) < 0) {
                names.add(name.substring(prefix.length()));
            }
        }
        return names;
    }
}
