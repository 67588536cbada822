package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The opcodes the CAS watch stops before: CAS and CAS2 by the MC68030 User's Manual, section 4, and nothing else. */
class CompareAndSwapTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "0ad0, cas.b d0:d1 (a0), true",
        "0cd8, cas.w (a0)+, true",
        "0ce1, cas.w -(a1), true",
        "0ee9, cas.l d16(a1), true",
        "0ef2, cas.l d8(a2;d0), true",
        "0ef8, cas.l abs.w, true",
        "0ef9, cas.l abs.l, true",
        "0cfc, cas2.w, true",
        "0efc, cas2.l, true",
        "0afc, no cas2.b, false",
        "0ac0, cas with a data register operand, false",
        "0ec8, cas with an address register operand, false",
        "0efa, cas with a pc-relative operand, false",
        "0efb, cas with a pc-indexed operand, false",
        "08d0, bset #n (a0), false",
        "0e90, moves.l (a0), false",
        "4e71, nop, false",
    })
    void isExactlyTheCasAndCas2Opcodes(String opcode, String what, boolean cas) {
        assertEquals(cas, CompareAndSwap.is(Integer.parseInt(opcode, 16)), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0ac0, true", "0cff, true", "0ec0, true", "08c0, false", "0bc0, false", "0e00, false"})
    void theScanLooksForTheWholeFamily(String word, boolean candidate) {
        assertEquals(candidate, CompareAndSwap.mayBe(Integer.parseInt(word, 16)));
    }
}
