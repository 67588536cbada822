package org.quaject.runner.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    private static final long NS = 1L << VirtualClock.SHIFT;

    private final VirtualClock clock = new VirtualClock();
    private final EventQueue events = new EventQueue(clock);
    private final List<String> ran = new ArrayList<>();

    @Test
    void anEventIsDueAfterTheInstructionThatReachesItsDeadline() {
        events.at(16 * NS + 1, () -> ran.add("a"));
        assertEquals(OptionalLong.of(17), events.nextDueAt());
        clock.advance(16);
        events.runDue();
        assertEquals(List.of(), ran, "not yet: 1 ns to go");
        clock.advance(1);
        events.runDue();
        assertEquals(List.of("a"), ran);
        assertEquals(OptionalLong.empty(), events.nextDueAt());
    }

    @Test
    void eventsRunInDeadlineOrderThenInTheOrderScheduled() {
        events.at(3 * NS, () -> ran.add("late"));
        events.at(NS, () -> ran.add("first"));
        events.at(NS, () -> ran.add("second"));
        events.afterInstructions(2, () -> ran.add("middle"));
        clock.advance(3);
        events.runDue();
        assertEquals(List.of("first", "second", "middle", "late"), ran);
    }

    @Test
    void aCancelledEventDoesNotRun() {
        Scheduler.Event event = events.afterInstructions(1, () -> ran.add("cancelled"));
        assertTrue(event.pending());
        event.cancel();
        assertFalse(event.pending());
        clock.advance(1);
        events.runDue();
        assertEquals(List.of(), ran);
        assertEquals(OptionalLong.empty(), events.nextDeadline());
    }

    @Test
    void anActionMayScheduleForNowAndItRunsInTheSameRound() {
        events.afterInstructions(1, () -> {
            ran.add("outer");
            events.at(clock.nanos(), () -> ran.add("inner"));
        });
        clock.advance(1);
        events.runDue();
        assertEquals(List.of("outer", "inner"), ran);
    }

    @Test
    void aStoppedCpuSkipsToTheNextDeadline() {
        assertFalse(events.idleUntilNext(), "nothing will ever happen");
        events.at(1_000_037, () -> ran.add("alarm"));
        assertTrue(events.idleUntilNext());
        assertEquals(1_000_037, clock.nanos());
        assertEquals(List.of("alarm"), ran);
    }

    @Test
    void anEventComesAtLeastOneInstructionLater() {
        assertThrows(IllegalArgumentException.class, () -> events.afterInstructions(0, () -> { }));
    }
}
