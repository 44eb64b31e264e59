package org.dnw.figures;

import java.util.List;

/**
 * What a figure draws on: the few shapes a chart needs, in pixels with y growing downward, colours
 * as {@code #rrggbb}. {@link SvgCanvas} writes them as SVG elements, {@link ImageCanvas} paints
 * them on a {@link java.awt.image.BufferedImage}, so that one drawing routine serves both. Text is
 * placed by its baseline; {@code anchor} is {@code "start"}, {@code "middle"}, {@code "end"} or
 * null (start, left unsaid in SVG). Not thread-safe: one canvas per picture.
 */
interface Canvas {

    /** A filled rectangle, with an optional 1 px outline ({@code stroke} null for none). */
    void rect(
            double x,
            double y,
            double width,
            double height,
            String fill,
            double fillOpacity,
            String stroke);

    /** A straight line; {@code dash} is an SVG dash pattern such as {@code "2,3"}, "" for solid. */
    void line(double x1, double y1, double x2, double y2, String colour, double width, String dash);

    /** A data series: points {x, y} joined by a line with round joins. */
    void polyline(String id, List<double[]> points, String colour, double width, String dash);

    /** A closed polygon through points {x, y}, filled, with an optional 1 px outline. */
    void polygon(List<double[]> points, String fill, String stroke);

    /** A filled dot. */
    void dot(double cx, double cy, double radius, String colour);

    /** An unfilled circle. */
    void ring(double cx, double cy, double radius, String colour, double width);

    /** Text at a baseline point, in the sans-serif face. */
    void text(
            double x,
            double y,
            String text,
            double size,
            boolean bold,
            String anchor,
            String colour);

    /** Text turned a quarter left, centred on (cx, cy). */
    void verticalText(double cx, double cy, String text, double size, String colour);

    /** The width of {@code text} in pixels at {@code size}. */
    double textWidth(String text, double size);
}
