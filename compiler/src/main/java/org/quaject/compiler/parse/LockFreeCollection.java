package org.quaject.compiler.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.quaject.compiler.model.OperandSize;

/**
 * What a {@code queue} or {@code stack} declaration asks for, and the constants its
 * code is written with. Templates read these by name (templates/queue.stg,
 * templates/stack.stg).
 *
 * <p>Indices are byte counts: a queue's {@code head} and {@code tail} run free (they
 * only grow, wrapping at 2^32) and {@link #indexMask()} turns one into a slot's
 * offset, which is why the capacity is a power of two.
 *
 * @param kind          a queue or a stack
 * @param name          the class's name
 * @param element       the element type
 * @param capacity      elements it holds, a power of two
 * @param sharing       how many contexts may put (or push) and get (or pop) at a time
 */
public record LockFreeCollection(Kind kind, String name, OperandSize element, int capacity, Sharing sharing) {

    /** The two declarations; each names the template group its class is written from. */
    public enum Kind {
        QUEUE, STACK;

        /** The keyword, which is also the name of the template group. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Single or many producers, single or many consumers; the keyword is the name in lower case. */
    public enum Sharing {
        SPSC(false, false), MPSC(true, false), SPMC(false, true), MPMC(true, true);

        private final boolean manyProducers;
        private final boolean manyConsumers;

        Sharing(boolean manyProducers, boolean manyConsumers) {
            this.manyProducers = manyProducers;
            this.manyConsumers = manyConsumers;
        }

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Sharing> fromKeyword(String keyword) {
            return Arrays.stream(values()).filter(s -> s.keyword().equals(keyword)).findFirst();
        }
    }

    /** The largest storage a collection may have: its slots' offsets fit a signed word. */
    public static final int MAX_STORAGE_BYTES = 32 * 1024;

    public int size() {
        return element.bytes();
    }

    public String suffix() {
        return element.suffix();
    }

    public String type() {
        return element.typeName();
    }

    public int capacityBytes() {
        return capacity * element.bytes();
    }

    /** Turns a free-running byte index into the offset of its slot. */
    public int indexMask() {
        return capacityBytes() - 1;
    }

    /** Turns a free-running byte index into the offset of the long word holding its slot. */
    public int longMask() {
        return indexMask() & ~3;
    }

    /** Turns a byte index into the offset of its slot inside its long word. */
    public int offsetInLongMask() {
        return indexMask() & 3;
    }

    /** The sharing keyword: spsc, mpsc, spmc or mpmc. */
    public String sharingKeyword() {
        return sharing.keyword();
    }

    /**
     * CAS2 compares and swaps long words (or words), so an element narrower than a
     * long is written inside the long word that holds it.
     */
    public boolean narrow() {
        return element != OperandSize.LONG;
    }

    /** The element's width in bits, for BFINS/BFEXTU. */
    public int bits() {
        return 8 * element.bytes();
    }

    /** The storage, in long words: whole long words, so that CAS2 can reach every slot. */
    public int storageLongs() {
        return Math.max(1, capacityBytes() / 4);
    }

    /** More than one context may put (or push) at a time: puts take their slot with CAS2. */
    public boolean manyProducers() {
        return sharing.manyProducers;
    }

    /** More than one context may get at a time: gets take their slot with CAS. */
    public boolean manyConsumers() {
        return sharing.manyConsumers;
    }
}
