package org.dnw.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");
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
        Separator separator =
                Separator.sniff(content.subList(0, Math.min(SNIFF_LINES, content.size())));
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
                            : hasNonNumericFeature(first, labelColumn, separator);
            reason = "chosen";
        } else {
            header =
                    options.header() != null
                            ? options.header()
                            : looksLikeHeader(first, second, separator);
            if (options.labelColumn() != null) {
                labelColumn = header ? find(first, options.labelColumn()) : -1;
                if (labelColumn < 0) {
                    throw new DataFormatException(
                            file,
                            header
                                    ? "has no column named \""
                                            + shorten(options.labelColumn())
                                            + "\"; its columns are "
                                            + String.join(", ", unquoted(first))
                                            + " (or give the label column's number, 1 to "
                                            + columns
                                            + ")"
                                    : "has no header row naming its columns, so there is no"
                                            + " column named \""
                                            + shorten(options.labelColumn())
                                            + "\"; give the label column's number, 1 to "
                                            + columns);
                }
                reason = "chosen";
            } else {
                labelColumn = -1;
                reason = null;
                if (header) {
                    for (String wanted : LABEL_HEADER_NAMES) {
                        labelColumn = find(first, wanted);
                        if (labelColumn >= 0) {
                            reason =
                                    "guessed: the header names it \""
                                            + unquoted(first).get(labelColumn)
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
            columnNames.add(header ? unquoted(first).get(c) : "column " + (c + 1));
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
                                    ? unquoted(first).get(c)
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
                float v = parse(cell, separator);
                if (!Float.isFinite(v)) {
                    throw new DataFormatException(
                            file,
                            "line "
                                    + lineNumber
                                    + ", column "
                                    + (c + 1)
                                    + (cell.isEmpty()
                                            ? " is empty; every feature needs a number"
                                            : ": \"" + shorten(cell) + "\" is not a number"));
                }
                values[r * featureCount + f++] = v;
            }
        }
        Map<String, Integer> classOf = new HashMap<>();
        List<String> distinct = distinctSorted(labelText, classOf);
        if (distinct.size() < 2) {
            throw new DataFormatException(
                    file,
                    "every row has the label \""
                            + shorten(distinct.get(0))
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
            labels[r] = classOf.get(key(labelText[r]));
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
            Separator separator)
            throws DataFormatException {
        int rows = labelText.length;
        String fraction = null;
        for (String label : labelText) {
            double v = number(label);
            if (Double.isFinite(v) && v != Math.rint(v)) {
                fraction = label;
                break;
            }
        }
        String why;
        if (fraction != null) {
            why =
                    "holds fractional numbers such as "
                            + shorten(fraction)
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
            TableLayout layout, List<String> content, int start, Separator separator) {
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
                double v = number(cell);
                ok = !cell.isEmpty() && !(Double.isFinite(v) && v != Math.rint(v));
                seen.add(key(cell));
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

    /** The column whose header cell is {@code name} (case ignored, quotes stripped), or -1. */
    private static int find(List<String> headerCells, String name) {
        List<String> cells = unquoted(headerCells);
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c).equalsIgnoreCase(name.strip())) {
                return c;
            }
        }
        return -1;
    }

    private static List<String> unquoted(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String cell : cells) {
            String s = cell;
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            out.add(s.strip());
        }
        return out;
    }

    /**
     * A first row is a header when some column holds a word there and a number in the second row,
     * or when every cell of it is a word.
     */
    private static boolean looksLikeHeader(
            List<String> first, List<String> second, Separator separator) {
        boolean allWords = true;
        for (int c = 0; c < first.size(); c++) {
            boolean word = !Float.isFinite(parse(first.get(c), separator));
            allWords &= word;
            if (word && c < second.size() && Float.isFinite(parse(second.get(c), separator))) {
                return true;
            }
        }
        return allWords;
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

    private static boolean hasNonNumericFeature(
            List<String> cells, int labelColumn, Separator separator) {
        for (int c = 0; c < cells.size(); c++) {
            if (c != labelColumn && !Float.isFinite(parse(cells.get(c), separator))) {
                return true;
            }
        }
        return false;
    }

    /** The value of a cell, or NaN when it is not a finite number. */
    private static float parse(String cell, Separator separator) {
        String s = cell;
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (separator == Separator.SEMICOLON && s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
            s = s.replace(',', '.');
        }
        if (s.isEmpty() || !looksNumeric(s)) {
            return Float.NaN;
        }
        try {
            return Float.parseFloat(s);
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    /**
     * Rejects what Float.parseFloat accepts but a person does not mean as a number (NaN, 1f,
     * 0x1p3).
     */
    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(Character.isDigit(ch)
                    || ch == '.'
                    || ch == '-'
                    || ch == '+'
                    || ch == 'e'
                    || ch == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** The distinct labels, sorted; numerically when all are numbers. Fills {@code classOf}. */
    private static List<String> distinctSorted(String[] labels, Map<String, Integer> classOf) {
        boolean numeric = true;
        for (String label : labels) {
            if (!Double.isFinite(number(label))) {
                numeric = false;
                break;
            }
        }
        // Numeric labels are compared by value, so "1" and "1.0" are one class; the map keeps the
        // text of each class's first label.
        TreeMap<String, String> sorted;
        if (numeric) {
            sorted = new TreeMap<>(Comparator.comparingDouble(TableReader::number));
        } else {
            sorted = new TreeMap<>(Comparator.<String>naturalOrder());
        }
        for (String label : labels) {
            sorted.putIfAbsent(key(label), label);
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            classOf.put(e.getKey(), names.size());
            names.add(numeric ? numberName(e.getKey()) : e.getValue());
        }
        return names;
    }

    /** Identity of a label: its numeric value when it is a number, else its text. */
    private static String key(String label) {
        double v = number(label);
        if (Double.isFinite(v)) {
            return numberName(Double.toString(v));
        }
        return label;
    }

    private static String numberName(String text) {
        double v = number(text);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static double number(String s) {
        if (s.isEmpty() || !looksNumeric(s)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** How cells are separated, guessed from the first lines. */
    private enum Separator {
        SEMICOLON,
        COMMA,
        TAB_OR_SPACES;

        static Separator sniff(List<String> lines) {
            if (lines.stream().allMatch(l -> l.indexOf(';') >= 0)) {
                return SEMICOLON;
            }
            if (lines.stream().allMatch(l -> l.indexOf(',') >= 0)) {
                return COMMA;
            }
            return TAB_OR_SPACES;
        }

        List<String> split(String line) {
            List<String> out = new ArrayList<>();
            switch (this) {
                case SEMICOLON -> splitOn(line, ';', out);
                case COMMA -> splitOn(line, ',', out);
                default -> {
                    for (String cell : WHITESPACE.split(line.strip())) {
                        out.add(cell);
                    }
                }
            }
            return out;
        }

        private static void splitOn(String line, char separator, List<String> out) {
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == separator && !quoted) {
                    out.add(cell.toString().strip());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            out.add(cell.toString().strip());
        }
    }
}
