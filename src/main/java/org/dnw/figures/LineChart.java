package org.dnw.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: one polyline (with a dot per point) per series, axes with "nice"
 * ticks, axis labels, a title, a legend under the plot and an optional vertical marker (the best
 * epoch). Only SVG presentation attributes are used, no CSS, so that a browser and the PDF
 * renderer's SVG engine draw it alike. Immutable and thread-safe.
 *
 * @param title drawn above the plot and used as the SVG's accessible name
 * @param xLabel e.g. "epoch"
 * @param yLabel e.g. "accuracy (%)"
 * @param percent when true, y values are shares in [0, 1] drawn as percentages, clipped to 0–100
 * @param series the lines; non-finite points are left out
 * @param markX x of the vertical marker; NaN for none
 * @param markLabel the marker's label, e.g. "best: epoch 4"; also its legend entry
 */
public record LineChart(
        String title,
        String xLabel,
        String yLabel,
        boolean percent,
        List<Series> series,
        double markX,
        String markLabel) {

    /** Width of every chart, in CSS pixels; the height follows from the legend. */
    public static final int WIDTH = 520;

    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int PLOT_HEIGHT = 200;
    private static final int LEGEND_ROW = 16;
    private static final double CHAR_WIDTH = 6.2;
    private static final int MAX_DOTS = 60;
    private static final String MARK_COLOUR = "#666666";

    /**
     * One line.
     *
     * @param id written as {@code data-series} on the polyline, e.g. "train-loss"
     * @param label legend text
     * @param x x values (epochs)
     * @param y y values, same length
     * @param colour stroke colour, e.g. "#1f6fb4"
     * @param dash SVG dash pattern, "" for solid
     * @param ringX x of a point to circle (the best epoch), NaN for none
     */
    public record Series(
            String id,
            String label,
            double[] x,
            double[] y,
            String colour,
            String dash,
            double ringX) {

        /** Number of points that will be drawn (the finite ones). */
        public int drawnPoints() {
            int n = 0;
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    n++;
                }
            }
            return n;
        }
    }

    public LineChart {
        series = List.copyOf(series);
    }

    /** The chart as an {@code <svg>} element. */
    public String toSvg() {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < Math.min(s.x.length, s.y.length); i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    xMin = Math.min(xMin, s.x[i]);
                    xMax = Math.max(xMax, s.x[i]);
                    yMin = Math.min(yMin, scale(s.y[i]));
                    yMax = Math.max(yMax, scale(s.y[i]));
                }
            }
        }
        boolean empty = xMin > xMax;
        if (empty) {
            xMin = 1;
            xMax = 2;
            yMin = 0;
            yMax = percent ? 100 : 1;
        }
        if (xMax - xMin < 1) {
            xMin -= 0.5;
            xMax += 0.5;
        }
        double[] yRange = yRange(yMin, yMax);
        double yLo = yRange[0];
        double yHi = yRange[1];
        double yStep = yRange[2];

        List<String[]> legend = new ArrayList<>();
        for (Series s : series) {
            legend.add(new String[] {s.label, s.colour, s.dash});
        }
        if (Double.isFinite(markX) && markLabel != null) {
            legend.add(new String[] {markLabel, MARK_COLOUR, "2,3"});
        }
        List<List<Integer>> legendRows = legendRows(legend, plotWidth);
        int legendTop = TOP + PLOT_HEIGHT + 46;
        int height = legendTop + legendRows.size() * LEGEND_ROW + 4;

        final double x0 = xMin;
        final double x1 = xMax;
        java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - x0) / (x1 - x0) * plotWidth;
        java.util.function.DoubleUnaryOperator py =
                y -> TOP + (1 - (y - yLo) / (yHi - yLo)) * PLOT_HEIGHT;

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" font-family=\"DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif\"")
                .append(" font-size=\"11\" role=\"img\" aria-label=\"")
                .append(Xml.esc(title))
                .append("\">\n<title>")
                .append(Xml.esc(title))
                .append("</title>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\" fill=\"#222222\">")
                .append(Xml.esc(title))
                .append("</text>\n");

        // grid and y ticks
        int decimals = yStep >= 1 ? 0 : (int) Math.ceil(-Math.log10(yStep) - 1e-9);
        for (double t = yLo; t <= yHi + yStep * 1e-6; t += yStep) {
            double y = py.applyAsDouble(t);
            svg.append(line(LEFT, y, LEFT + plotWidth, y, "#e4e4e4", 1, ""));
            svg.append(line(LEFT - 4, y, LEFT, y, "#444444", 1, ""));
            svg.append("<text x=\"")
                    .append(num(LEFT - 7))
                    .append("\" y=\"")
                    .append(num(y + 3.5))
                    .append("\" text-anchor=\"end\" fill=\"#333333\">")
                    .append(String.format(Locale.ROOT, "%." + decimals + "f", t))
                    .append("</text>\n");
        }
        // x ticks at whole epochs
        double xStep = Math.max(1, Math.ceil(niceStep((xMax - xMin) / 8)));
        double firstTick = Math.ceil(xMin / xStep) * xStep;
        for (double t = firstTick; t <= xMax + 1e-9; t += xStep) {
            double x = px.applyAsDouble(t);
            svg.append(line(x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 4, "#444444", 1, ""));
            svg.append("<text x=\"")
                    .append(num(x))
                    .append("\" y=\"")
                    .append(TOP + PLOT_HEIGHT + 16)
                    .append("\" text-anchor=\"middle\" fill=\"#333333\">")
                    .append(String.format(Locale.ROOT, "%.0f", t))
                    .append("</text>\n");
        }
        // axes
        svg.append(line(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#444444", 1, ""));
        svg.append(
                line(
                        LEFT,
                        TOP + PLOT_HEIGHT,
                        LEFT + plotWidth,
                        TOP + PLOT_HEIGHT,
                        "#444444",
                        1,
                        ""));
        svg.append("<text x=\"")
                .append(num(LEFT + plotWidth / 2))
                .append("\" y=\"")
                .append(TOP + PLOT_HEIGHT + 32)
                .append("\" text-anchor=\"middle\" fill=\"#222222\">")
                .append(Xml.esc(xLabel))
                .append("</text>\n");
        svg.append("<text transform=\"translate(14,")
                .append(num(TOP + PLOT_HEIGHT / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\" fill=\"#222222\">")
                .append(Xml.esc(yLabel))
                .append("</text>\n");

        if (empty) {
            svg.append("<text x=\"")
                    .append(num(LEFT + plotWidth / 2))
                    .append("\" y=\"")
                    .append(num(TOP + PLOT_HEIGHT / 2.0))
                    .append(
                            "\" text-anchor=\"middle\" fill=\"#777777\">no figures recorded</text>\n");
        }

        if (Double.isFinite(markX) && markX >= xMin && markX <= xMax) {
            double x = px.applyAsDouble(markX);
            svg.append(line(x, TOP, x, TOP + PLOT_HEIGHT, MARK_COLOUR, 1, "2,3"));
            if (markLabel != null) {
                boolean right = x > LEFT + plotWidth * 0.7;
                svg.append("<text x=\"")
                        .append(num(right ? x - 4 : x + 4))
                        .append("\" y=\"")
                        .append(TOP + 11)
                        .append("\" text-anchor=\"")
                        .append(right ? "end" : "start")
                        .append("\" fill=\"#444444\">")
                        .append(Xml.esc(markLabel))
                        .append("</text>\n");
            }
        }

        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            List<double[]> dots = new ArrayList<>();
            double[] ring = null;
            for (int i = 0; i < Math.min(s.x.length, s.y.length); i++) {
                if (!Double.isFinite(s.x[i]) || !Double.isFinite(s.y[i])) {
                    continue;
                }
                double x = px.applyAsDouble(s.x[i]);
                double y = py.applyAsDouble(scale(s.y[i]));
                if (points.length() > 0) {
                    points.append(' ');
                }
                points.append(num(x)).append(',').append(num(y));
                dots.add(new double[] {x, y});
                if (s.x[i] == s.ringX) {
                    ring = new double[] {x, y};
                }
            }
            svg.append("<polyline data-series=\"")
                    .append(Xml.esc(s.id))
                    .append("\" points=\"")
                    .append(points)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(s.colour)
                    .append("\" stroke-width=\"2\" stroke-linejoin=\"round\"")
                    .append(s.dash.isEmpty() ? "" : " stroke-dasharray=\"" + s.dash + "\"")
                    .append("/>\n");
            if (dots.size() <= MAX_DOTS) {
                for (double[] d : dots) {
                    svg.append("<circle cx=\"")
                            .append(num(d[0]))
                            .append("\" cy=\"")
                            .append(num(d[1]))
                            .append("\" r=\"2.6\" fill=\"")
                            .append(s.colour)
                            .append("\"/>\n");
                }
            }
            if (ring != null) {
                svg.append("<circle cx=\"")
                        .append(num(ring[0]))
                        .append("\" cy=\"")
                        .append(num(ring[1]))
                        .append("\" r=\"6\" fill=\"none\" stroke=\"")
                        .append(s.colour)
                        .append("\" stroke-width=\"1.5\"/>\n");
            }
        }

        for (int r = 0; r < legendRows.size(); r++) {
            double x = LEFT;
            double y = legendTop + r * LEGEND_ROW;
            for (int index : legendRows.get(r)) {
                String[] item = legend.get(index);
                svg.append(line(x, y - 4, x + 20, y - 4, item[1], 2, item[2]));
                svg.append("<text x=\"")
                        .append(num(x + 25))
                        .append("\" y=\"")
                        .append(num(y))
                        .append("\" fill=\"#222222\">")
                        .append(Xml.esc(item[0]))
                        .append("</text>\n");
                x += itemWidth(item[0]);
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private double scale(double y) {
        return percent ? y * 100 : y;
    }

    /** [low, high, step] of the y axis: nice ticks around the data, percentages in 0–100. */
    private double[] yRange(double min, double max) {
        double span = max - min;
        if (span <= 0) {
            span = Math.max(Math.abs(max) * 0.1, percent ? 1 : 0.01);
            min -= span / 2;
            max += span / 2;
        }
        double step = niceStep(span / 5);
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        if (percent) {
            lo = Math.max(0, lo);
            hi = Math.min(100, hi);
        } else if (min >= 0) {
            lo = Math.max(0, lo);
        }
        if (hi <= lo) {
            hi = lo + step;
        }
        return new double[] {lo, hi, step};
    }

    /** The 1, 2 or 5 × 10^k at or above {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    private static List<List<Integer>> legendRows(List<String[]> items, double width) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = itemWidth(items.get(i)[0]);
            if (!row.isEmpty() && used + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(i);
            used += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static double itemWidth(String label) {
        return 25 + label.length() * CHAR_WIDTH + 18;
    }

    private static String line(
            double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\""
                + num(x1)
                + "\" y1=\""
                + num(y1)
                + "\" x2=\""
                + num(x2)
                + "\" y2=\""
                + num(y2)
                + "\" stroke=\""
                + colour
                + "\" stroke-width=\""
                + num(width)
                + "\""
                + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                + "/>\n";
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
