package org.quaject.runner.board;

import org.quaject.runner.device.GuestMemory;

/** Guest RAM in a Java array, for tests; the runner's own is native memory. */
public final class ArrayGuestMemory implements GuestMemory {
    private final byte[] bytes;

    public ArrayGuestMemory(int size) {
        bytes = new byte[size];
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void read(long address, byte[] into, int offset, int length) {
        System.arraycopy(bytes, index(address, length), into, offset, length);
    }

    @Override
    public void write(long address, byte[] from, int offset, int length) {
        System.arraycopy(from, offset, bytes, index(address, length), length);
    }

    private int index(long address, int length) {
        if (!contains(address, length)) {
            throw new IndexOutOfBoundsException(String.format("0x%x + %d bytes is outside RAM (0x%x bytes)",
                    address, length, bytes.length));
        }
        return (int) address;
    }
}
