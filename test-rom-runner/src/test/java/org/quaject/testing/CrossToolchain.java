package org.quaject.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds test fixtures with GNU binutils for m68k (Debian package
 * binutils-m68k-linux-gnu), a required system package: when it is missing,
 * tests fail saying how to install it.
 */
public final class CrossToolchain {
    private static final String PACKAGE = "binutils-m68k-linux-gnu";

    private CrossToolchain() {
    }

    /** Assembles {@code source} for the 68030 into {@code dir/name.o}, with a line table as compiled images have. */
    public static Path assemble(Path dir, String name, String source) throws IOException, InterruptedException {
        Path assembly = dir.resolve(name + ".s");
        Path object = dir.resolve(name + ".o");
        Files.writeString(assembly, source);
        run(List.of("m68k-linux-gnu-as", "-m68030", "--register-prefix-optional", "-g",
                assembly.toString(), "-o", object.toString()));
        return object;
    }

    /** Assembles {@code source} and links it at 0x1000, entry {@code _start}, into {@code dir/name.elf}. */
    public static Path link(Path dir, String name, String source) throws IOException, InterruptedException {
        Path object = assemble(dir, name, source);
        Path image = dir.resolve(name + ".elf");
        run(List.of("m68k-linux-gnu-ld", "-Ttext=0x1000", "-e", "_start", object.toString(), "-o", image.toString()));
        return image;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not be started (" + e.getMessage()
                    + "); install it with: apt-get install " + PACKAGE, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
