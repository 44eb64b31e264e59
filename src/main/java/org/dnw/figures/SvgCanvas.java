package org.dnw.figures;

import java.util.List;
import java.util.Locale;

/**
 * A {@link Canvas} that writes an {@code <svg>} element. Only SVG presentation attributes are used,
 * no CSS, so that a browser and the PDF renderer's SVG engine draw it alike; numbers are written
 * with at most one decimal. Text widths are estimated from the character count, as no font is at
 * hand.
 */
final class SvgCanvas implements Canvas {

    /** The font size set on the root element; text of this size leaves it unsaid. */
    static final double DEFAULT_SIZE = 11;

    /** Estimated width of one character at {@link #DEFAULT_SIZE}. */
    static final double CHAR_WIDTH = 6.2;

    private final StringBuilder svg = new StringBuilder(4096);

    /** Opens the element; {@code title} is its accessible name. */
    SvgCanvas(double width, double height, String title) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
                .append(num(width))
                .append("\" height=\"")
                .append(num(height))
                .append("\" viewBox=\"0 0 ")
                .append(num(width))
                .append(' ')
                .append(num(height))
                .append("\" font-family=\"DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif\"")
                .append(" font-size=\"")
                .append(num(DEFAULT_SIZE))
                .append("\" role=\"img\" aria-label=\"")
                .append(Xml.esc(title))
                .append("\">\n<title>")
                .append(Xml.esc(title))
                .append("</title>\n");
    }

    /** Closes the element and returns it. */
    String finish() {
        return svg.append("</svg>").toString();
    }

    @Override
    public void rect(
            double x,
            double y,
            double width,
            double height,
            String fill,
            double fillOpacity,
            String stroke) {
        svg.append("<rect x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" width=\"")
                .append(num(width))
                .append("\" height=\"")
                .append(num(height))
                .append("\" fill=\"")
                .append(fill)
                .append('"');
        if (fillOpacity < 1) {
            svg.append(" fill-opacity=\"")
                    .append(String.format(Locale.ROOT, "%.2f", fillOpacity))
                    .append('"');
        }
        if (stroke != null) {
            svg.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1\"");
        }
        svg.append("/>\n");
    }

    @Override
    public void line(
            double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        svg.append("<line x1=\"")
                .append(num(x1))
                .append("\" y1=\"")
                .append(num(y1))
                .append("\" x2=\"")
                .append(num(x2))
                .append("\" y2=\"")
                .append(num(y2))
                .append("\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(num(width))
                .append('"')
                .append(dash(dash))
                .append("/>\n");
    }

    @Override
    public void polyline(
            String id, List<double[]> points, String colour, double width, String dash) {
        svg.append("<polyline data-series=\"").append(Xml.esc(id)).append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                svg.append(' ');
            }
            svg.append(num(points.get(i)[0])).append(',').append(num(points.get(i)[1]));
        }
        svg.append("\" fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(num(width))
                .append("\" stroke-linejoin=\"round\"")
                .append(dash(dash))
                .append("/>\n");
    }

    @Override
    public void polygon(List<double[]> points, String fill, String stroke) {
        svg.append("<polygon points=\"");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                svg.append(' ');
            }
            svg.append(num(points.get(i)[0])).append(',').append(num(points.get(i)[1]));
        }
        svg.append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            svg.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1\"");
        }
        svg.append("/>\n");
    }

    @Override
    public void dot(double cx, double cy, double radius, String colour) {
        svg.append("<circle cx=\"")
                .append(num(cx))
                .append("\" cy=\"")
                .append(num(cy))
                .append("\" r=\"")
                .append(num(radius))
                .append("\" fill=\"")
                .append(colour)
                .append("\"/>\n");
    }

    @Override
    public void ring(double cx, double cy, double radius, String colour, double width) {
        svg.append("<circle cx=\"")
                .append(num(cx))
                .append("\" cy=\"")
                .append(num(cy))
                .append("\" r=\"")
                .append(num(radius))
                .append("\" fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(num(width))
                .append("\"/>\n");
    }

    @Override
    public void text(
            double x,
            double y,
            String text,
            double size,
            boolean bold,
            String anchor,
            String colour) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        textAttributes(size, bold, anchor, colour, text);
    }

    @Override
    public void verticalText(double cx, double cy, String text, double size, String colour) {
        svg.append("<text transform=\"translate(")
                .append(num(cx))
                .append(',')
                .append(num(cy))
                .append(") rotate(-90)\"");
        textAttributes(size, false, "middle", colour, text);
    }

    @Override
    public double textWidth(String text, double size) {
        return text.length() * CHAR_WIDTH * (size / DEFAULT_SIZE);
    }

    private void textAttributes(
            double size, boolean bold, String anchor, String colour, String text) {
        if (size != DEFAULT_SIZE) {
            svg.append(" font-size=\"").append(num(size)).append('"');
        }
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        if (anchor != null) {
            svg.append(" text-anchor=\"").append(anchor).append('"');
        }
        svg.append(" fill=\"")
                .append(colour)
                .append("\">")
                .append(Xml.esc(text))
                .append("</text>\n");
    }

    private static String dash(String dash) {
        return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    }

    /** {@code v} with one decimal, without a trailing ".0". */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
