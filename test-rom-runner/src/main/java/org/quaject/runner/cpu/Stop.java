package org.quaject.runner.cpu;

import java.util.Objects;

/**
 * How a {@link Cpu#run} ended.
 *
 * @param reason       why it ended
 * @param instructions how many guest instructions completed during the run,
 *                     exactly; an instruction that raised an exception handed
 *                     to the {@link ExceptionHandler} counts, one that faulted
 *                     reading or writing data does not (PC still points at
 *                     it, to run again)
 * @param address      for READ_FAULT, WRITE_FAULT and FETCH_FAULT, the guest
 *                     address that faulted; otherwise -1
 * @param error        for faults and errors, Unicorn's description of the
 *                     error ({@code uc_strerror}); otherwise empty
 */
public record Stop(StopReason reason, long instructions, long address, String error) {
    public Stop {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
    }

    /** A stop that is not a fault: no address, no error text. */
    static Stop of(StopReason reason, long instructions) {
        return new Stop(reason, instructions, -1, "");
    }
}
