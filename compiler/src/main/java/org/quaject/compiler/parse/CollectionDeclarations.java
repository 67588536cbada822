package org.quaject.compiler.parse;

import java.util.Optional;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.generate.Templates;
import org.quaject.compiler.model.Constant;
import org.quaject.compiler.model.Name;
import org.quaject.compiler.model.OperandSize;
import org.quaject.compiler.parse.LockFreeCollection.Kind;
import org.quaject.compiler.parse.LockFreeCollection.Sharing;

/**
 * Checks {@code queue} and {@code stack} declarations and writes the quaject each one
 * stands for, as .qj source from its template group. The class then goes through
 * the compiler like any quaject a user wrote: the same checks, the same holes,
 * static instances and creation stubs alike.
 */
final class CollectionDeclarations {

    private static final String SHARINGS =
            "spsc, mpsc, spmc or mpmc (single or many producers, single or many consumers)";

    private final Diagnostics diagnostics;

    CollectionDeclarations(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** A queue, if its capacity and sharing are valid; {@code sharing} is empty when the declaration has none. */
    Optional<LockFreeCollection> queue(Name name, OperandSize element, Constant capacity, Name sharing) {
        boolean valid = validCapacity(name, element, capacity);
        Optional<Sharing> sides = Sharing.fromKeyword(sharing.text());
        if (sharing.text().isEmpty()) {
            diagnostics.error(sharing.position(), "queue %s needs its sharing after the capacity: %s", name, SHARINGS);
        } else if (sides.isEmpty()) {
            diagnostics.error(sharing.position(), "unknown queue sharing '%s': %s", sharing, SHARINGS);
        }
        if (!valid || sides.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LockFreeCollection(Kind.QUEUE, name.text(), element, (int) capacity.value(),
                sides.get()));
    }

    /** A stack, if its capacity is valid; any number of contexts may push and pop. */
    Optional<LockFreeCollection> stack(Name name, OperandSize element, Constant capacity) {
        if (!validCapacity(name, element, capacity)) {
            return Optional.empty();
        }
        return Optional.of(new LockFreeCollection(Kind.STACK, name.text(), element, (int) capacity.value(),
                Sharing.MPMC));
    }

    /**
     * The quaject's source, named after the file that declares it
     * ({@code pipes.qj#queue-Pipe}) where crash reports and the assembler cite it.
     */
    static SourceFile source(LockFreeCollection collection, Name declaredAt) {
        String text = Templates.render(Templates.group(collection.kind().keyword()), "quaject", "c", collection);
        return new SourceFile(declaredAt.position().file().displayName() + "#" + collection.kind().keyword() + "-"
                + collection.name(), text);
    }

    private boolean validCapacity(Name name, OperandSize element, Constant capacity) {
        long count = capacity.value();
        if (count < 1 || Long.bitCount(count) != 1) {
            diagnostics.error(capacity.position(), "capacity %d of %s is not a power of two", count, name);
            return false;
        }
        if (count * element.bytes() > LockFreeCollection.MAX_STORAGE_BYTES) {
            diagnostics.error(capacity.position(), "%s holds %d bytes of elements; at most %d fit in a block",
                    name, count * element.bytes(), LockFreeCollection.MAX_STORAGE_BYTES);
            return false;
        }
        return true;
    }
}
