package org.quaject.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RelocationTypeTest {
    @Test
    void everyTypeIsFoundByItsCode() throws ElfFormatException {
        for (RelocationType type : RelocationType.values()) {
            assertEquals(type, RelocationType.fromCode(type.code()));
        }
        assertEquals(42, RelocationType.R_68K_TLS_TPREL32.code());
    }

    @Test
    void unknownCodesAreFormatErrors() {
        assertThrows(ElfFormatException.class, () -> RelocationType.fromCode(43));
        assertThrows(ElfFormatException.class, () -> RelocationType.fromCode(-1));
    }
}
