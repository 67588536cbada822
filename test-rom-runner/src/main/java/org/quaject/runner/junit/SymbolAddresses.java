package org.quaject.runner.junit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Symbol;

/**
 * Turns a location in an image, a symbol or a symbol with an offset
 * ({@code name}, {@code name+8}, {@code name+0x10}, {@code name-2}), into the
 * address (for an absolute symbol, the value) the symbol table gives it.
 */
final class SymbolAddresses {

    private static final Pattern WITH_OFFSET = Pattern.compile("(.+?)([+-])(0[xX][0-9a-fA-F]+|[0-9]+)");
    private static final int MAX_SUGGESTIONS = 10;

    private final ElfFile image;
    private final String imageName;

    SymbolAddresses(ElfFile image, String imageName) {
        this.image = image;
        this.imageName = imageName;
    }

    boolean contains(String name) {
        return defined(name).isPresent();
    }

    /** @throws IllegalArgumentException naming the symbol, if the image does not define it */
    long resolve(String location) {
        Optional<Symbol> whole = defined(location);
        if (whole.isPresent()) {
            return whole.get().value();
        }
        Matcher offset = WITH_OFFSET.matcher(location);
        if (!offset.matches()) {
            throw unknown(location);
        }
        Symbol base = defined(offset.group(1)).orElseThrow(() -> unknown(offset.group(1)));
        long distance = number(offset.group(3));
        return offset.group(2).equals("+") ? base.value() + distance : base.value() - distance;
    }

    /** Decimal, or hexadecimal after 0x; a leading 0 does not mean octal. */
    private static long number(String digits) {
        return digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')
                ? Long.parseLong(digits.substring(2), 16)
                : Long.parseLong(digits);
    }

    private Optional<Symbol> defined(String name) {
        return image.symbol(name).filter(symbol -> !symbol.isUndefined());
    }

    private IllegalArgumentException unknown(String name) {
        // Generated names put instance and member together (inst$member), so a
        // bare member name finds the instances that have one.
        List<String> similar = image.symbols().stream()
                .filter(symbol -> !symbol.isUndefined() && symbol.type() != Symbol.STT_SECTION
                        && symbol.type() != Symbol.STT_FILE)
                .map(Symbol::name)
                .filter(candidate -> !candidate.equals(name) && candidate.contains(name))
                .distinct()
                .sorted()
                .limit(MAX_SUGGESTIONS)
                .toList();
        return new IllegalArgumentException("no symbol '" + name + "' in " + imageName
                + (similar.isEmpty() ? "" : "; symbols with that in their name: " + String.join(", ", similar)));
    }
}
