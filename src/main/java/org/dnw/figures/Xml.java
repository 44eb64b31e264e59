package org.dnw.figures;

/** Escaping for XML (SVG, XHTML) text and attribute values. Stateless. */
public final class Xml {

    private Xml() {}

    /**
     * {@code text} safe inside an element or a quoted attribute: {@code & < > " '} become character
     * references, and characters that XML 1.0 forbids (control characters, lone surrogates) are
     * dropped so that the document stays well-formed for the PDF renderer. Null becomes the empty
     * string.
     */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints()
                .forEach(
                        c -> {
                            switch (c) {
                                case '&' -> out.append("&amp;");
                                case '<' -> out.append("&lt;");
                                case '>' -> out.append("&gt;");
                                case '"' -> out.append("&quot;");
                                case '\'' -> out.append("&#39;");
                                default -> {
                                    if (allowedInXml(c)) {
                                        out.appendCodePoint(c);
                                    }
                                }
                            }
                        });
        return out.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
