package org.quaject.compiler.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quaject.binutils.Toolchain;
import org.quaject.compiler.assemble.Assembler;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.image.BundledFiles;

/**
 * The boot loader of disk images (boot/loader/, docs/disk-image.md): what
 * the board boots when it runs an {@code .img}. Assembled and linked from the
 * sources the compiler ships, with the runtime's console and exit routines.
 */
public final class BootLoader {

    private static final String SOURCES = "qj/boot/loader";
    private static final String LINKER_SCRIPT = "loader.ld";

    private BootLoader() {
    }

    /** Builds the loader in {@code work/loader/} and returns its ELF image. */
    public static Path build(Path work) {
        Toolchain toolchain = Toolchain.locate();
        Path directory = work.toAbsolutePath().resolve("loader");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>(BundledFiles.extract(SOURCES, directory, ".s", ".ld"));
        files.addAll(BundledFiles.extract("qj/runtime", directory, "console.s", "exit.s"));
        Assembler assembler = new Assembler(toolchain, directory);
        Diagnostics diagnostics = new Diagnostics();
        List<String> args = new ArrayList<>(List.of("-T", directory.resolve(LINKER_SCRIPT).toString(),
                "--no-warn-rwx-segments", "-o"));
        Path elf = directory.resolve("loader.elf");
        args.add(elf.toString());
        for (Path source : files) {
            if (source.toString().endsWith(".s")) {
                Path object = Path.of(source.toString().replaceAll("\\.s$", ".o"));
                assembler.assemble(source, object, Map.of(), null, diagnostics);
                args.add(object.toString());
            }
        }
        toolchain.runChecked("ld", args, directory);
        return elf;
    }
}
