package org.quaject.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * What an image says about how to run it.
 *
 * @param ramBytes     the RAM the image asks for with the absolute symbol
 *                     {@value #RAM_SIZE_SYMBOL}, else {@link #DEFAULT_RAM_BYTES}
 * @param consoleInput the console input its tests expect: the contents of its
 *                     non-allocated section {@value #INPUT_SECTION}, empty if it has none
 * @param devices      the device types it asks for, one of each to place on the board, in order: the
 *                     lines of its non-allocated section {@value #DEVICES_SECTION}, none if it has none
 */
public record ImageInfo(long ramBytes, byte[] consoleInput, List<String> devices) {

    public static final String RAM_SIZE_SYMBOL = "qj_ram_size";
    public static final String INPUT_SECTION = ".qj.input";
    /** The section of the device types a kernel asks for ({@code device "TYPE"}), one a line. */
    public static final String DEVICES_SECTION = ".qj.devices";

    /** QEMU's default RAM size for the virt machine, so that an image that names none runs alike everywhere. */
    public static final long DEFAULT_RAM_BYTES = 128L * 1024 * 1024;

    public ImageInfo {
        consoleInput = consoleInput.clone();
        devices = List.copyOf(devices);
    }

    /** What an image that asks for no devices says. */
    public ImageInfo(long ramBytes, byte[] consoleInput) {
        this(ramBytes, consoleInput, List.of());
    }

    @Override
    public byte[] consoleInput() {
        return consoleInput.clone();
    }

    public static ImageInfo read(Path image) throws IOException, ElfFormatException {
        ElfFile elf = ElfFile.read(image);
        try {
            return of(elf);
        } catch (ElfFormatException e) {
            throw new ElfFormatException(image + ": " + e.getMessage());
        }
    }

    /** Reads a parsed image; {@link ElfFile} has already made sure it is for the m68k. */
    public static ImageInfo of(ElfFile image) throws ElfFormatException {
        if (image.type() != ElfFile.ET_EXEC) {
            throw new ElfFormatException("not an executable image: ELF type is " + image.type()
                    + (image.type() == ElfFile.ET_REL ? " (ET_REL, an object file that still needs linking)" : "")
                    + ", expected " + ElfFile.ET_EXEC + " (ET_EXEC)");
        }
        return new ImageInfo(ramBytes(image), consoleInput(image), devices(image));
    }

    private static long ramBytes(ElfFile image) throws ElfFormatException {
        Optional<Symbol> symbol = image.symbol(RAM_SIZE_SYMBOL).filter(s -> !s.isUndefined());
        if (symbol.isEmpty()) {
            return DEFAULT_RAM_BYTES;
        }
        if (!symbol.get().isAbsolute()) {
            throw new ElfFormatException(RAM_SIZE_SYMBOL + " must be an absolute symbol (a number, as set with"
                    + " .set or in the linker script), but it is defined in section " + symbol.get().sectionIndex());
        }
        long bytes = symbol.get().value();
        if (!RunRequest.isRunnableRamSize(bytes)) {
            throw new ElfFormatException(RAM_SIZE_SYMBOL + " is " + bytes + ", which is not a positive multiple of "
                    + RunRequest.RAM_GRANULE + " bytes");
        }
        return bytes;
    }

    private static byte[] consoleInput(ElfFile image) throws ElfFormatException {
        Optional<Section> section = image.section(INPUT_SECTION);
        if (section.isEmpty()) {
            return new byte[0];
        }
        if (section.get().isAllocated()) {
            // An allocated section would also be loaded into the guest's memory.
            throw new ElfFormatException(INPUT_SECTION + " must not be allocated: declare it with"
                    + " .section " + INPUT_SECTION + ",\"\"");
        }
        return image.contents(section.get());
    }

    private static List<String> devices(ElfFile image) throws ElfFormatException {
        Optional<Section> section = image.section(DEVICES_SECTION);
        if (section.isEmpty()) {
            return List.of();
        }
        if (section.get().isAllocated()) {
            throw new ElfFormatException(DEVICES_SECTION + " must not be allocated: declare it with"
                    + " .section " + DEVICES_SECTION + ",\"\"");
        }
        return new String(image.contents(section.get()), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
