package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTableTest {

    @Test
    void eachColumnStartsWhereItsWidestCellAndAGapLeaveRoom() {
        FigureTable table = new FigureTable(List.of("", "runner", "QEMU", "runner/QEMU"));
        table.add(List.of("compute: MIPS", "72.1 (68.1..76.2)", "1159", "0.06"));
        table.add(List.of("a", "1", "22", ""));
        assertEquals("""
                                runner              QEMU   runner/QEMU
                compute: MIPS   72.1 (68.1..76.2)   1159   0.06
                a               1                   22
                """, table.render());
    }

    @Test
    void aRowMustHaveACellForEveryColumn() {
        FigureTable table = new FigureTable(List.of("", "runner"));
        assertThrows(IllegalArgumentException.class, () -> table.add(List.of("a", "1", "2")));
    }
}
