package org.quaject.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.elf.Segment;
import org.quaject.elf.Symbol;

/**
 * How much work a built bench kernel does: the initial value of its work
 * field (a long, e.g. compute's {@code work$rounds}), read from and written
 * into the image file itself, where the loaders of both engines take it from.
 * Changing the image rather than the source keeps each kernel's source whole
 * and runnable as it is, at full size.
 */
public final class WorkSize {
    private static final int LONG_BYTES = 4;

    private WorkSize() {
    }

    /** The field's initial value in the image. */
    public static long read(Path image, String symbol) throws IOException, ElfFormatException {
        byte[] bytes = Files.readAllBytes(image);
        int at = fileOffset(ElfFile.parse(bytes), symbol, image);
        long value = 0;
        for (int i = 0; i < LONG_BYTES; i++) {
            value = value << 8 | (bytes[at + i] & 0xff);
        }
        return value;
    }

    /** Sets the field's initial value in the image, a positive number of at most 32 bits. */
    public static void write(Path image, String symbol, long value) throws IOException, ElfFormatException {
        if (value <= 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("a work size is a positive 32-bit number, not " + value);
        }
        byte[] bytes = Files.readAllBytes(image);
        int at = fileOffset(ElfFile.parse(bytes), symbol, image);
        for (int i = 0; i < LONG_BYTES; i++) {
            // Big-endian, the m68k's order.
            bytes[at + i] = (byte) (value >>> (8 * (LONG_BYTES - 1 - i)));
        }
        Files.write(image, bytes);
    }

    /** Where in the file the loaders take the symbol's four bytes from. */
    private static int fileOffset(ElfFile elf, String symbol, Path image) throws ElfFormatException {
        Symbol field = elf.symbol(symbol).filter(s -> !s.isUndefined())
                .orElseThrow(() -> new ElfFormatException(image + " defines no " + symbol));
        long address = field.value();
        for (Segment segment : elf.segments()) {
            long start = segment.virtualAddress();
            if (segment.isLoad() && address >= start && address + LONG_BYTES <= start + segment.fileSize()) {
                return Math.toIntExact(segment.offset() + address - start);
            }
        }
        throw new ElfFormatException(String.format("%s: %s (0x%08x) is not in the bytes any segment loads",
                image, symbol, address));
    }
}
