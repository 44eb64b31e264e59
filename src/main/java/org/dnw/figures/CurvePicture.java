package org.dnw.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG of a run's learning curves: loss per epoch on the left, accuracy (in %) per epoch on the
 * right, training in blue and validation in orange (left out when the run had none), each panel
 * with axes, ticks, labels and a legend. Drawn with {@code java.awt} on a {@link BufferedImage}
 * only, so it needs no display ({@code java.awt.headless=true} is fine). Stateless and thread-safe.
 */
public final class CurvePicture {

    /** Picture size in pixels. */
    public static final int WIDTH = 1200;

    public static final int HEIGHT = 520;

    /** Colour of the training curves. */
    public static final Color TRAINING = new Color(0x1F77B4);

    /** Colour of the validation curves. */
    public static final Color VALIDATION = new Color(0xFF7F0E);

    static final Color BACKGROUND = Color.WHITE;
    static final Color AXIS = new Color(0x333333);
    static final Color GRID = new Color(0xE3E3E3);

    static final int TITLE_HEIGHT = 50;
    static final int PANEL_WIDTH = WIDTH / 2;
    static final int LEFT = 80;
    static final int RIGHT = 24;
    static final int TOP = 36;
    static final int BOTTOM = 58;

    private CurvePicture() {}

    /** The curves of a run's epochs (as {@code metrics.csv} holds them). */
    public static BufferedImage render(List<? extends EpochPoint> epochs, String title) {
        int n = epochs.size();
        double[] tl = new double[n];
        double[] vl = new double[n];
        double[] ta = new double[n];
        double[] va = new double[n];
        for (int i = 0; i < n; i++) {
            EpochPoint e = epochs.get(i);
            tl[i] = e.trainLoss();
            vl[i] = e.validationLoss();
            ta[i] = e.trainAccuracy();
            va[i] = e.validationAccuracy();
        }
        return render(title, tl, vl, ta, va);
    }

    /**
     * The curves of plain arrays, one value per epoch (epoch {@code i + 1} at index {@code i}); NaN
     * values (no validation) are not drawn. Accuracies are shares in [0, 1].
     *
     * @param validationLoss may be null, as may {@code validationAccuracy}
     */
    public static BufferedImage render(
            String title,
            double[] trainLoss,
            double[] validationLoss,
            double[] trainAccuracy,
            double[] validationAccuracy) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(AXIS);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            String text = title == null || title.isBlank() ? "Learning curves" : title;
            FontMetrics fm = g.getFontMetrics();
            g.drawString(text, (WIDTH - fm.stringWidth(text)) / 2, 32);
            int epochs = trainLoss.length;
            panel(g, 0, "Loss", epochs, trainLoss, validationLoss, 1, false);
            panel(g, 1, "Accuracy (%)", epochs, trainAccuracy, validationAccuracy, 100, true);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the curves of {@code epochs} to {@code file} as a PNG, atomically. */
    public static void write(Path file, List<? extends EpochPoint> epochs, String title)
            throws IOException {
        writePng(render(epochs, title), file);
    }

    /**
     * The pixel where {@code value} of {@code epoch} (1-based) is drawn in panel {@code panel} (0 =
     * loss, 1 = accuracy), for a run of {@code epochCount} epochs whose panel spans {@code [yMin,
     * yMax]} (from {@link #range}).
     */
    static int[] pixel(int panel, int epoch, int epochCount, double value, double[] range) {
        // a margin inside the axes, so that the first and last points do not sit on them
        double pad = 0.04 * (PANEL_WIDTH - LEFT - RIGHT);
        double x0 = panel * PANEL_WIDTH + LEFT + pad;
        double x1 = (panel + 1) * PANEL_WIDTH - RIGHT - pad;
        int y0 = TITLE_HEIGHT + TOP;
        int y1 = HEIGHT - BOTTOM;
        double xMin = epochCount == 1 ? 0.5 : 1;
        double xMax = epochCount == 1 ? 1.5 : epochCount;
        double fx = (epoch - xMin) / (xMax - xMin);
        double fy = (value - range[0]) / (range[1] - range[0]);
        return new int[] {
            (int) Math.round(x0 + fx * (x1 - x0)), (int) Math.round(y1 - fy * (y1 - y0))
        };
    }

    /**
     * The y range of a panel: from a round number at or below the smallest finite value (0 for
     * loss) to one at or above the largest (at most 100 for accuracy), and the tick step.
     *
     * @return {min, max, step}
     */
    static double[] range(double[] a, double[] b, double scale, boolean accuracy) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : new double[][] {a, b}) {
            if (values == null) {
                continue;
            }
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v * scale);
                    max = Math.max(max, v * scale);
                }
            }
        }
        if (!(min <= max)) {
            return accuracy ? new double[] {0, 100, 20} : new double[] {0, 1, 0.2};
        }
        if (!accuracy) {
            min = 0;
        }
        if (max - min < 1e-9) {
            max = min + (accuracy ? 1 : Math.max(1e-3, Math.abs(min)));
        }
        double step = niceStep((max - min) / 5);
        double lo = Math.floor(min / step) * step;
        double hi = Math.ceil(max / step) * step;
        if (accuracy) {
            hi = Math.min(hi, 100);
            lo = Math.max(lo, 0);
            if (hi <= lo) {
                lo = Math.max(0, hi - step);
            }
        }
        return new double[] {lo, hi, step};
    }

    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    private static void panel(
            Graphics2D g,
            int panel,
            String name,
            int epochs,
            double[] train,
            double[] validation,
            double scale,
            boolean accuracy) {
        int x0 = panel * PANEL_WIDTH + LEFT;
        int x1 = (panel + 1) * PANEL_WIDTH - RIGHT;
        int y0 = TITLE_HEIGHT + TOP;
        int y1 = HEIGHT - BOTTOM;
        double[] range = range(train, validation, scale, accuracy);
        g.setStroke(new BasicStroke(1f));
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        g.setFont(label);
        g.setColor(AXIS);
        g.drawString(name, x0, y0 - 12);
        // horizontal grid and y ticks
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        for (double v = range[0]; v <= range[1] + range[2] / 1e6; v += range[2]) {
            int y = pixel(panel, 1, Math.max(1, epochs), v / scale, scaled(range, scale))[1];
            g.setColor(GRID);
            g.drawLine(x0 + 1, y, x1, y);
            g.setColor(AXIS);
            g.drawLine(x0 - 5, y, x0, y);
            String t = tick(v, range[2]);
            g.drawString(t, x0 - 9 - fm.stringWidth(t), y + fm.getAscent() / 2 - 1);
        }
        // x ticks: whole epochs, at most about 10 labels
        int every = Math.max(1, (int) Math.ceil(epochs / 10.0));
        for (int e = 1; e <= Math.max(1, epochs); e++) {
            if ((e - 1) % every != 0 && e != epochs) {
                continue;
            }
            int x = pixel(panel, e, Math.max(1, epochs), 0, new double[] {0, 1})[0];
            g.drawLine(x, y1, x, y1 + 5);
            String t = Integer.toString(e);
            g.drawString(t, x - fm.stringWidth(t) / 2, y1 + 8 + fm.getAscent());
        }
        g.setFont(label);
        fm = g.getFontMetrics();
        g.drawString("epoch", (x0 + x1 - fm.stringWidth("epoch")) / 2, HEIGHT - 14);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(x0, y0, x0, y1);
        g.drawLine(x0, y1, x1, y1);
        boolean hasValidation = curve(g, panel, epochs, validation, scale, range, VALIDATION);
        curve(g, panel, epochs, train, scale, range, TRAINING);
        legend(
                g,
                panel,
                epochs,
                new double[][] {train, validation},
                scaled(range, scale),
                hasValidation);
    }

    /** The range with its bounds divided by {@code scale}, to place unscaled values. */
    private static double[] scaled(double[] range, double scale) {
        return new double[] {range[0] / scale, range[1] / scale};
    }

    /** Draws one curve with a dot per epoch; false when it has no finite value. */
    private static boolean curve(
            Graphics2D g,
            int panel,
            int epochs,
            double[] values,
            double scale,
            double[] range,
            Color colour) {
        if (values == null) {
            return false;
        }
        double[] r = scaled(range, scale);
        Path2D.Double line = new Path2D.Double();
        boolean started = false;
        boolean any = false;
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                started = false;
                continue;
            }
            int[] p = pixel(panel, i + 1, epochs, values[i], r);
            if (started) {
                line.lineTo(p[0], p[1]);
            } else {
                line.moveTo(p[0], p[1]);
                started = true;
            }
            any = true;
        }
        g.draw(line);
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                int[] p = pixel(panel, i + 1, epochs, values[i], r);
                g.fill(new Ellipse2D.Double(p[0] - 4.5, p[1] - 4.5, 9, 9));
            }
        }
        return any;
    }

    /**
     * Draws the legend in the corner of the panel that the curves cross least (top right, bottom
     * right, top left, bottom left, in that order of preference).
     */
    private static void legend(
            Graphics2D g,
            int panel,
            int epochs,
            double[][] curves,
            double[] range,
            boolean validation) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        int width = 36 + fm.stringWidth("validation") + 12;
        int rows = validation ? 2 : 1;
        int height = rows * 22 + 8;
        int[] box = legendBox(panel, epochs, curves, range, width, height);
        int x = box[0];
        int y = box[1];
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x, y, width, height);
        g.setColor(GRID.darker());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, width, height);
        legendRow(g, x + 8, y + 18, TRAINING, "training");
        if (validation) {
            legendRow(g, x + 8, y + 40, VALIDATION, "validation");
        }
    }

    /** The top-left corner of the legend: the candidate corner with the fewest curve samples. */
    static int[] legendBox(
            int panel, int epochs, double[][] curves, double[] range, int width, int height) {
        int left = panel * PANEL_WIDTH + LEFT + 10;
        int right = (panel + 1) * PANEL_WIDTH - RIGHT - width - 10;
        int top = TITLE_HEIGHT + TOP + 8;
        int bottom = HEIGHT - BOTTOM - height - 10;
        int[][] corners = {{right, top}, {right, bottom}, {left, top}, {left, bottom}};
        int[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (int[] c : corners) {
            int hits = 0;
            for (double[] values : curves) {
                hits += samplesInside(panel, epochs, values, range, c, width, height);
            }
            if (hits < fewest) {
                fewest = hits;
                best = c;
            }
        }
        return best;
    }

    /** Points along a curve's segments (every 2 px or so) that fall in the box, with a margin. */
    private static int samplesInside(
            int panel, int epochs, double[] values, double[] range, int[] c, int w, int h) {
        if (values == null) {
            return 0;
        }
        int hits = 0;
        int[] previous = null;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                previous = null;
                continue;
            }
            int[] p = pixel(panel, i + 1, epochs, values[i], range);
            int[] from = previous == null ? p : previous;
            int steps =
                    Math.max(1, Math.max(Math.abs(p[0] - from[0]), Math.abs(p[1] - from[1])) / 2);
            for (int s = 0; s <= steps; s++) {
                double x = from[0] + (p[0] - from[0]) * (double) s / steps;
                double y = from[1] + (p[1] - from[1]) * (double) s / steps;
                if (x >= c[0] - 6 && x <= c[0] + w + 6 && y >= c[1] - 6 && y <= c[1] + h + 6) {
                    hits++;
                }
            }
            previous = p;
        }
        return hits;
    }

    private static void legendRow(Graphics2D g, int x, int y, Color colour, String text) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(x, y - 5, x + 22, y - 5);
        g.setColor(AXIS);
        g.drawString(text, x + 28, y);
    }

    private static String tick(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (step * Math.pow(10, decimals) % 1 > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * Writes {@code image} as a PNG into a temporary file beside {@code file}, then renames it over
     * {@code file}, so that no reader ever sees half a picture; the temporary file is removed when
     * anything fails.
     */
    static void writePng(BufferedImage image, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
            try {
                Files.move(
                        temp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
