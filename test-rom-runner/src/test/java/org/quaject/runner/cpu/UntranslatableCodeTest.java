package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which words start code the core cannot translate: FPU conditionals with an undefined predicate. */
class UntranslatableCodeTest {

    private static final long BASE = 0x1000;

    /** RAM at BASE holding the given words, and nothing else. */
    private static NativeRam ram(int... words) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * words.length);
        for (int word : words) {
            bytes.putShort((short) word);
        }
        return new NativeRam(BASE, bytes, (address, length) -> { });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "FScc with predicate 0x3c,             0xf243, 0x4afc, true",
        "FScc with predicate 0x20,             0xf277, 0x0020, true",
        "FScc with predicate 0x1f (defined),   0xf243, 0x001f, false",
        "FDBcc with predicate 0x21,            0xf24b, 0x0021, true",
        "FTRAPcc with predicate 0x3f,          0xf27c, 0x003f, true",
        "FBcc.w with predicate 0x3c,           0xf2bc, 0x0000, true",
        "FBcc.l with predicate 0x20,           0xf2e0, 0x0000, true",
        "FBcc.w with predicate 0x1f (defined), 0xf29f, 0x0000, false",
        "an FPU general instruction,           0xf200, 0x0020, false",
        "another coprocessor's conditional,    0xf4bc, 0x0000, false",
        "no F-line word at all,                0x4e71, 0x0020, false",
    })
    void knowsTheUntranslatableForms(String what, int first, int second, boolean untranslatable) {
        assertEquals(untranslatable, UntranslatableCode.startsAt(ram(first, second), BASE), what);
    }

    @Test
    void anFsccWhosePredicateWordIsPastRamIsNotOne() {
        assertFalse(UntranslatableCode.startsAt(ram(0xf243), BASE));
    }

    @Test
    void scanFindsEachOneTheWriteMadeOrCompleted() {
        NativeRam ram = ram(0x4e71, 0xf243, 0x4afc, 0x4e71, 0xf2bc, 0x0000);
        List<Long> found = new ArrayList<>();
        // A write of the predicate word alone (BASE + 4) completes the FScc that starts a word earlier.
        UntranslatableCode.scan(ram, BASE + 4, BASE + 6, found::add);
        assertEquals(List.of(BASE + 2), found);
        found.clear();
        UntranslatableCode.scan(ram, BASE, BASE + 12, found::add);
        assertEquals(List.of(BASE + 2, BASE + 8), found);
        assertTrue(UntranslatableCode.startsAt(ram, BASE + 8));
    }

    @Test
    void aOneWordFormJustBeforeTheWriteIsNotTheWritesDoing() {
        // The FBcc at BASE + 8 was there before: a write of the words after it (say, an exception frame
        // pushed above guest data) neither made nor changed it.
        NativeRam ram = ram(0x4e71, 0x4e71, 0x4e71, 0x4e71, 0xf2bc, 0x0000);
        List<Long> found = new ArrayList<>();
        UntranslatableCode.scan(ram, BASE + 10, BASE + 12, found::add);
        assertEquals(List.of(), found);
    }
}
