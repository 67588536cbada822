package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a label column, one column per engine, and a last column, left-aligned. */
public final class FigureTable {
    private static final String GAP = "   ";

    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column titles, the label column's first (it may be empty) */
    public FigureTable(List<String> header) {
        rows.add(List.copyOf(header));
    }

    /** Adds a row with as many cells as the header. */
    public void add(List<String> cells) {
        if (cells.size() != rows.get(0).size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of "
                    + rows.get(0).size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    /** The table, one line per row, each ending in a newline; no trailing blanks. */
    public String render() {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row.get(c));
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row.get(c).length())).append(GAP);
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
