package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.quaject.compiler.Compiler;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.ImageInfo;

/**
 * The image a command runs: an ELF image as given, or one compiled on the spot
 * from a .qj file into the command's workspace.
 */
final class ImageArgument {

    /** An image ready to boot, with what booting it needs to know. */
    record Image(Path elf, ImageInfo info) {
    }

    private ImageArgument() {
    }

    /** The image, or empty after saying on {@code err} what was wrong. */
    static Optional<Image> load(Path argument, Workspace workspace, boolean verbose, PrintWriter err) {
        Optional<Path> elf = argument.getFileName().toString().endsWith(".qj")
                ? CompileStep.compile(argument, workspace, verbose, err).map(Compiler.Build::elf)
                : Optional.of(argument);
        if (elf.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Image(elf.get(), ImageInfo.read(elf.get())));
        } catch (NoSuchFileException e) {
            err.println("qj: error: " + argument + ": no such file");
        } catch (IOException e) {
            err.println("qj: error: cannot read " + argument + ": " + e.getMessage());
        } catch (ElfFormatException e) {
            err.println("qj: error: " + argument + " is not an image for the virt68030 board: " + e.getMessage());
        }
        return Optional.empty();
    }
}
