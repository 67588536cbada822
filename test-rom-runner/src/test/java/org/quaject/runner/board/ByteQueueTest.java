package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteQueueTest {
    @Test
    void bytesComeOutInOrderAcrossWrapsAndGrowth() {
        ByteQueue queue = new ByteQueue();
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 50; round++) {
            byte[] in = new byte[round * 3 % 97];
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte) next++;
            }
            queue.add(in, 0, in.length);
            byte[] out = new byte[queue.size() / 2 + 1];
            if (out.length > queue.size()) {
                continue;
            }
            queue.take(out, 0, out.length);
            for (byte b : out) {
                assertEquals((byte) expected++, b);
            }
        }
        byte[] rest = new byte[queue.size()];
        queue.take(rest, 0, rest.length);
        for (byte b : rest) {
            assertEquals((byte) expected++, b);
        }
        assertEquals(next, expected);
        assertTrue(queue.isEmpty());
    }

    @Test
    void takingMoreThanIsQueuedIsRefused() {
        ByteQueue queue = new ByteQueue();
        queue.add(new byte[] {1, 2, 3}, 1, 2);
        byte[] out = new byte[3];
        assertThrows(IllegalStateException.class, () -> queue.take(out, 0, 3));
        queue.take(out, 0, 2);
        assertArrayEquals(new byte[] {2, 3, 0}, out);
    }
}
