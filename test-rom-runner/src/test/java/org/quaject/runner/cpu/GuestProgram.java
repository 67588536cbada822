package org.quaject.runner.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Segment;
import org.quaject.testing.CrossToolchain;

/** An assembled test program: linked at 0x1000 with entry {@code _start}, loadable into guest RAM. */
final class GuestProgram {
    private final ElfFile elf;

    private GuestProgram(ElfFile elf) {
        this.elf = elf;
    }

    /** Assembles and links {@code source} (68030, register names without %) in a fresh directory under {@code dir}. */
    static GuestProgram assemble(Path dir, String source) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(dir, "program");
        try {
            return new GuestProgram(ElfFile.read(CrossToolchain.link(work, "program", source)));
        } catch (org.quaject.elf.ElfFormatException e) {
            throw new IOException(e);
        }
    }

    /** Copies the loadable segments into {@code ram} at their link addresses. */
    void loadInto(NativeRam ram) {
        for (Segment segment : elf.segments()) {
            if (segment.isLoad()) {
                byte[] bytes = elf.contents(segment);
                ram.write(segment.virtualAddress(), bytes, 0, bytes.length);
            }
        }
    }

    long entry() {
        return elf.entry();
    }

    boolean has(String name) {
        return elf.symbol(name).isPresent();
    }

    /** The address of a label. */
    int symbol(String name) {
        return (int) elf.symbol(name).orElseThrow(() -> new AssertionError("no symbol " + name)).value();
    }
}
