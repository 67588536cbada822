package org.quaject.compiler.check;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;

/** Reports the second and later uses of a name within one scope. */
final class Duplicates {

    private Duplicates() {
    }

    /**
     * @param what  how the diagnostics call one item, e.g. "quaject" or "name"
     * @param scope where the names must be unique, e.g. " in quaject Counter", or ""
     */
    static <T> void report(Iterable<T> items, Function<T, String> name, Function<T, Position> position,
                           String what, String scope, Diagnostics diagnostics) {
        Map<String, Position> first = new HashMap<>();
        for (T item : items) {
            Position earlier = first.putIfAbsent(name.apply(item), position.apply(item));
            if (earlier != null) {
                diagnostics.error(position.apply(item), "duplicate %s '%s'%s (first declared at %s)",
                        what, name.apply(item), scope, earlier);
            }
        }
    }
}
