package org.quaject.runner.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.quaject.runner.ConsoleInput;
import org.quaject.runner.ConsoleProtocol;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;
import org.quaject.runner.cpu.Register;
import org.quaject.runner.machine.Machine;
import org.quaject.runner.machine.MachineStop;
import org.quaject.runner.report.CodeLocator;

/**
 * The runner's {@link Machine} as gdb's target. A step is {@code Machine.run}
 * with a budget of one. Breakpoints are addresses the machine stops before
 * ({@link Machine#stopBefore}): the CPU core's translator ends its blocks
 * there, so guest memory is never patched, code the guest synthesizes at run
 * time is not confused, and code elsewhere runs at full speed.
 *
 * <p>Reverse execution replays: the machine is deterministic, so booting it
 * again and running it to an instruction count rebuilds the state it had
 * there, provided what came from outside (console input, gdb's register and
 * memory writes; {@link Intervention}) is made again at the same counts. A
 * replay runs at full speed to its count; {@code bc} runs from the boot
 * from breakpoint to breakpoint to find the last hit before the count. Console output a replay
 * prints again is not shown twice ({@link ReplayedConsole}).
 *
 * <p>The machine stops where {@code Machine.run} returns: a state where
 * its run loop has taken any interrupt that was due, so such points, not
 * instruction counts, are the places a step lands and a replay returns to.
 */
public final class MachineDebugTarget implements DebugTarget, AutoCloseable {

    /** Instructions a run executes between two looks for Ctrl-C: about 10 ms of the runner's full speed. */
    private static final long UNWATCHED_RUN = 1_000_000;
    /** The machine's run loop wants a wall-clock deadline; the debugger has none. */
    private static final long NO_DEADLINE = Duration.ofDays(365).toNanos();

    private final Function<OutputStream, Machine> boot;
    private final ReplayedConsole console;
    private final CodeLocator locator;
    private final PrintWriter log;
    private Optional<ConsoleInput> typed = Optional.empty();
    /** What came from outside the guest, in the order of the counts it happened at. */
    private final List<Intervention> interventions = new ArrayList<>();
    private final Set<Long> breakpoints = new HashSet<>();
    private Machine machine;
    private ConsoleProtocol protocol;
    /** How many of {@link #interventions} the current boot has made. */
    private int made;
    /** Set once the guest has ended or crashed in the current state: forward runs cannot go on. */
    private Optional<TargetStop> end = Optional.empty();

    /**
     * Boots the machine, stopped before its first instruction.
     *
     * @param boot         boots the image afresh, its console writing to the stream it is given
     * @param consoleOutput where the console output goes
     * @param consoleInput the console input: what it holds already is typed before the first instruction, the
     *                     rest as it comes; null for none
     * @param locator      names the code where the guest crashes
     * @param log          where crashes and the guest's end are reported
     */
    public MachineDebugTarget(Function<OutputStream, Machine> boot, OutputStream consoleOutput,
                              InputStream consoleInput, CodeLocator locator, PrintWriter log) {
        this.boot = boot;
        this.console = new ReplayedConsole(consoleOutput);
        this.locator = locator;
        this.log = log;
        reboot();
        if (consoleInput != null) {
            // What is there already (a test's declared input) is typed before the first instruction, as qj run does.
            typed = Optional.of(startTyping(consoleInput));
            byte[] ready = typed.get().ready();
            if (ready.length > 0) {
                intervene(m -> m.type(ready));
            }
        }
    }

    /** Instructions executed since boot in the current state. */
    public long instructions() {
        return machine.instructions();
    }

    @Override
    public int register(int number) {
        return machine.cpu().get(M68kTargetDescription.register(number));
    }

    @Override
    public void setRegister(int number, int value) {
        Register register = M68kTargetDescription.register(number);
        intervene(m -> m.cpu().set(register, value));
    }

    @Override
    public Optional<byte[]> readMemory(long address, int length) {
        if (!machine.ram().contains(address, length)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[length];
        machine.ram().read(address, bytes, 0, length);
        return Optional.of(bytes);
    }

    @Override
    public boolean writeMemory(long address, byte[] bytes) {
        if (!machine.ram().contains(address, bytes.length)) {
            return false;
        }
        byte[] copy = bytes.clone();
        intervene(m -> m.ram().write(address, copy, 0, copy.length));
        return true;
    }

    @Override
    public void insertBreakpoint(long address) {
        breakpoints.add(address);
    }

    @Override
    public void removeBreakpoint(long address) {
        breakpoints.remove(address);
    }

    @Override
    public TargetStop step() {
        takeTypedInput();
        return advance(1).orElse(TargetStop.signal(TargetStop.SIGTRAP));
    }

    @Override
    public TargetStop resume(Interruption interruption) throws IOException {
        while (true) {
            takeTypedInput();
            Optional<TargetStop> ended = runToBreakpoint(UNWATCHED_RUN);
            if (ended.isPresent()) {
                return ended.get();
            }
            if (breakpoints.contains(pc())) {
                return TargetStop.signal(TargetStop.SIGTRAP);
            }
            if (interruption.requested()) {
                return TargetStop.signal(TargetStop.SIGINT);
            }
        }
    }

    @Override
    public TargetStop reverseStep() {
        long now = machine.instructions();
        if (now == 0) {
            return TargetStop.atBoot();
        }
        replayTo(now - 1);
        if (machine.instructions() >= now) {
            // The last step jumped the clock (a STOP waited for an event): find the stop before it.
            long before = 0;
            long after = now - 1;
            while (after - before > 1) {
                long middle = before + (after - before) / 2;
                replayTo(middle);
                if (machine.instructions() < now) {
                    before = middle;
                } else {
                    after = middle;
                }
            }
            replayTo(before);
        }
        return TargetStop.signal(TargetStop.SIGTRAP);
    }

    @Override
    public TargetStop reverseResume(Interruption interruption) throws IOException {
        if (breakpoints.isEmpty()) {
            replayTo(0);
            return TargetStop.atBoot();
        }
        long now = machine.instructions();
        reboot();
        long lastHit = breakpoints.contains(pc()) ? 0 : -1;
        while (machine.instructions() < now) {
            if (runToBreakpoint(Math.min(UNWATCHED_RUN, now - machine.instructions())).isPresent()) {
                break;
            }
            if (machine.instructions() < now && breakpoints.contains(pc())) {
                lastHit = machine.instructions();
            }
            if (interruption.requested()) {
                return TargetStop.signal(TargetStop.SIGINT);
            }
        }
        replayTo(Math.max(0, lastHit));
        return lastHit < 0 ? TargetStop.atBoot() : TargetStop.signal(TargetStop.SIGTRAP);
    }

    @Override
    public void close() {
        machine.close();
    }

    /**
     * Runs at full speed until the machine is about to execute an instruction
     * at a breakpoint, or {@code instructions} have run, or the guest ended.
     * The instruction at PC runs first whatever it is: it is where the last
     * stop was, and a breakpoint there has been reported.
     */
    private Optional<TargetStop> runToBreakpoint(long instructions) {
        long until = machine.instructions() + instructions;
        Optional<TargetStop> ended = advance(1);
        while (ended.isEmpty() && !breakpoints.contains(pc()) && machine.instructions() < until) {
            machine.stopBefore(breakpoints);
            try {
                ended = advance(until - machine.instructions());
            } finally {
                machine.stopBefore(Set.of());
            }
        }
        return ended;
    }

    /**
     * Executes {@code instructions} instructions (fewer if a recorded
     * intervention is due sooner), making the interventions due first;
     * returns the stop when the guest ended or crashed (then, and later,
     * without executing anything).
     */
    private Optional<TargetStop> advance(long instructions) {
        if (end.isPresent()) {
            return end;
        }
        makeDueInterventions();
        long now = machine.instructions();
        long next = made < interventions.size() ? Math.min(now + instructions, interventions.get(made).instruction())
                : now + instructions;
        end = endOf(machine.run(Math.max(1, next - now), System.nanoTime() + NO_DEADLINE, () -> { }));
        return end;
    }

    /** Empty if the guest can go on after {@code stop}; else what gdb hears, after the user has heard why. */
    private Optional<TargetStop> endOf(MachineStop stop) {
        Optional<TargetStop> ended = switch (stop.kind()) {
            case OUT_OF_INSTRUCTIONS, BREAKPOINT -> Optional.empty();
            case HALT, PANIC -> {
                boolean halted = stop.kind() == MachineStop.Kind.HALT;
                int status = protocol.exitStatus().orElse(halted ? 0 : RunResult.FAILURE_EXIT_CODE);
                log.println("qj debug: the image " + (halted ? "halted" : "panicked") + " after "
                        + stop.instructions() + " instructions, exit status " + status);
                yield Optional.of(TargetStop.exited(status));
            }
            case CRASH, HUNG, OUT_OF_TIME, STOP_REQUESTED -> {
                log.println("qj debug: " + RunnerEngine.describeCrash(stop, machine, locator));
                yield Optional.of(TargetStop.signal(stop.kind() == MachineStop.Kind.HUNG
                        ? TargetStop.SIGABRT : TargetStop.SIGSEGV));
            }
        };
        log.flush();
        return ended;
    }

    /** Boots again and runs at full speed to the first stop at or after instruction {@code count}. */
    private void replayTo(long count) {
        reboot();
        while (machine.instructions() < count && advance(count - machine.instructions()).isEmpty()) {
            // On to the next intervention, or to the count.
        }
        // An intervention at the count itself is part of the state there.
        makeDueInterventions();
    }

    private void reboot() {
        if (machine != null) {
            machine.close();
        }
        console.rewind();
        protocol = new ConsoleProtocol(console);
        machine = boot.apply(protocol);
        made = 0;
        end = Optional.empty();
        // What came at the boot (a test's input, gdb's writes before the first instruction) is part of it.
        makeDueInterventions();
    }

    /** Records a change from outside the guest at the current count, and makes it. */
    private void intervene(Consumer<Machine> change) {
        makeDueInterventions();
        interventions.add(made, new Intervention(machine.instructions(), change));
        makeDueInterventions();
    }

    private void makeDueInterventions() {
        while (made < interventions.size() && interventions.get(made).instruction() <= machine.instructions()) {
            interventions.get(made++).change().accept(machine);
        }
    }

    /** Console input that arrived while the target waited: typed now, at this count, and on every replay. */
    private void takeTypedInput() {
        typed.ifPresent(input -> input.takeArrived(bytes -> intervene(m -> m.type(bytes))));
    }

    private long pc() {
        return Integer.toUnsignedLong(machine.cpu().get(Register.PC));
    }

    private static ConsoleInput startTyping(InputStream input) {
        try {
            return ConsoleInput.start(input, "qj debug console input");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console input: " + e.getMessage(), e);
        }
    }
}
