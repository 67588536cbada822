package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.quaject.compiler.KernelSources;

/**
 * What {@code qj test} runs for its arguments: each file as it is, and for a
 * folder, the images in it ({@code .elf}, {@code .img}) and the {@code .qj}
 * files in it that declare a kernel (the others are libraries that kernels
 * import), in name order; not its subfolders.
 */
final class TestTargets {

    private TestTargets() {
    }

    /** The files to test; empty after saying on {@code err} that a folder holds none. */
    static List<Path> of(List<Path> arguments, PrintWriter err) {
        List<Path> targets = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                targets.add(argument);
                continue;
            }
            List<Path> found = inFolder(argument);
            if (found.isEmpty()) {
                err.println("qj: error: " + argument + " holds no kernel (.qj) and no image (.elf, .img)");
                return List.of();
            }
            targets.addAll(found);
        }
        return targets;
    }

    private static List<Path> inFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(TestTargets::isTestable).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTestable(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".elf") || name.endsWith(".img") || name.endsWith(".qj") && KernelSources.declaresKernel(file);
    }
}
