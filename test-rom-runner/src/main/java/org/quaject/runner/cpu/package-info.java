/**
 * The runner's MC68030: a {@link org.quaject.runner.cpu.Cpu} that executes
 * guest code in RAM that Java owns ({@link org.quaject.runner.cpu.NativeRam}),
 * calls {@link org.quaject.runner.cpu.MmioHandler}s for device registers and
 * an {@link org.quaject.runner.cpu.ExceptionHandler} for every guest
 * exception, and runs for an exact number of instructions
 * ({@link org.quaject.runner.cpu.Cpu#run}, ending in a
 * {@link org.quaject.runner.cpu.Stop}).
 *
 * <p>{@link org.quaject.runner.cpu.UnicornCpu} implements it on Unicorn 2.0.1
 * (Debian's libunicorn2, QEMU 5's m68k core) through JNA. What Unicorn does
 * not offer, and how this package gets it:
 * <ul>
 *   <li>Exact, resumable instruction limits. Unicorn's own limit stops inside a
 *       translation block and loses the condition codes there; the package
 *       counts instructions and stops only at block boundaries with two
 *       native hooks ({@code NativeHooks},
 *       {@code RunGate}), and finishes a budget that
 *       ends inside a block one instruction at a time
 *       ({@code TranslationBlocks}).</li>
 *   <li>VBR and the condition codes, which have no register id: read from a
 *       context snapshot whose layout is found and checked when each engine
 *       starts ({@code Calibration},
 *       {@code CpuContext}).</li>
 *   <li>The stack pointers that are not A7: reached by switching SR for a
 *       moment, which makes QEMU swap A7 as the hardware does.</li>
 * </ul>
 */
package org.quaject.runner.cpu;
