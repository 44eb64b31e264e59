package org.dnw.ui.common;

import java.util.Collection;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Widths that keep a table's words whole: a column is never narrower than its header, so
 * "precision" never reads "prec…", and can be widened to its longest cell text. Widths are measured
 * in a bold font of at least 13 px, the largest header font of the stylesheets.
 */
public final class Columns {

    /** Room for a header's or cell's padding and a sort arrow beside the text. */
    private static final double PADDING = 22;

    private Columns() {}

    /**
     * Gives every column of {@code table} (nested ones too) a minimum width that fits its header.
     */
    public static void keepHeadersWhole(TableView<?> table) {
        keepHeadersWhole(table.getColumns());
    }

    private static void keepHeadersWhole(List<? extends TableColumnBase<?, ?>> columns) {
        for (TableColumnBase<?, ?> column : columns) {
            double header = textWidth(headerText(column)) + PADDING;
            column.setMinWidth(Math.max(column.getMinWidth(), header));
            if (column.getPrefWidth() < column.getMinWidth()) {
                column.setPrefWidth(column.getMinWidth());
            }
            keepHeadersWhole(column.getColumns());
        }
    }

    /**
     * Widens {@code column} (its minimum and preferred width) so that the longest of {@code texts}
     * and its header fit; it never narrows it.
     */
    public static void fitTexts(TableColumn<?, ?> column, Collection<String> texts) {
        double widest = textWidth(headerText(column));
        for (String text : texts) {
            widest = Math.max(widest, textWidth(text));
        }
        double width = Math.ceil(widest) + PADDING;
        column.setMinWidth(Math.max(column.getMinWidth(), width));
        column.setPrefWidth(Math.max(column.getPrefWidth(), width));
    }

    /** Width in pixels of {@code text} in the measuring font. */
    public static double textWidth(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text probe = new Text(text);
        probe.setFont(measuringFont());
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }

    /** The width {@code text} needs in {@code font}, rounded up. */
    public static double textWidth(String text, Font font) {
        Text probe = new Text(text == null ? "" : text);
        probe.setFont(font);
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }

    private static Font measuringFont() {
        Font base = Font.getDefault();
        return Font.font(base.getFamily(), FontWeight.BOLD, Math.max(13, base.getSize()));
    }

    private static String headerText(TableColumnBase<?, ?> column) {
        if (column.getGraphic() instanceof Labeled label && label.getText() != null) {
            return longestWordOrAll(label);
        }
        return column.getText();
    }

    /** A wrapping header needs room for its longest word only; another for its whole text. */
    private static String longestWordOrAll(Labeled label) {
        if (!label.isWrapText()) {
            return label.getText();
        }
        String longest = "";
        for (String word : label.getText().strip().split("\\s+")) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        return longest;
    }
}
