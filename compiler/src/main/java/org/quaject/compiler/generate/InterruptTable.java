package org.quaject.compiler.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.quaject.compiler.model.Board;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.IrqLine;
import org.quaject.compiler.model.Program;

/**
 * Which handler each CPU interrupt level gets, from the lines the kernel's
 * instances bind: the one instance's handler where a level has one, else a
 * dispatcher among them (templates/interrupts.stg).
 */
public final class InterruptTable {

    /** An instance's handler on a level, with the lines of the level it handles. */
    public record Handler(String entry, String mask, String label) {
    }

    /**
     * A level: {@code entry} is what its vector holds, {@code handlers} is
     * non-empty only where a dispatcher chooses among several.
     */
    public record Level(int number, int vector, String entry, String mask, String enable, String pending,
                        String what, List<Handler> handlers) {
        public boolean dispatched() {
            return !handlers.isEmpty();
        }
    }

    private InterruptTable() {
    }

    public static List<Level> levels(Program program) {
        // level -> instance -> the lines it binds there, in declaration order
        Map<Integer, Map<Instance, Long>> bound = new TreeMap<>();
        for (Instance instance : program.kernel().instances()) {
            for (IrqLine line : instance.irqLines()) {
                bound.computeIfAbsent(line.picNumber(), level -> new LinkedHashMap<>())
                        .merge(instance, line.mask(), (a, b) -> a | b);
            }
        }
        List<Level> levels = new ArrayList<>();
        bound.forEach((level, instances) -> {
            long all = instances.values().stream().reduce(0L, (a, b) -> a | b);
            String what = instances.keySet().stream().map(i -> i.name().text()).collect(Collectors.joining(", "));
            List<Handler> handlers = new ArrayList<>();
            if (instances.size() > 1) {
                instances.forEach((instance, mask) -> handlers.add(new Handler(handlerOf(program, instance), hex(mask),
                        ".Lqj_level" + level + "_" + instance.name().text())));
            }
            String entry = handlers.isEmpty() ? handlerOf(program, instances.keySet().iterator().next())
                    : "qj_level" + level + "_dispatch";
            levels.add(new Level(level, Board.AUTOVECTOR_BASE + level, entry, hex(all),
                    hex(Board.picBase(level) + Board.PIC_ENABLE), hex(Board.picBase(level) + Board.PIC_PENDING),
                    what, handlers));
        });
        return levels;
    }

    private static String handlerOf(Program program, Instance instance) {
        String handler = program.quajectClass(instance.className().text())
                .flatMap(quaject -> quaject.interruptHandler()).orElseThrow().name().text();
        return Symbols.instanceMember(instance.name().text(), handler);
    }

    private static String hex(long value) {
        return String.format("0x%08x", value);
    }
}
