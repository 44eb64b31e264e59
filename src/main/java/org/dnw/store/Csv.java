package org.dnw.store;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 quoting for the run's CSV files: one record per line, no line breaks in fields. */
final class Csv {

    private Csv() {}

    /** The field, quoted when it holds a comma, a quote or leading/trailing space. */
    static String field(String value) {
        // A class name with a line break would split its record; a space keeps the file readable.
        String v = value.replace('\r', ' ').replace('\n', ' ');
        boolean quote =
                v.indexOf(',') >= 0
                        || v.indexOf('"') >= 0
                        || (!v.isEmpty() && (v.charAt(0) == ' ' || v.endsWith(" ")));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        return b.append('\n').toString();
    }

    /**
     * The fields of one line.
     *
     * @throws IllegalArgumentException when a quoted field is not closed
     */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("a quoted value is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cur.append(c);
                    }
                }
                while (i < n && line.charAt(i) != ',') {
                    cur.append(line.charAt(i++));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    cur.append(line.charAt(i++));
                }
            }
            out.add(cur.toString());
            cur.setLength(0);
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }
}
