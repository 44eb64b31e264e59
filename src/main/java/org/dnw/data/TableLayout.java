package org.dnw.data;

import java.util.List;

/**
 * How a table's columns were taken: their names, whether the first row was a header, and which
 * column holds the class label and why. Immutable.
 *
 * @param columnNames one name per column, in file order: the header's cells, or "column 1", "column
 *     2", … when there is no header
 * @param header true when the first row was a header
 * @param labelColumn 0-based column of the label
 * @param guessed true when the label column was guessed, false when the user chose it
 * @param reason for a person: "chosen", "guessed: the header names it "species"", "guessed: the
 *     last column"
 */
public record TableLayout(
        List<String> columnNames, boolean header, int labelColumn, boolean guessed, String reason) {

    public TableLayout {
        columnNames = List.copyOf(columnNames);
        if (labelColumn < 0 || labelColumn >= columnNames.size()) {
            throw new IllegalArgumentException("no column " + labelColumn);
        }
    }

    /**
     * The label column as a person reads it: "column 8" without a header, "species (column 5)" with
     * one.
     */
    public String labelName() {
        return header
                ? columnNames.get(labelColumn) + " (column " + (labelColumn + 1) + ")"
                : "column " + (labelColumn + 1);
    }

    /**
     * The label column as {@link TableReader.Options#labelColumn()} takes it back: its header name
     * when there is a header, else its number counting from 1.
     */
    public String labelColumnOption() {
        return optionFor(labelColumn);
    }

    /** Column {@code column} (0-based) as {@link TableReader.Options#labelColumn()} takes it. */
    public String optionFor(int column) {
        return header ? columnNames.get(column) : Integer.toString(column + 1);
    }
}
