/**
 * A GDB remote-serial-protocol stub for the runner: {@code qj debug} lets
 * gdb-multiarch drive a {@link org.quaject.runner.machine.Machine} one
 * instruction at a time, with breakpoints the runner checks itself (guest
 * memory is never patched) and reverse execution by deterministic replay.
 *
 * <p>One concern per class: {@link org.quaject.runner.debug.RspChannel} frames
 * packets, {@link org.quaject.runner.debug.GdbStub} dispatches them,
 * {@link org.quaject.runner.debug.DebugTarget} is what they act on, and
 * {@link org.quaject.runner.debug.MachineDebugTarget} is that target on the
 * runner's machine.
 */
package org.quaject.runner.debug;
