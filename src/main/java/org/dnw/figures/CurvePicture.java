package org.dnw.figures;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PNG of a run's learning curves: loss per epoch on the left, accuracy (in %) per epoch on the
 * right, training in blue and validation in orange (left out when the run had none), each panel a
 * {@link LineChart} in the {@link ChartStyle#PICTURE} style, with axes, ticks, labels and a legend.
 * Drawn with {@code java.awt} on a {@link BufferedImage} only, so it needs no display ({@code
 * java.awt.headless=true} is fine). Stateless and thread-safe.
 */
public final class CurvePicture {

    /** Picture size in pixels. */
    public static final int WIDTH = 1200;

    public static final int HEIGHT = 520;

    /** Colour of the training curves. */
    public static final Color TRAINING = new Color(0x1F77B4);

    /** Colour of the validation curves. */
    public static final Color VALIDATION = new Color(0xFF7F0E);

    static final int TITLE_HEIGHT = 50;
    static final int PANEL_WIDTH = WIDTH / 2;
    static final int LEFT = (int) ChartStyle.PICTURE.left();
    static final int RIGHT = (int) ChartStyle.PICTURE.right();
    static final int TOP = (int) ChartStyle.PICTURE.top();
    static final int BOTTOM = (int) ChartStyle.PICTURE.bottom();

    private static final String BACKGROUND = "#ffffff";
    private static final String TEXT = "#333333";

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
        ImageCanvas canvas = new ImageCanvas(image);
        try {
            canvas.rect(0, 0, WIDTH, HEIGHT, BACKGROUND, 1, null);
            String text = title == null || title.isBlank() ? "Learning curves" : title;
            canvas.text(WIDTH / 2.0, 32, text, 20, true, "middle", TEXT);
            panel("Loss", false, trainLoss, validationLoss)
                    .draw(canvas, ChartStyle.PICTURE, 0, TITLE_HEIGHT, PANEL_WIDTH);
            panel("Accuracy (%)", true, trainAccuracy, validationAccuracy)
                    .draw(canvas, ChartStyle.PICTURE, PANEL_WIDTH, TITLE_HEIGHT, PANEL_WIDTH);
        } finally {
            canvas.dispose();
        }
        return image;
    }

    /** Writes the curves of {@code epochs} to {@code file} as a PNG, atomically. */
    public static void write(Path file, List<? extends EpochPoint> epochs, String title)
            throws IOException {
        Png.write(render(epochs, title), file);
    }

    /** One panel: training, then validation when given. */
    static LineChart panel(String name, boolean percent, double[] train, double[] validation) {
        List<LineChart.Series> series = new ArrayList<>();
        series.add(series("training", train));
        if (validation != null) {
            series.add(series("validation", validation));
        }
        return new LineChart("", "epoch", name, percent, series, Double.NaN, null);
    }

    private static LineChart.Series series(String name, double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        Color colour = name.equals("training") ? TRAINING : VALIDATION;
        return new LineChart.Series(
                name,
                name,
                x,
                values,
                String.format("#%06x", colour.getRGB() & 0xFFFFFF),
                "",
                Double.NaN);
    }

    /**
     * The pixel where {@code value} of {@code epoch} (1-based) is drawn in panel {@code panel} (0 =
     * loss, 1 = accuracy), for a run of {@code epochCount} epochs whose panel spans {@code [yMin,
     * yMax]} (from {@link #range}).
     */
    static int[] pixel(int panel, int epoch, int epochCount, double value, double[] range) {
        LineChart.Frame f = frame(panel, epochCount, range);
        return new int[] {(int) Math.round(f.x(epoch)), (int) Math.round(f.y(value))};
    }

    /**
     * The y range of a panel, as the panel's chart draws it: from a round number at or below the
     * smallest finite value (0 for loss) to one at or above the largest (at most 100 for accuracy),
     * and the tick step.
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
            min = 0;
            max = accuracy ? 100 : 1;
        }
        if (!accuracy) {
            min = 0;
        }
        return LineChart.yRange(min, max, accuracy);
    }

    /** The top-left corner of the legend: the candidate corner with the fewest curve samples. */
    static int[] legendBox(
            int panel, int epochs, double[][] curves, double[] range, int width, int height) {
        LineChart.Frame f = frame(panel, epochs, range);
        List<List<double[]>> lines = new ArrayList<>();
        for (double[] values : curves) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; values != null && i < values.length; i++) {
                if (Double.isFinite(values[i])) {
                    points.add(new double[] {f.x(i + 1), f.y(values[i])});
                }
            }
            lines.add(points);
        }
        return LineChart.legendCorner(f, lines, width, height);
    }

    /** The frame of a panel of a run of {@code epochCount} epochs whose y axis spans range. */
    private static LineChart.Frame frame(int panel, int epochCount, double[] range) {
        ChartStyle s = ChartStyle.PICTURE;
        double plotWidth = PANEL_WIDTH - s.left() - s.right();
        return new LineChart.Frame(
                panel * PANEL_WIDTH + s.left(),
                TITLE_HEIGHT + s.top(),
                plotWidth,
                s.plotHeight(),
                s.xPadding() * plotWidth,
                epochCount == 1 ? 0.5 : 1,
                epochCount == 1 ? 1.5 : epochCount,
                range[0],
                range[1],
                range.length > 2 ? range[2] : 1,
                false);
    }
}
