package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.DiskImage;
import org.quaject.compiler.link.BootLoader;
import org.quaject.compiler.model.Board;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.ImageInfo;

/**
 * The image a command runs: an ELF image as given, one compiled on the spot
 * from a .qj file into the command's workspace, or a disk image, which the
 * board boots through the boot loader with the disk attached.
 */
final class ImageArgument {

    /**
     * An image ready to boot, with what booting it needs to know.
     *
     * @param elf  what the board boots: the image, or for a disk image the boot loader
     * @param disk the disk image, attached as the board's first disk
     */
    record Image(Path elf, ImageInfo info, Optional<Path> disk) {

        /** The ELF whose symbols name the code the guest ran, if the command has it. */
        Optional<Path> symbols() {
            return disk.isEmpty() ? Optional.of(elf) : Optional.empty();
        }
    }

    /** What the board gets for a disk image whose header it cannot read: the language's default RAM. */
    private static final long UNREADABLE_IMAGE_RAM = Board.DEFAULT_RAM;

    private ImageArgument() {
    }

    /** The image, or empty after saying on {@code err} what was wrong. */
    static Optional<Image> load(Path argument, Workspace workspace, boolean verbose, PrintWriter err) {
        if (argument.getFileName().toString().endsWith(".img")) {
            return diskImage(argument, workspace, err);
        }
        Optional<Path> elf = argument.getFileName().toString().endsWith(".qj")
                ? CompileStep.compile(argument, workspace, verbose, err).map(Compiler.Build::elf)
                : Optional.of(argument);
        if (elf.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Image(elf.get(), ImageInfo.read(elf.get()), Optional.empty()));
        } catch (NoSuchFileException e) {
            err.println("qj: error: " + argument + ": no such file");
        } catch (IOException e) {
            err.println("qj: error: cannot read " + argument + ": " + e.getMessage());
        } catch (ElfFormatException e) {
            err.println("qj: error: " + argument + " is not an image for the virt68030 board: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * A disk image boots through the loader, which checks the image itself and
     * says on the console what is wrong with it; from the header the command
     * takes only the RAM size, the tests' console input and the devices the
     * kernel asks for, if it can read them.
     */
    private static Optional<Image> diskImage(Path argument, Workspace workspace, PrintWriter err) {
        try {
            Optional<DiskImage.Header> header = DiskImage.readHeader(argument);
            ImageInfo info = new ImageInfo(header.map(DiskImage.Header::ramBytes).orElse(UNREADABLE_IMAGE_RAM),
                    header.map(DiskImage.Header::consoleInput).orElse(new byte[0]),
                    header.map(DiskImage.Header::devices).orElse(List.of()));
            return Optional.of(new Image(BootLoader.build(workspace.directory()), info, Optional.of(argument)));
        } catch (NoSuchFileException e) {
            err.println("qj: error: " + argument + ": no such file");
        } catch (IOException e) {
            err.println("qj: error: cannot read " + argument + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}
