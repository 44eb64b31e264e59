package org.dnw.figures;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart: one polyline (with a dot per point) per series, axes with "nice" ticks, axis
 * labels, a title, a legend and an optional vertical marker (the best epoch). The one model of a
 * chart in the workbench, drawn by one routine either as inline SVG ({@link #toSvg()}, for the
 * reports) or on an image ({@link #toImage()}; {@link CurvePicture} draws two as the panels of a
 * run's learning curves). Immutable and thread-safe.
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

    /** Width of every chart on a report page, in CSS pixels; the height follows from the legend. */
    public static final int WIDTH = 520;

    private static final int LEGEND_ROW = 16;
    private static final int MAX_DOTS = 60;
    private static final String MARK_COLOUR = "#666666";
    private static final String BACKGROUND = "#ffffff";
    private static final String GRID = "#e4e4e4";
    private static final String AXIS = "#444444";
    private static final String TICK_TEXT = "#333333";
    private static final String TEXT = "#222222";
    private static final String NOTE = "#777777";
    private static final String LEGEND_FRAME = "#9e9e9e";
    private static final double INSIDE_LEGEND_SIZE = 14;
    private static final int INSIDE_LEGEND_ROW = 22;

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

    /**
     * Where the plot lies and what its axes span: maps data to pixels.
     *
     * @param plotLeft x of the y axis
     * @param plotTop y of the top of the plot
     * @param plotWidth width of the plot, the x padding included
     * @param plotHeight height of the plot
     * @param pad room kept free at each end of the x axis
     * @param xMin x value at the left end (after the padding)
     * @param xMax x value at the right end (before the padding)
     * @param yLo y value at the bottom, as drawn (percent when the chart is)
     * @param yHi y value at the top
     * @param yStep y tick step
     * @param empty whether no series has a point to draw
     */
    record Frame(
            double plotLeft,
            double plotTop,
            double plotWidth,
            double plotHeight,
            double pad,
            double xMin,
            double xMax,
            double yLo,
            double yHi,
            double yStep,
            boolean empty) {

        double x(double v) {
            return plotLeft + pad + (v - xMin) / (xMax - xMin) * (plotWidth - 2 * pad);
        }

        double y(double v) {
            return plotTop + (1 - (v - yLo) / (yHi - yLo)) * plotHeight;
        }

        double plotRight() {
            return plotLeft + plotWidth;
        }

        double plotBottom() {
            return plotTop + plotHeight;
        }
    }

    public LineChart {
        series = List.copyOf(series);
    }

    /** The chart as an {@code <svg>} element, {@link #WIDTH} wide. */
    public String toSvg() {
        SvgCanvas svg = new SvgCanvas(WIDTH, height(ChartStyle.REPORT, WIDTH), title);
        draw(svg, ChartStyle.REPORT, 0, 0, WIDTH);
        return svg.finish();
    }

    /** The chart drawn as {@link #toSvg()} draws it, on an image {@link #WIDTH} pixels wide. */
    public BufferedImage toImage() {
        int height = (int) Math.ceil(height(ChartStyle.REPORT, WIDTH));
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        ImageCanvas canvas = new ImageCanvas(image);
        try {
            draw(canvas, ChartStyle.REPORT, 0, 0, WIDTH);
        } finally {
            canvas.dispose();
        }
        return image;
    }

    /** The height of the chart in {@code style} when it is {@code width} wide. */
    double height(ChartStyle style, double width) {
        double height = style.top() + style.plotHeight() + style.bottom();
        if (!style.legendInside()) {
            height +=
                    legendRows(legend(false), width - style.left() - style.right()).size()
                                    * LEGEND_ROW
                            + 4;
        }
        return height;
    }

    /** Draws the chart in the box of {@code width} whose top left corner is (ox, oy). */
    void draw(Canvas c, ChartStyle s, double ox, double oy, double width) {
        Frame f = frame(s, ox, oy, width);
        c.rect(ox, oy, width, height(s, width), BACKGROUND, 1, null);
        if (s.titleSize() > 0) {
            c.text(ox + s.left(), oy + s.titleY(), title, s.titleSize(), true, null, TEXT);
        }

        // grid and y ticks
        int decimals = f.yStep >= 1 ? 0 : (int) Math.ceil(-Math.log10(f.yStep) - 1e-9);
        for (double t = f.yLo; t <= f.yHi + f.yStep * 1e-6; t += f.yStep) {
            double y = f.y(t);
            c.line(f.plotLeft, y, f.plotRight(), y, GRID, 1, "");
            c.line(f.plotLeft - s.tickLength(), y, f.plotLeft, y, AXIS, 1, "");
            c.text(
                    f.plotLeft - s.tickGap(),
                    y + s.tickDy(),
                    String.format(Locale.ROOT, "%." + decimals + "f", t),
                    s.tickSize(),
                    false,
                    "end",
                    TICK_TEXT);
        }
        // x ticks at whole epochs
        double xStep = Math.max(1, Math.ceil(niceStep((f.xMax - f.xMin) / 8)));
        double firstTick = Math.ceil(f.xMin / xStep) * xStep;
        for (double t = firstTick; t <= f.xMax + 1e-9; t += xStep) {
            double x = f.x(t);
            c.line(x, f.plotBottom(), x, f.plotBottom() + s.tickLength(), AXIS, 1, "");
            c.text(
                    x,
                    f.plotBottom() + s.xTickDy(),
                    String.format(Locale.ROOT, "%.0f", t),
                    s.tickSize(),
                    false,
                    "middle",
                    TICK_TEXT);
        }
        // axes
        c.line(f.plotLeft, f.plotTop, f.plotLeft, f.plotBottom(), AXIS, s.axisWidth(), "");
        c.line(f.plotLeft, f.plotBottom(), f.plotRight(), f.plotBottom(), AXIS, s.axisWidth(), "");
        c.text(
                f.plotLeft + f.plotWidth / 2,
                f.plotBottom() + s.xLabelDy(),
                xLabel,
                s.labelSize(),
                false,
                "middle",
                TEXT);
        if (s.yLabelAbove()) {
            c.text(f.plotLeft, f.plotTop - 12, yLabel, s.labelSize(), false, null, TEXT);
        } else {
            c.verticalText(ox + 14, f.plotTop + f.plotHeight / 2.0, yLabel, s.labelSize(), TEXT);
        }

        if (f.empty) {
            c.text(
                    f.plotLeft + f.plotWidth / 2,
                    f.plotTop + f.plotHeight / 2.0,
                    "no figures recorded",
                    s.tickSize(),
                    false,
                    "middle",
                    NOTE);
        }

        if (Double.isFinite(markX) && markX >= f.xMin && markX <= f.xMax) {
            double x = f.x(markX);
            c.line(x, f.plotTop, x, f.plotBottom(), MARK_COLOUR, 1, "2,3");
            if (markLabel != null) {
                boolean right = x > f.plotLeft + f.plotWidth * 0.7;
                c.text(
                        right ? x - 4 : x + 4,
                        f.plotTop + 11,
                        markLabel,
                        s.tickSize(),
                        false,
                        right ? "end" : "start",
                        AXIS);
            }
        }

        List<Series> order = new ArrayList<>(series);
        if (s.firstSeriesOnTop()) {
            java.util.Collections.reverse(order);
        }
        for (Series line : order) {
            List<double[]> points = points(line, f);
            double[] ring = null;
            for (int i = 0, p = 0; i < Math.min(line.x.length, line.y.length); i++) {
                if (Double.isFinite(line.x[i]) && Double.isFinite(line.y[i])) {
                    if (line.x[i] == line.ringX) {
                        ring = points.get(p);
                    }
                    p++;
                }
            }
            c.polyline(line.id, points, line.colour, s.lineWidth(), line.dash);
            if (points.size() <= MAX_DOTS) {
                for (double[] d : points) {
                    c.dot(d[0], d[1], s.dotRadius(), line.colour);
                }
            }
            if (ring != null) {
                c.ring(ring[0], ring[1], 6, line.colour, 1.5);
            }
        }

        if (s.legendInside()) {
            insideLegend(c, f);
        } else {
            legendBelow(c, s, f, oy);
        }
    }

    /** The plot's place and the span of its axes, from the data. */
    Frame frame(ChartStyle s, double ox, double oy, double width) {
        double plotWidth = width - s.left() - s.right();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (int i = 0; i < Math.min(line.x.length, line.y.length); i++) {
                if (Double.isFinite(line.x[i]) && Double.isFinite(line.y[i])) {
                    xMin = Math.min(xMin, line.x[i]);
                    xMax = Math.max(xMax, line.x[i]);
                    yMin = Math.min(yMin, scale(line.y[i]));
                    yMax = Math.max(yMax, scale(line.y[i]));
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
        if (s.yFromZero() && !percent) {
            yMin = 0;
        }
        double[] y = yRange(yMin, yMax, percent);
        return new Frame(
                ox + s.left(),
                oy + s.top(),
                plotWidth,
                s.plotHeight(),
                s.xPadding() * plotWidth,
                xMin,
                xMax,
                y[0],
                y[1],
                y[2],
                empty);
    }

    private List<double[]> points(Series line, Frame f) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < Math.min(line.x.length, line.y.length); i++) {
            if (Double.isFinite(line.x[i]) && Double.isFinite(line.y[i])) {
                points.add(new double[] {f.x(line.x[i]), f.y(scale(line.y[i]))});
            }
        }
        return points;
    }

    private double scale(double y) {
        return percent ? y * 100 : y;
    }

    /**
     * [low, high, step] of a y axis from {@code min} to {@code max}: nice ticks around the data,
     * percentages in 0–100.
     */
    static double[] yRange(double min, double max, boolean percent) {
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

    /** Legend entries {label, colour, dash}: every series (or only the drawn ones), the marker. */
    private List<String[]> legend(boolean drawnOnly) {
        List<String[]> legend = new ArrayList<>();
        for (Series line : series) {
            if (!drawnOnly || line.drawnPoints() > 0) {
                legend.add(new String[] {line.label, line.colour, line.dash});
            }
        }
        if (Double.isFinite(markX) && markLabel != null) {
            legend.add(new String[] {markLabel, MARK_COLOUR, "2,3"});
        }
        return legend;
    }

    private void legendBelow(Canvas c, ChartStyle s, Frame f, double oy) {
        List<String[]> legend = legend(false);
        List<List<Integer>> rows = legendRows(legend, f.plotWidth);
        double legendTop = oy + s.top() + s.plotHeight() + s.bottom();
        for (int r = 0; r < rows.size(); r++) {
            double x = f.plotLeft;
            double y = legendTop + r * LEGEND_ROW;
            for (int index : rows.get(r)) {
                String[] item = legend.get(index);
                c.line(x, y - 4, x + 20, y - 4, item[1], 2, item[2]);
                c.text(x + 25, y, item[0], s.tickSize(), false, null, TEXT);
                x += itemWidth(item[0]);
            }
        }
    }

    /** A framed legend in the corner of the plot that the lines cross least. */
    private void insideLegend(Canvas c, Frame f) {
        List<String[]> legend = legend(true);
        if (legend.isEmpty()) {
            return;
        }
        double widest = 0;
        for (String[] item : legend) {
            widest = Math.max(widest, c.textWidth(item[0], INSIDE_LEGEND_SIZE));
        }
        int width = (int) Math.round(36 + widest + 12);
        int height = legend.size() * INSIDE_LEGEND_ROW + 8;
        List<List<double[]>> lines = new ArrayList<>();
        for (Series line : series) {
            lines.add(points(line, f));
        }
        int[] box = legendCorner(f, lines, width, height);
        c.rect(box[0], box[1], width, height, BACKGROUND, 230 / 255.0, LEGEND_FRAME);
        for (int i = 0; i < legend.size(); i++) {
            String[] item = legend.get(i);
            double x = box[0] + 8;
            double y = box[1] + 18 + i * INSIDE_LEGEND_ROW;
            c.line(x, y - 5, x + 22, y - 5, item[1], 2.5, item[2]);
            c.text(x + 28, y, item[0], INSIDE_LEGEND_SIZE, false, null, TEXT);
        }
    }

    /**
     * The top-left corner of an inside legend of {@code width} × {@code height}: of the corners top
     * right, bottom right, top left and bottom left (in that order of preference), the one with the
     * fewest points of the lines (sampled every 2 px or so along their segments) in it.
     */
    static int[] legendCorner(Frame f, List<List<double[]>> lines, int width, int height) {
        int left = (int) Math.round(f.plotLeft) + 10;
        int right = (int) Math.round(f.plotRight()) - width - 10;
        int top = (int) Math.round(f.plotTop) + 8;
        int bottom = (int) Math.round(f.plotBottom()) - height - 10;
        int[][] corners = {{right, top}, {right, bottom}, {left, top}, {left, bottom}};
        int[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (int[] corner : corners) {
            int hits = 0;
            for (List<double[]> points : lines) {
                hits += samplesInside(points, corner, width, height);
            }
            if (hits < fewest) {
                fewest = hits;
                best = corner;
            }
        }
        return best;
    }

    private static int samplesInside(List<double[]> points, int[] c, int w, int h) {
        int hits = 0;
        double[] previous = null;
        for (double[] p : points) {
            double[] from = previous == null ? p : previous;
            int steps =
                    (int)
                            Math.max(
                                    1,
                                    Math.max(Math.abs(p[0] - from[0]), Math.abs(p[1] - from[1]))
                                            / 2);
            for (int s = 0; s <= steps; s++) {
                double x = from[0] + (p[0] - from[0]) * s / steps;
                double y = from[1] + (p[1] - from[1]) * s / steps;
                if (x >= c[0] - 6 && x <= c[0] + w + 6 && y >= c[1] - 6 && y <= c[1] + h + 6) {
                    hits++;
                }
            }
            previous = p;
        }
        return hits;
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
        return 25 + label.length() * SvgCanvas.CHAR_WIDTH + 18;
    }
}
