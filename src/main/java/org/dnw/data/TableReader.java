package org.dnw.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a table of numeric features with one class label per row from a text file: comma-,
 * semicolon- or tab-delimited, or separated by runs of spaces and tabs (as in the UCI wheat-seeds
 * file). Blank lines and lines starting with {@code #} are skipped. A first row with a word where
 * the second row has a number (or with only words) is a header and names the columns. The label
 * column is the one chosen ({@link Options#labelColumn()}), else guessed: a header cell named as in
 * {@link #LABEL_HEADER_NAMES}, else the last column; a guess that holds fractional numbers or too
 * many distinct values is refused ({@link #readTable}). Labels may be numbers or words; the class
 * names are the distinct labels, sorted (numerically when every label is a number). With
 * semicolons, a decimal comma ({@code 1,5}) is read as a decimal point. Stateless and thread-safe.
 */
public final class TableReader {

    private static final int SNIFF_LINES = 20;

    private TableReader() {}

    /** Header names taken to name the label column, in order of preference. */
    public static final List<String> LABEL_HEADER_NAMES =
            List.of("class", "label", "target", "species", "type", "y");

    /** A guessed label column with more distinct values than this is refused. */
    static final int MAX_GUESSED_CLASSES = 50;

    /**
     * How to read a table.
     *
     * @param labelColumn which column holds the label: a name from the header (case ignored), a
     *     number counting from 1 (negative counts from the end: -1 = the last column), "first" or
     *     "last"; null to guess it (a header cell named as in {@link #LABEL_HEADER_NAMES}, else the
     *     last column)
     * @param header true or false to say whether the first row is a header, null to detect it
     * @param classNames names to give the classes instead of their labels, in sorted-label order;
     *     null to use the labels themselves; when given, the file must have exactly this many
     *     classes
     * @param featureNames names of the feature columns, null for the header's (or "feature 1",
     *     "feature 2", …)
     */
    public record Options(
            String labelColumn,
            Boolean header,
            List<String> classNames,
            List<String> featureNames) {

        /** Label guessed, header detected, names from the file. */
        public static final Options DEFAULT = new Options(null, null, null, null);

        public Options {
            labelColumn = labelColumn == null || labelColumn.isBlank() ? null : labelColumn.strip();
            classNames = classNames == null ? null : List.copyOf(classNames);
            featureNames = featureNames == null ? null : List.copyOf(featureNames);
        }

        /** These options with the label in {@code column} (0-based; negative from the end). */
        public Options withLabelColumn(int column) {
            return withLabelColumn(
                    column < 0 ? Integer.toString(column) : Integer.toString(column + 1));
        }

        /** These options with the label column named as in {@link #labelColumn()} (null: guess). */
        public Options withLabelColumn(String column) {
            return new Options(column, header, classNames, featureNames);
        }

        /** These options saying whether there is a header row (null: detect). */
        public Options withHeader(Boolean value) {
            return new Options(labelColumn, value, classNames, featureNames);
        }

        /** These options naming the classes, in sorted-label order (null: the labels). */
        public Options withClassNames(List<String> names) {
            return new Options(labelColumn, header, names, featureNames);
        }

        /** These options naming the feature columns (null: from the header or numbered). */
        public Options withFeatureNames(List<String> names) {
            return new Options(labelColumn, header, classNames, names);
        }
    }

    /**
     * A table as read: its samples and how its columns were taken.
     *
     * @param samples the rows
     * @param layout the columns, the header and the label column
     */
    public record ReadTable(TableSamples samples, TableLayout layout) {}

    /** Reads {@code file} with {@link Options#DEFAULT}. */
    public static TableSamples read(Path file) throws DataFormatException {
        return read(file, Options.DEFAULT);
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException naming the file (and the line and column) when it is empty, has
     *     rows of different lengths, a cell that is not a number, a single class, or does not match
     *     the options
     */
    public static TableSamples read(Path file, Options options) throws DataFormatException {
        return readTable(file, options).samples();
    }

    /**
     * Reads {@code file}, saying which column was taken as the label and why.
     *
     * @throws DataFormatException as {@link #read(Path, Options)}; also when the label column was
     *     guessed and holds fractional numbers or more distinct values than a classification table
     *     has (more than {@value #MAX_GUESSED_CLASSES}, or fewer than two rows per class in a table
     *     of 20 rows or more), saying which other column may be the label
     */
    public static ReadTable readTable(Path file, Options options) throws DataFormatException {
        return readTable(file, options, false);
    }

    /**
     * The columns of {@code file} and the label column the options pick (or the guess), without
     * reading the rows: what a window offers for choosing the label column, also when the guess was
     * refused.
     *
     * @throws DataFormatException when the file is not a table or the chosen column is not in it
     */
    public static TableLayout layout(Path file, Options options) throws DataFormatException {
        return readTable(file, options, true).layout();
    }

    private static ReadTable readTable(Path file, Options options, boolean layoutOnly)
            throws DataFormatException {
        List<String> lines = readLines(file);
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> content = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                content.add(trimmed);
                lineNumbers.add(i + 1);
            }
        }
        if (content.isEmpty()) {
            throw new DataFormatException(file, "is empty: it holds no rows of data");
        }
        TableCells.Separator separator =
                TableCells.Separator.sniff(
                        content.subList(0, Math.min(SNIFF_LINES, content.size())));
        List<String> first = separator.split(content.get(0));
        int columns = first.size();
        if (columns < 2) {
            throw new DataFormatException(
                    file,
                    "line "
                            + lineNumbers.get(0)
                            + " has a single column; a table needs at least one feature column"
                            + " and a label column");
        }
        List<String> second =
                content.size() > 1 ? separator.split(content.get(1)) : List.<String>of();
        boolean header;
        int labelColumn;
        String reason;
        Integer index =
                options.labelColumn() == null ? null : index(options.labelColumn(), columns);
        if (index != null) {
            labelColumn = index;
            if (labelColumn < 0 || labelColumn >= columns) {
                throw new DataFormatException(
                        file,
                        "has "
                                + columns
                                + " columns, so there is no label column "
                                + options.labelColumn()
                                + " (give 1 to "
                                + columns
                                + ", or -1 for the last)");
            }
            header =
                    options.header() != null
                            ? options.header()
                            : TableCells.hasNonNumericFeature(first, labelColumn, separator);
            reason = "chosen";
        } else {
            header =
                    options.header() != null
                            ? options.header()
                            : TableCells.looksLikeHeader(first, second, separator);
            if (options.labelColumn() != null) {
                labelColumn = header ? TableCells.find(first, options.labelColumn()) : -1;
                if (labelColumn < 0) {
                    throw new DataFormatException(
                            file,
                            header
                                    ? "has no column named \""
                                            + TableCells.shorten(options.labelColumn())
                                            + "\"; its columns are "
                                            + String.join(", ", TableCells.unquoted(first))
                                            + " (or give the label column's number, 1 to "
                                            + columns
                                            + ")"
                                    : "has no header row naming its columns, so there is no"
                                            + " column named \""
                                            + TableCells.shorten(options.labelColumn())
                                            + "\"; give the label column's number, 1 to "
                                            + columns);
                }
                reason = "chosen";
            } else {
                labelColumn = -1;
                reason = null;
                if (header) {
                    for (String wanted : LABEL_HEADER_NAMES) {
                        labelColumn = TableCells.find(first, wanted);
                        if (labelColumn >= 0) {
                            reason =
                                    "guessed: the header names it \""
                                            + TableCells.unquoted(first).get(labelColumn)
                                            + "\"";
                            break;
                        }
                    }
                }
                if (labelColumn < 0) {
                    labelColumn = columns - 1;
                    reason =
                            "guessed: the last column"
                                    + (header
                                            ? " (no header cell is named "
                                                    + String.join(", ", LABEL_HEADER_NAMES)
                                                    + ")"
                                            : "");
                }
            }
        }
        List<String> columnNames = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            columnNames.add(header ? TableCells.unquoted(first).get(c) : "column " + (c + 1));
        }
        TableLayout layout =
                new TableLayout(
                        columnNames, header, labelColumn, options.labelColumn() == null, reason);
        if (layoutOnly) {
            return new ReadTable(null, layout);
        }
        int featureCount = columns - 1;
        List<String> featureNames = new ArrayList<>();
        if (options.featureNames() != null) {
            if (options.featureNames().size() != featureCount) {
                throw new DataFormatException(
                        file,
                        "has "
                                + featureCount
                                + " feature columns but "
                                + options.featureNames().size()
                                + " feature names were given");
            }
            featureNames.addAll(options.featureNames());
        } else {
            for (int c = 0; c < columns; c++) {
                if (c != labelColumn) {
                    featureNames.add(
                            header
                                    ? TableCells.unquoted(first).get(c)
                                    : "feature " + (featureNames.size() + 1));
                }
            }
        }
        int start = header ? 1 : 0;
        int rows = content.size() - start;
        if (rows == 0) {
            throw new DataFormatException(file, "holds a header but no rows of data");
        }
        if ((long) rows * featureCount > ReadSupport.MAX_ARRAY) {
            throw new DataFormatException(file, "is too large to hold in memory");
        }
        float[] values = new float[rows * featureCount];
        String[] labelText = new String[rows];
        for (int r = 0; r < rows; r++) {
            int lineNumber = lineNumbers.get(start + r);
            List<String> cells = separator.split(content.get(start + r));
            if (cells.size() != columns) {
                throw new DataFormatException(
                        file,
                        "line "
                                + lineNumber
                                + " has "
                                + cells.size()
                                + " fields, but line "
                                + lineNumbers.get(0)
                                + " has "
                                + columns
                                + " (is a value missing, or a separator doubled?)");
            }
            int f = 0;
            for (int c = 0; c < columns; c++) {
                String cell = cells.get(c);
                if (c == labelColumn) {
                    if (cell.isEmpty()) {
                        throw new DataFormatException(
                                file,
                                "line "
                                        + lineNumber
                                        + ", column "
                                        + (c + 1)
                                        + ": the label is empty");
                    }
                    labelText[r] = cell;
                    continue;
                }
                float v = TableCells.parse(cell, separator);
                if (!Float.isFinite(v)) {
                    throw new DataFormatException(
                            file,
                            "line "
                                    + lineNumber
                                    + ", column "
                                    + (c + 1)
                                    + (cell.isEmpty()
                                            ? " is empty; every feature needs a number"
                                            : ": \""
                                                    + TableCells.shorten(cell)
                                                    + "\" is not a number"));
                }
                values[r * featureCount + f++] = v;
            }
        }
        Map<String, Integer> classOf = new HashMap<>();
        List<String> distinct = TableCells.distinctSorted(labelText, classOf);
        if (distinct.size() < 2) {
            throw new DataFormatException(
                    file,
                    "every row has the label \""
                            + TableCells.shorten(distinct.get(0))
                            + "\" in column "
                            + (labelColumn + 1)
                            + "; a classifier needs at least two classes (is the label in another"
                            + " column?)");
        }
        if (options.labelColumn() == null && options.classNames() == null) {
            refuseUnlikelyLabels(file, layout, labelText, distinct, content, start, separator);
        }
        List<String> classNames = distinct;
        if (options.classNames() != null) {
            if (options.classNames().size() != distinct.size()) {
                throw new DataFormatException(
                        file,
                        "has "
                                + distinct.size()
                                + " classes ("
                                + String.join(", ", distinct)
                                + ") but "
                                + options.classNames().size()
                                + " were expected");
            }
            classNames = options.classNames();
        }
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = classOf.get(TableCells.key(labelText[r]));
        }
        return new ReadTable(
                new TableSamples(featureCount, values, labels, classNames, featureNames), layout);
    }

    /**
     * Refuses a guessed label column that does not look like classes: fractional numbers, or more
     * distinct values than a classification table has. Names a column that looks more like one.
     */
    private static void refuseUnlikelyLabels(
            Path file,
            TableLayout layout,
            String[] labelText,
            List<String> distinct,
            List<String> content,
            int start,
            TableCells.Separator separator)
            throws DataFormatException {
        int rows = labelText.length;
        String fraction = null;
        for (String label : labelText) {
            double v = TableCells.number(label);
            if (Double.isFinite(v) && v != Math.rint(v)) {
                fraction = label;
                break;
            }
        }
        String why;
        if (fraction != null) {
            why =
                    "holds fractional numbers such as "
                            + TableCells.shorten(fraction)
                            + ", a measurement rather"
                            + " than a class";
        } else if (distinct.size() > MAX_GUESSED_CLASSES) {
            why =
                    "holds "
                            + distinct.size()
                            + " distinct values, more classes than a"
                            + " classification table has (at most "
                            + MAX_GUESSED_CLASSES
                            + " are taken"
                            + " without asking)";
        } else if (rows >= 20 && distinct.size() * 2 > rows) {
            why =
                    "holds "
                            + distinct.size()
                            + " distinct values in "
                            + rows
                            + " rows, fewer than"
                            + " two rows per class";
        } else {
            return;
        }
        StringBuilder m = new StringBuilder();
        m.append("the label column was ")
                .append(layout.reason())
                .append(" (")
                .append(layout.labelName())
                .append("), but it ")
                .append(why)
                .append('.');
        String better = likelyLabel(layout, content, start, separator);
        if (better != null) {
            m.append(' ').append(better);
        }
        m.append(
                " Choose the label column (--label-column NAME or NUMBER on the command line, the"
                        + " label-column choice in the window).");
        throw new DataFormatException(file, m.toString());
    }

    /** A sentence naming the column that looks most like a label, or null when none does. */
    private static String likelyLabel(
            TableLayout layout, List<String> content, int start, TableCells.Separator separator) {
        int columns = layout.columnNames().size();
        int rows = content.size() - start;
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        for (int c = 0; c < columns; c++) {
            if (c == layout.labelColumn()) {
                continue;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            boolean ok = true;
            for (int r = start; r < content.size() && ok; r++) {
                List<String> cells = separator.split(content.get(r));
                if (cells.size() != columns) {
                    return null;
                }
                String cell = cells.get(c);
                double v = TableCells.number(cell);
                ok = !cell.isEmpty() && !(Double.isFinite(v) && v != Math.rint(v));
                seen.add(TableCells.key(cell));
                ok &= seen.size() <= MAX_GUESSED_CLASSES && !(rows >= 20 && seen.size() * 2 > rows);
            }
            if (ok && seen.size() >= 2 && seen.size() < bestCount) {
                best = c;
                bestCount = seen.size();
            }
        }
        return best < 0
                ? null
                : "Column "
                        + (best + 1)
                        + (layout.header() ? " (" + layout.columnNames().get(best) + ")" : "")
                        + " holds "
                        + bestCount
                        + " distinct whole numbers or words and may be the label.";
    }

    /** 0-based column of a number label (1-based, negative from the end); null for a name. */
    private static Integer index(String column, int columns) {
        String c = column.toLowerCase(java.util.Locale.ROOT);
        if (c.equals("first")) {
            return 0;
        }
        if (c.equals("last")) {
            return columns - 1;
        }
        if (c.matches("[-+]?\\d{1,9}")) {
            int n = Integer.parseInt(c);
            return n > 0 ? n - 1 : n < 0 ? columns + n : columns;
        }
        return null;
    }

    private static List<String> readLines(Path file) throws DataFormatException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "not found at " + file.toAbsolutePath());
        }
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        List<String> lines = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.indexOf('\0') >= 0) {
                    throw new DataFormatException(
                            file, "is not a text table (it holds binary data)");
                }
                lines.add(line);
            }
        } catch (IOException e) {
            throw ReadSupport.unreadable(file, e);
        }
        return lines;
    }
}
