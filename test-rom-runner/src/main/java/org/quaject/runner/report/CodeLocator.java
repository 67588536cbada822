package org.quaject.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quaject.binutils.Toolchain;
import org.quaject.binutils.ToolchainException;
import org.quaject.elf.ElfFile;
import org.quaject.runner.cpu.Cpu;
import org.quaject.elf.Segment;
import org.quaject.elf.Symbol;

/**
 * Finds out what an image says about a code address: the symbol it lies in,
 * the source line it came from, and the instruction there.
 *
 * <p>Symbols come from the image's symbol table. The line comes from its DWARF
 * line table through {@code addr2line}, and the disassembly from
 * {@code objdump}, both from GNU binutils for m68k; without them those parts
 * are simply left out, as a report must not fail for want of a tool.
 */
public final class CodeLocator {

    private static final String UNKNOWN_LINE = "??";
    /** How a compiled image names the start of an instance's block (docs/language.md, section 11). */
    private static final String BLOCK_BASE_SUFFIX = "$self";
    /** addr2line's answer: {@code FILE:LINE}, perhaps followed by {@code  (discriminator N)}. */
    private static final Pattern ADDR2LINE = Pattern.compile("(.+):(\\d+)(?: .*)?");

    private final Path image;
    private final ElfFile elf;
    private final NavigableMap<Long, Symbol> symbols;
    private final Optional<Toolchain> tools;

    private CodeLocator(Path image, ElfFile elf, Optional<Toolchain> tools) {
        this.image = image;
        this.elf = elf;
        this.tools = tools;
        this.symbols = elf.symbols().stream()
                .filter(CodeLocator::namesAPlace)
                .collect(Collectors.toMap(Symbol::value, s -> s, preferred(), TreeMap::new));
    }

    /** A locator for an image already read, using binutils if they are installed. */
    public static CodeLocator of(Path image, ElfFile elf) {
        Optional<Toolchain> tools;
        try {
            tools = Optional.of(Toolchain.locate());
        } catch (ToolchainException e) {
            tools = Optional.empty();
        }
        return new CodeLocator(image, elf, tools);
    }

    /** Where an address is, with the instruction the image holds there. */
    public CodeLocation locate(long address) {
        return locate(address, imageBytes(address));
    }

    /**
     * Where an address is, with the instruction that {@code code} (the bytes
     * at that address now, which code written at run time may have changed)
     * holds.
     */
    public CodeLocation locate(long address, byte[] code) {
        return new CodeLocation(address, symbol(address), sourceLine(address), disassemble(address, code));
    }

    private Optional<String> symbol(long address) {
        if (!inImage(address)) {
            return Optional.empty();
        }
        Map.Entry<Long, Symbol> below = symbols.floorEntry(address);
        return below == null ? Optional.empty()
                : Optional.of(String.format("%s+0x%x", below.getValue().name(), address - below.getKey()));
    }

    private Optional<String> sourceLine(long address) {
        return sourcePosition(address).map(CodeLocator::shortPath);
    }

    /**
     * The source file and line the code at an address came from, the file
     * as the image's line table names it (a compiled image names its .qj
     * file as it was given to the compiler: absolute, or relative to where
     * the compiler ran). Empty without binutils or a line table entry.
     */
    public Optional<SourcePosition> sourcePosition(long address) {
        if (tools.isEmpty() || !inImage(address)) {
            return Optional.empty();
        }
        Toolchain.Result result = tools.get().run("addr2line",
                List.of("-e", image.toAbsolutePath().toString(), hex(address)), Path.of("."));
        // A line without source prints ??:0 or ??:?; a discriminator may follow the number.
        Matcher found = ADDR2LINE.matcher(result.stdout().strip());
        if (!result.ok() || !found.matches() || found.group(1).startsWith(UNKNOWN_LINE)) {
            return Optional.empty();
        }
        return Optional.of(new SourcePosition(Path.of(found.group(1)), Integer.parseInt(found.group(2))));
    }

    private Optional<String> disassemble(long address, byte[] code) {
        if (tools.isEmpty() || code.length == 0) {
            return Optional.empty();
        }
        Path bytes = null;
        try {
            bytes = Files.createTempFile("qj-code", ".bin");
            Files.write(bytes, code);
            Toolchain.Result result = tools.get().run("objdump", List.of("-D", "-b", "binary",
                    "-m", "m68k:68030", "--adjust-vma=" + hex(address), bytes.toString()), Path.of("."));
            String first = String.format("%x:\t", address);
            return result.stdout().lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith(first))
                    .map(line -> line.split("\t"))
                    // address, encoding, instruction: a truncated one has no third part
                    .filter(fields -> fields.length == 3)
                    .map(fields -> fields[2].strip().replaceAll("\\s+", " "))
                    .findFirst();
        } catch (IOException | ToolchainException e) {
            return Optional.empty();
        } finally {
            deleteQuietly(bytes);
        }
    }

    /** Up to {@link Cpu#LONGEST_INSTRUCTION} bytes of the image's contents from an address. */
    private byte[] imageBytes(long address) {
        for (Segment segment : elf.segments()) {
            long start = segment.physicalAddress();
            if (segment.isLoad() && address >= start && address < start + segment.fileSize()) {
                byte[] contents = elf.contents(segment);
                int from = (int) (address - start);
                return Arrays.copyOfRange(contents, from, Math.min(contents.length, from + Cpu.LONGEST_INSTRUCTION));
            }
        }
        return new byte[0];
    }

    /** Whether the image loads anything at an address; the nearest symbol means nothing elsewhere. */
    private boolean inImage(long address) {
        return elf.segments().stream().anyMatch(s -> s.isLoad()
                && address >= s.physicalAddress() && address < s.physicalAddress() + s.memorySize());
    }

    private static boolean namesAPlace(Symbol symbol) {
        return !symbol.name().isEmpty() && !symbol.isUndefined()
                && symbol.type() != Symbol.STT_SECTION && symbol.type() != Symbol.STT_FILE;
    }

    /**
     * Of two symbols at one address, the one to show. A compiled image's
     * block base, {@code inst$self}, gives way to the member at the block's
     * start (a callentry, which names the code better); then an absolute
     * symbol wins, then a global one, then the first name in order, so that
     * the choice never varies.
     */
    private static BinaryOperator<Symbol> preferred() {
        Comparator<Symbol> order = Comparator.comparing((Symbol s) -> !s.name().endsWith(BLOCK_BASE_SUFFIX))
                .thenComparing(Symbol::isAbsolute)
                .thenComparing(Symbol::isGlobal)
                .thenComparing(Symbol::name, Comparator.reverseOrder());
        return BinaryOperator.maxBy(order);
    }

    /** A source position with its path relative to the working directory when it lies below it, as compilers print them. */
    private static String shortPath(SourcePosition position) {
        Path here = Path.of("").toAbsolutePath();
        Path file = position.file().normalize();
        String shown = file.isAbsolute() && file.startsWith(here) ? here.relativize(file).toString() : file.toString();
        return shown + ":" + position.line();
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is no reason to lose the report.
            }
        }
    }
}
