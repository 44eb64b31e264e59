package org.dnw.report;

import org.dnw.figures.Xml;

/** Escaping for XHTML text and attribute values, as the figures escape SVG. Stateless. */
final class Html {

    private Html() {}

    /** {@code text} safe inside an element or a quoted attribute: see {@link Xml#esc}. */
    static String esc(String text) {
        return Xml.esc(text);
    }
}
