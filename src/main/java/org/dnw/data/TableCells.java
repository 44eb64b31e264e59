package org.dnw.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The cells of a text table: how a line splits into cells (the separator guessed from the first
 * lines), when a cell is a number (a decimal comma with semicolons), header cells and their names,
 * and labels as classes (numbers compared by value, so "1" and "1.0" are one class). Stateless.
 */
final class TableCells {

    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");

    private TableCells() {}

    /** The column whose header cell is {@code name} (case ignored, quotes stripped), or -1. */
    static int find(List<String> headerCells, String name) {
        List<String> cells = unquoted(headerCells);
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c).equalsIgnoreCase(name.strip())) {
                return c;
            }
        }
        return -1;
    }

    static List<String> unquoted(List<String> cells) {
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
    static boolean looksLikeHeader(List<String> first, List<String> second, Separator separator) {
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

    static boolean hasNonNumericFeature(List<String> cells, int labelColumn, Separator separator) {
        for (int c = 0; c < cells.size(); c++) {
            if (c != labelColumn && !Float.isFinite(parse(cells.get(c), separator))) {
                return true;
            }
        }
        return false;
    }

    /** The value of a cell, or NaN when it is not a finite number. */
    static float parse(String cell, Separator separator) {
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
    static boolean looksNumeric(String s) {
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
    static List<String> distinctSorted(String[] labels, Map<String, Integer> classOf) {
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
            sorted = new TreeMap<>(Comparator.comparingDouble(TableCells::number));
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
    static String key(String label) {
        double v = number(label);
        if (Double.isFinite(v)) {
            return numberName(Double.toString(v));
        }
        return label;
    }

    static String numberName(String text) {
        double v = number(text);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static double number(String s) {
        if (s.isEmpty() || !looksNumeric(s)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** How cells are separated, guessed from the first lines. */
    enum Separator {
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
