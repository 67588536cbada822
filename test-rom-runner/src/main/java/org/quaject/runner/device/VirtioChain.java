package org.quaject.runner.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A descriptor chain taken from a {@link VirtioQueue}: the buffers the
 * device reads (the driver's request) and, after them, those it writes (its
 * answer), each mapped to guest memory. A device reads and writes them as if
 * each list were one buffer; bytes outside RAM read as zeros and writes to
 * them are lost, as through QEMU's bounce buffer.
 */
public class VirtioChain {

    /** One mapped piece of a chain's buffers: {@code length} bytes from {@code address}, in RAM or not. */
    public record Segment(long address, int length, boolean ram) {
    }

    /** Guest memory as the chain reaches it. */
    public interface Memory {
        /** Copies {@code length} bytes from {@code address}; bytes outside RAM read as zeros. */
        void read(long address, byte[] into, int offset, int length);

        /** Copies {@code length} bytes to {@code address}; bytes outside RAM are dropped. */
        void write(long address, byte[] from, int offset, int length);
    }

    private final int head;
    private final Memory memory;
    private final List<Segment> readable = new ArrayList<>();
    private final List<Segment> writable = new ArrayList<>();

    /** An empty chain whose head descriptor is {@code head}; the queue that pops it adds its segments. */
    public VirtioChain(int head, Memory memory) {
        this.head = head;
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /** The index of the chain's first descriptor, which the used ring reports. */
    public int head() {
        return head;
    }

    /** The device-readable buffers, in order (mutable for the queue that maps them). */
    public List<Segment> readable() {
        return readable;
    }

    /** The device-writable buffers, in order (mutable for the queue that maps them). */
    public List<Segment> writable() {
        return writable;
    }

    /** The bytes of the device-readable buffers. */
    public long readableLength() {
        return length(readable);
    }

    /** The bytes of the device-writable buffers. */
    public long writableLength() {
        return length(writable);
    }

    /** Copies {@code length} bytes of the readable buffers, from {@code offset} in them, into {@code into[at...]}. */
    public void read(long offset, byte[] into, int at, int length) {
        Objects.checkFromIndexSize(at, length, into.length);
        forEachPiece(readable, offset, at, length,
                (segment, address, where, bytes) -> memory.read(address, into, where, bytes));
    }

    /** Copies {@code length} bytes from {@code from[at...]} into the writable buffers, from {@code offset} in them. */
    public void write(long offset, byte[] from, int at, int length) {
        Objects.checkFromIndexSize(at, length, from.length);
        forEachPiece(writable, offset, at, length, (segment, address, where, bytes) -> {
            if (segment.ram()) {
                memory.write(address, from, where, bytes);
            }
        });
    }

    /**
     * Cuts the {@code length} bytes from {@code offset} in the buffers into
     * the pieces that lie in one buffer each, in order; {@code at} is where
     * each piece starts in the caller's array.
     */
    private static void forEachPiece(List<Segment> buffers, long offset, int at, int length, Piece piece) {
        for (Segment segment : buffers) {
            if (length == 0) {
                return;
            }
            if (offset >= segment.length()) {
                offset -= segment.length();
                continue;
            }
            int bytes = (int) Math.min(length, segment.length() - offset);
            piece.copy(segment, segment.address() + offset, at, bytes);
            at += bytes;
            length -= bytes;
            offset = 0;
        }
    }

    /** One piece of a copy between the buffers and an array: {@code bytes} at {@code address}, {@code at}. */
    @FunctionalInterface
    private interface Piece {
        void copy(Segment segment, long address, int at, int bytes);
    }

    private static long length(List<Segment> segments) {
        long total = 0;
        for (Segment segment : segments) {
            total += segment.length();
        }
        return total;
    }
}
