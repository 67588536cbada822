package org.quaject.runner;

/**
 * What the contention stress mode ({@link Preemption#contend()}) did in a run.
 *
 * @param executed    CAS and CAS2 instructions executed
 * @param interrupted of those, how many the runner interrupted just before they executed
 * @param failed      of those executed, how many found the memory changed (Z clear after them) and wrote nothing
 */
public record Contention(long executed, long interrupted, long failed) {

    /** The counts as {@code qj run} and {@code qj test} print them: {@code # contend: 1234 CAS/CAS2, 600 interrupted, 598 failed}. */
    public String line() {
        return "# contend: " + executed + " CAS/CAS2, " + interrupted + " interrupted, " + failed + " failed";
    }
}
