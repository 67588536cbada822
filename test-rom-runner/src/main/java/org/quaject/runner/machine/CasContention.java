package org.quaject.runner.machine;

import java.util.Optional;
import org.quaject.runner.Contention;
import org.quaject.runner.board.GoldfishRtc;
import org.quaject.runner.board.Virt68030Board;
import org.quaject.runner.cpu.CasWatch;

/**
 * The contention stress mode: before a CAS or CAS2 executes, fire an RTC
 * alarm that is armed to interrupt, so that the interrupt lands between the
 * guest's read of the contended word and its compare-and-swap, and the
 * handler's writes make the CAS fail.
 *
 * <p>An alarm is fired only where its interrupt will be taken before the CAS:
 * armed with IRQ_ENABLED, enabled at PIC 6, and the SR mask below level 6.
 *
 * <p>Every loop keeps a way out: once a CAS is interrupted, nothing more is
 * interrupted until that CAS has executed (known by its PC and stack
 * pointer, so the handler's own CAS, even at the same PC, do not count); if
 * it failed, the CAS executed right after it, the loop's retry, is not
 * interrupted either. A retry loop whose CAS failed because of the
 * interruption therefore gets one undisturbed try, and an operation whose
 * interrupted CAS succeeded does not shield the next one: each operation is
 * interrupted once.
 */
final class CasContention implements CasWatch {
    private final Virt68030Board board;
    private long executed;
    private long interrupted;
    private long failed;
    /** The CAS interrupted and not executed since, or null. */
    private Site owed;
    /** The CAS executed last was an interrupted one, and it failed: the next is its retry. */
    private boolean retryOwed;

    /** One execution of a CAS: where it is and on which stack. */
    private record Site(long pc, int sp) {
    }

    CasContention(Virt68030Board board) {
        this.board = board;
    }

    @Override
    public boolean stopBefore(long pc, int sp, int sr) {
        if (owed != null || retryOwed || Sr.interruptMask(sr) >= Virt68030Board.RTC_LEVEL) {
            return false;
        }
        Optional<GoldfishRtc> alarm = board.alarmThatWouldInterrupt();
        if (alarm.isEmpty()) {
            return false;
        }
        alarm.get().fireEarly();
        interrupted++;
        owed = new Site(pc, sp);
        return true;
    }

    @Override
    public void executed(long pc, int sp, boolean swapped) {
        executed++;
        if (!swapped) {
            failed++;
        }
        boolean wasOwed = new Site(pc, sp).equals(owed);
        retryOwed = wasOwed && !swapped;
        if (wasOwed) {
            owed = null;
        }
    }

    /** The counts so far. */
    Contention counts() {
        return new Contention(executed, interrupted, failed);
    }
}
