package org.dnw.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.dnw.data.ImageSamples;

/**
 * The classification picture of the two-digit task: the test images of both digits laid out by the
 * network's output along x, from 0 (the first digit) to 1 (the second), with the decision threshold
 * 0.5 drawn as a vertical line; one row band per true digit; every image a small nearest-neighbour
 * thumbnail of itself, stacked upward in columns of equal output width like a histogram;
 * misclassified images (on the wrong side of the threshold) framed in red; the test accuracy in the
 * title. A column with more images than fit shows {@code +N} for the rest, misclassified images
 * always placed first.
 *
 * <p>Drawn on a {@link BufferedImage} with {@code java.awt}: no display needed. Stateless and
 * thread-safe.
 */
public final class TwoDigitPicture {

    /** Thumbnail side in pixels (a 28 × 28 MNIST image is drawn at its own size). */
    public static final int THUMBNAIL = 28;

    /** Columns across the output range [0, 1], each 1/40 wide. */
    public static final int COLUMNS = 40;

    /** Thumbnails stacked per column within a band. */
    public static final int ROWS = 8;

    /** Colour of the decision threshold. */
    public static final Color THRESHOLD = new Color(0x2060C0);

    /** Colour of the frame around a misclassified image. */
    public static final Color MISTAKE = new Color(0xE0201C);

    static final int LEFT = 110;
    static final int RIGHT = 30;
    static final int TITLE = 64;
    static final int BAND_GAP = 14;
    static final int AXIS = 70;
    static final int FRAME = 2;

    /** Picture width: margins and {@link #COLUMNS} thumbnails. */
    public static final int WIDTH = LEFT + COLUMNS * THUMBNAIL + RIGHT;

    /** Picture height: title, two bands of {@link #ROWS} thumbnails, the x axis. */
    public static final int HEIGHT = TITLE + 2 * ROWS * THUMBNAIL + BAND_GAP + AXIS;

    private static final Color BAND_BACKGROUND = new Color(0xF2F2F2);
    private static final Color TEXT = new Color(0x333333);

    private TwoDigitPicture() {}

    /** Where one image is drawn. */
    record Placement(int sample, int x, int y, boolean misclassified) {}

    /** Every placement, and per band and column how many images did not fit. */
    record Layout(List<Placement> placements, int[][] hidden, int correct) {}

    /**
     * The picture.
     *
     * @param images the test images of the pair, labels 0 (first digit) and 1 (second), class names
     *     the two digits (as {@link org.dnw.data.DigitPair#select} gives)
     * @param outputs the network's output per image, the probability of the second digit, in [0, 1]
     *     (NaN is drawn at 0.5 and counted wrong)
     * @throws IllegalArgumentException when the lengths differ or the images are not two classes
     */
    public static BufferedImage render(ImageSamples images, float[] outputs) {
        Layout layout = layout(images, outputs);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            decorations(g, images, layout, outputs.length);
        } finally {
            g.dispose();
        }
        for (Placement p : layout.placements()) {
            thumbnail(image, images, p);
        }
        g = image.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            overflowLabels(g, layout);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The network's outputs from {@code size × 2} probabilities: the second column. */
    public static float[] secondColumn(float[] probabilities) {
        float[] out = new float[probabilities.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[2 * i + 1];
        }
        return out;
    }

    /** Writes the picture to {@code file} as a PNG, atomically. */
    public static void write(Path file, ImageSamples images, float[] outputs) throws IOException {
        Png.write(render(images, outputs), file);
    }

    /** The title: the pair, the accuracy, the number of mistakes. */
    static String title(ImageSamples images, int correct, int total) {
        double accuracy = total == 0 ? 0 : 100.0 * correct / total;
        int wrong = total - correct;
        return String.format(
                Locale.ROOT,
                "%s vs %s: test accuracy %.1f %% (%,d of %,d correct); %,d mistake%s framed in red",
                images.classNames().get(0),
                images.classNames().get(1),
                accuracy,
                correct,
                total,
                wrong,
                wrong == 1 ? "" : "s");
    }

    /** x of the left edge of output {@code value}'s column. */
    static int columnOf(float value) {
        float v = Float.isNaN(value) ? 0.5f : Math.max(0, Math.min(1, value));
        return Math.min(COLUMNS - 1, (int) Math.floor(v * COLUMNS));
    }

    /** y of the top of band {@code label} (0 for the first digit, drawn on top). */
    static int bandTop(int label) {
        return TITLE + label * (ROWS * THUMBNAIL + BAND_GAP);
    }

    /** x of the threshold 0.5. */
    static int thresholdX() {
        return LEFT + COLUMNS * THUMBNAIL / 2;
    }

    static Layout layout(ImageSamples images, float[] outputs) {
        if (images.classCount() != 2) {
            throw new IllegalArgumentException(
                    "a two-digit picture needs images of 2 classes, not " + images.classCount());
        }
        if (outputs.length != images.size()) {
            throw new IllegalArgumentException(
                    outputs.length + " outputs for " + images.size() + " images");
        }
        List<List<List<Integer>>> cells = new ArrayList<>();
        for (int band = 0; band < 2; band++) {
            List<List<Integer>> columns = new ArrayList<>();
            for (int c = 0; c < COLUMNS; c++) {
                columns.add(new ArrayList<>());
            }
            cells.add(columns);
        }
        int correct = 0;
        boolean[] wrong = new boolean[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            int label = images.labels()[i];
            int predicted = outputs[i] >= 0.5f ? 1 : 0;
            wrong[i] = Float.isNaN(outputs[i]) || predicted != label;
            if (!wrong[i]) {
                correct++;
            }
            cells.get(label).get(columnOf(outputs[i])).add(i);
        }
        List<Placement> placements = new ArrayList<>();
        int[][] hidden = new int[2][COLUMNS];
        for (int band = 0; band < 2; band++) {
            int bottom = bandTop(band) + ROWS * THUMBNAIL;
            for (int c = 0; c < COLUMNS; c++) {
                List<Integer> members = new ArrayList<>(cells.get(band).get(c));
                members.sort(Comparator.comparing((Integer i) -> !wrong[i]).thenComparing(i -> i));
                int room = members.size() > ROWS ? ROWS - 1 : ROWS;
                for (int r = 0; r < Math.min(room, members.size()); r++) {
                    int i = members.get(r);
                    placements.add(
                            new Placement(
                                    i,
                                    LEFT + c * THUMBNAIL,
                                    bottom - (r + 1) * THUMBNAIL,
                                    wrong[i]));
                }
                hidden[band][c] = Math.max(0, members.size() - room);
            }
        }
        return new Layout(placements, hidden, correct);
    }

    private static void decorations(Graphics2D g, ImageSamples images, Layout layout, int total) {
        int plotRight = LEFT + COLUMNS * THUMBNAIL;
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 19));
        String title = title(images, layout.correct(), total);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, (WIDTH - fm.stringWidth(title)) / 2, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        fm = g.getFontMetrics();
        String sub =
                "each test image is placed by the network's output; left of the line it is"
                        + " classified as '"
                        + images.classNames().get(0)
                        + "', right of it as '"
                        + images.classNames().get(1)
                        + "'";
        g.drawString(sub, (WIDTH - fm.stringWidth(sub)) / 2, 52);
        int[] counts = images.classCounts();
        for (int band = 0; band < 2; band++) {
            int top = bandTop(band);
            g.setColor(BAND_BACKGROUND);
            g.fillRect(LEFT, top, COLUMNS * THUMBNAIL, ROWS * THUMBNAIL);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            fm = g.getFontMetrics();
            String digit = images.classNames().get(band);
            int middle = top + ROWS * THUMBNAIL / 2;
            g.drawString(digit, (LEFT - fm.stringWidth(digit)) / 2, middle);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            fm = g.getFontMetrics();
            String n = String.format(Locale.ROOT, "true, %,d", counts[band]);
            g.drawString(n, (LEFT - fm.stringWidth(n)) / 2, middle + 22);
        }
        int axisY = bandTop(1) + ROWS * THUMBNAIL + 6;
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, axisY, plotRight, axisY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        fm = g.getFontMetrics();
        for (int t = 0; t <= 4; t++) {
            int x = LEFT + t * COLUMNS * THUMBNAIL / 4;
            g.drawLine(x, axisY, x, axisY + 6);
            String label = String.format(Locale.ROOT, "%.2f", t / 4.0);
            g.drawString(label, x - fm.stringWidth(label) / 2, axisY + 8 + fm.getAscent());
        }
        String axis =
                "network output (0 = '"
                        + images.classNames().get(0)
                        + "', 1 = '"
                        + images.classNames().get(1)
                        + "'); decision threshold 0.5";
        g.drawString(axis, (LEFT + plotRight - fm.stringWidth(axis)) / 2, HEIGHT - 14);
        // the threshold first, so that thumbnails and their frames stay whole on top of it
        g.setColor(THRESHOLD);
        g.fillRect(thresholdX() - 1, TITLE - 4, 2, axisY - TITLE + 10);
    }

    private static void thumbnail(BufferedImage target, ImageSamples images, Placement p) {
        int h = images.height();
        int w = images.width();
        boolean rgb = images.channels() == 3;
        for (int ty = 0; ty < THUMBNAIL; ty++) {
            int sy = ty * h / THUMBNAIL;
            for (int tx = 0; tx < THUMBNAIL; tx++) {
                int sx = tx * w / THUMBNAIL;
                int colour;
                if (rgb) {
                    colour =
                            images.pixel(p.sample(), 0, sy, sx) << 16
                                    | images.pixel(p.sample(), 1, sy, sx) << 8
                                    | images.pixel(p.sample(), 2, sy, sx);
                } else {
                    int v = images.pixel(p.sample(), 0, sy, sx);
                    colour = v << 16 | v << 8 | v;
                }
                boolean frame =
                        p.misclassified()
                                && (tx < FRAME
                                        || ty < FRAME
                                        || tx >= THUMBNAIL - FRAME
                                        || ty >= THUMBNAIL - FRAME);
                target.setRGB(p.x() + tx, p.y() + ty, frame ? MISTAKE.getRGB() : colour);
            }
        }
    }

    private static void overflowLabels(Graphics2D g, Layout layout) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 9));
        FontMetrics fm = g.getFontMetrics();
        for (int band = 0; band < 2; band++) {
            for (int c = 0; c < COLUMNS; c++) {
                int more = layout.hidden()[band][c];
                if (more == 0) {
                    continue;
                }
                String text = "+" + more;
                int cellX = LEFT + c * THUMBNAIL;
                int cellY = bandTop(band);
                // a white tile per cell keeps neighbouring counts apart
                g.setColor(Color.WHITE);
                g.fillRect(cellX + 1, cellY + 5, THUMBNAIL - 2, THUMBNAIL - 10);
                g.setColor(TEXT);
                g.drawString(
                        text,
                        cellX + (THUMBNAIL - fm.stringWidth(text)) / 2,
                        cellY + THUMBNAIL / 2 + fm.getAscent() / 2 - 1);
            }
        }
    }
}
