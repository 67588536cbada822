package org.quaject.runner.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void bothLimitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Budget(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Budget(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Budget(1, Duration.ofSeconds(-1)));
    }

    @Test
    void anInstructionBudgetKeepsTheDefaultTime() {
        Budget budget = Budget.ofInstructions(500);
        assertEquals(500, budget.instructions());
        assertEquals(Budget.DEFAULT.time(), budget.time());
        assertEquals("500 instructions or 60.0 s", budget.toString());
    }
}
