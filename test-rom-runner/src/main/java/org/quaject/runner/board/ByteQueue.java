package org.quaject.runner.board;

import java.util.Objects;

/** Bytes in arrival order, taken from the front; grows as needed. */
final class ByteQueue {
    private byte[] ring = new byte[64];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(byte[] from, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, from.length);
        if (size + length > ring.length) {
            grow(size + length);
        }
        for (int i = 0; i < length; i++) {
            ring[(head + size + i) % ring.length] = from[offset + i];
        }
        size += length;
    }

    /** Removes the first {@code length} bytes into {@code into[offset...]}; there must be that many. */
    void take(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length > size) {
            throw new IllegalStateException("cannot take " + length + " bytes, " + size + " queued");
        }
        for (int i = 0; i < length; i++) {
            into[offset + i] = ring[(head + i) % ring.length];
        }
        head = (head + length) % ring.length;
        size -= length;
    }

    private void grow(int needed) {
        byte[] larger = new byte[Math.max(needed, 2 * ring.length)];
        for (int i = 0; i < size; i++) {
            larger[i] = ring[(head + i) % ring.length];
        }
        ring = larger;
        head = 0;
    }
}
