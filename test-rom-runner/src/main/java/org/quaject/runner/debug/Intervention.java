package org.quaject.runner.debug;

import java.util.function.Consumer;
import org.quaject.runner.machine.Machine;

/**
 * Something from outside the guest that changed the machine at an
 * instruction count: console input typed, or a register or memory write from
 * gdb. A replay makes it again at the same count, so the past it rebuilds is
 * the one the user saw.
 *
 * @param instruction the machine's instruction count when it happened
 * @param change      what it did
 */
record Intervention(long instruction, Consumer<Machine> change) {
}
