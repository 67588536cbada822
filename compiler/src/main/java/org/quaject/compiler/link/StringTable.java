package org.quaject.compiler.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** An ELF string table being built: offset 0 is the empty string (System V ABI, "String Table"). */
final class StringTable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    StringTable() {
        bytes.write(0);
    }

    /** The NUL-terminated string at {@code offset} of an object's bytes. */
    static String read(byte[] bytes, int offset) {
        int end = offset;
        while (bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Appends {@code name} and returns its offset; the empty string is at 0. */
    int add(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        int offset = bytes.size();
        bytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
        return offset;
    }

    int size() {
        return bytes.size();
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
