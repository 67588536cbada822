package org.quaject.runner.cpu;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Register writes on their way to the core, sent together. A call into the
 * core costs far more than the write it makes, and exception processing
 * writes three registers at a time (SR, A7 and PC); so writes wait here and
 * go out in order, in one {@code uc_reg_write_batch}, before anything else
 * reads the core's state, translates or runs its code, or returns to it
 * from a callback.
 */
final class RegisterWrites {
    private static final int CAPACITY = 8;

    private final long uc;
    /** The registers' ids, in native memory: a Java array would be pinned and copied on every call. */
    private final Memory ids = new Memory((long) CAPACITY * Integer.BYTES);
    private final ByteBuffer idSlots = ids.getByteBuffer(0, ids.size()).order(ByteOrder.nativeOrder());
    private final Memory values = new Memory((long) CAPACITY * Integer.BYTES);
    private final ByteBuffer valueSlots = values.getByteBuffer(0, values.size()).order(ByteOrder.nativeOrder());
    /** The {@code void *const *vals} of uc_reg_write_batch: slot i points at value i. */
    private final Memory valuePointers = new Memory((long) CAPACITY * Long.BYTES);
    private int count;

    RegisterWrites(long uc) {
        this.uc = uc;
        for (int i = 0; i < CAPACITY; i++) {
            valuePointers.setLong((long) i * Long.BYTES, Pointer.nativeValue(values) + (long) i * Integer.BYTES);
        }
    }

    /** Queues a write of {@code value} to the register Unicorn numbers {@code id}. */
    void add(int id, int value) {
        if (count == CAPACITY) {
            flush();
        }
        idSlots.putInt(count * Integer.BYTES, id);
        valueSlots.putInt(count * Integer.BYTES, value);
        count++;
    }

    /** Sends the queued writes to the core, in the order they were made. */
    void flush() {
        if (count == 0) {
            return;
        }
        int writes = count;
        count = 0;
        Unicorn.check(Unicorn.uc_reg_write_batch(uc, ids, valuePointers, writes), "writing registers");
    }
}
