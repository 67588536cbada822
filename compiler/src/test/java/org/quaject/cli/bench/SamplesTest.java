package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueInOrder() {
        Samples samples = new Samples(List.of(9.0, 1.0, 4.0, 7.0, 2.0));
        assertEquals(4.0, samples.median());
        assertEquals(1.0, samples.min());
        assertEquals(9.0, samples.max());
        assertEquals(5, samples.count());
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        Samples samples = new Samples(List.of(10.0, 3.0, 1.0, 4.0));
        assertEquals(3.5, samples.median());
        assertEquals(1.0, samples.min());
        assertEquals(10.0, samples.max());
    }

    @Test
    void oneValueIsItsOwnMedianMinimumAndMaximum() {
        Samples samples = new Samples(List.of(2.5));
        assertEquals(2.5, samples.median());
        assertEquals(2.5, samples.min());
        assertEquals(2.5, samples.max());
    }

    @Test
    void noValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Samples(List.of()));
    }
}
