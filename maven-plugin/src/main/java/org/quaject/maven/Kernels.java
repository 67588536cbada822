package org.quaject.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.quaject.compiler.KernelSources;

/**
 * A project's kernels: the {@code .qj} files of its source directory that
 * declare a kernel, in name order; the others are libraries they import.
 * Each becomes the image {@code NAME.elf} (with .rom, .map, .img) in the image directory.
 */
final class Kernels {

    static final List<String> IMAGE_EXTENSIONS = List.of(".elf", ".rom", ".map", ".img");

    private Kernels() {
    }

    /** The kernel sources; none if the directory does not exist. */
    static List<Path> in(File sourceDirectory) throws MojoExecutionException {
        Path directory = sourceDirectory.toPath();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".qj"))
                    .filter(Files::isRegularFile)
                    .filter(KernelSources::declaresKernel)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the kernels in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** hello.qj: hello. */
    static String name(Path source) {
        return source.getFileName().toString().replaceFirst("\\.qj$", "");
    }

    /** The image files of a kernel, without extension: what qj build -o takes. */
    static Path imageBase(File imageDirectory, Path source) {
        return imageDirectory.toPath().resolve(name(source));
    }

    static Path image(File imageDirectory, Path source, String extension) {
        return imageDirectory.toPath().resolve(name(source) + extension);
    }
}
