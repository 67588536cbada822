package org.quaject.runner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * The test blocks of a compiled image, as its harness table names them, and
 * the console input each one declares, so that a test can run alone with its
 * own input (docs/language.md, section 11). A compiled image names test N in
 * the string at {@code qj_test_N_name}; when its tests declare input, the
 * label {@code qj_test_N_input} marks where test N's input starts in the
 * section {@value ImageInfo#INPUT_SECTION}, and the next test's label where
 * it ends.
 *
 * @param names  the tests' names, test 1 first
 * @param inputs the console input of each test, in the same order
 */
public record ImageTestBlocks(List<String> names, List<byte[]> inputs) {

    public ImageTestBlocks {
        names = List.copyOf(names);
        inputs = inputs.stream().map(byte[]::clone).toList();
    }

    /** The number (from 1) of the first test named {@code name}, if there is one. */
    public Optional<Integer> number(String name) {
        int index = names.indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(index + 1);
    }

    /** The console input test {@code number} (from 1) declares. */
    public byte[] input(int number) {
        return inputs.get(number - 1).clone();
    }

    /**
     * Reads the tests of an image the compiler made. An image whose input
     * section has no per-test labels (hand-written, or from an older
     * compiler) gives all its input to each test, as a run of every test would.
     */
    public static ImageTestBlocks of(ElfFile image, byte[] consoleInput) {
        List<String> names = new ArrayList<>();
        for (int number = 1; ; number++) {
            Optional<String> name = string(image, "qj_test_" + number + "_name");
            if (name.isEmpty()) {
                break;
            }
            names.add(name.get());
        }
        List<byte[]> inputs = new ArrayList<>();
        for (int number = 1; number <= names.size(); number++) {
            Optional<Symbol> start = image.symbol("qj_test_" + number + "_input");
            Optional<Symbol> end = image.symbol("qj_test_" + (number + 1) + "_input");
            if (start.isEmpty()) {
                inputs.add(consoleInput);
                continue;
            }
            int from = (int) Math.min(start.get().value(), consoleInput.length);
            int to = end.map(s -> (int) Math.min(s.value(), consoleInput.length)).orElse(consoleInput.length);
            inputs.add(Arrays.copyOfRange(consoleInput, from, Math.max(from, to)));
        }
        return new ImageTestBlocks(names, inputs);
    }

    /** The NUL-terminated string at a symbol in a section with contents, if there is one. */
    private static Optional<String> string(ElfFile image, String symbolName) {
        Optional<Symbol> symbol = image.symbol(symbolName).filter(s -> !s.isUndefined() && !s.isAbsolute());
        if (symbol.isEmpty() || symbol.get().sectionIndex() >= image.sections().size()) {
            return Optional.empty();
        }
        Section section = image.sections().get(symbol.get().sectionIndex());
        if (section.isNoBits()) {
            return Optional.empty();
        }
        byte[] contents = image.contents(section);
        long offset = symbol.get().value() - section.address();
        if (offset < 0 || offset >= contents.length) {
            return Optional.empty();
        }
        int end = (int) offset;
        while (end < contents.length && contents[end] != 0) {
            end++;
        }
        return Optional.of(new String(contents, (int) offset, end - (int) offset,
                StandardCharsets.UTF_8));
    }
}
