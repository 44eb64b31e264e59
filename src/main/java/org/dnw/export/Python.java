package org.dnw.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds Python source line by line (newline-terminated) and writes Python literals: the one source
 * builder of the exported scripts. Not thread-safe.
 */
final class Python {

    private final StringBuilder text = new StringBuilder();

    /** Appends {@code line} and a newline; returns this. */
    Python line(String line) {
        text.append(line).append('\n');
        return this;
    }

    /** Appends an empty line; returns this. */
    Python blank() {
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A Python string literal of {@code s} (double quotes, backslash escapes). */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code s} made safe inside a triple-quoted docstring or a comment: backslashes doubled,
     * quotes escaped, line breaks as spaces.
     */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ').replace('\r', ' ');
    }

    /** A Python list literal of strings. */
    static String list(List<String> values) {
        return values.stream().map(Python::string).collect(Collectors.joining(", ", "[", "]"));
    }
}
