package org.dnw.data;

import java.util.Locale;
import java.util.Objects;
import org.dnw.spec.Shape;

/**
 * Turns a picture — a digit drawn with the mouse, or a photo — into one network input of unsigned
 * bytes (0–255), channel-first, as the training data looked. Pure Java, stateless and thread-safe.
 *
 * <p>Two ways, chosen by {@link Mode}:
 *
 * <ul>
 *   <li>{@link Mode#CENTRE_DIGIT}, as MNIST's own digits were made: the ink's bounding box (every
 *       pixel brighter than the background) is scaled with area averaging (downscaling) or linear
 *       interpolation (upscaling) so that its longer side is 20 pixels for a 28 × 28 input (20/28
 *       of the shorter input side in general), keeping the aspect ratio; the result is put in the
 *       input frame with whole-pixel shifts so that its centre of mass lies within half a pixel of
 *       the frame's centre, (14, 14) for 28 × 28 in pixel-index coordinates (column {@code x}, row
 *       {@code y}), as in MNIST. Ink pushed past the frame's edge by the centring is cut.
 *   <li>{@link Mode#RESIZE}, for networks trained on other images (Fashion-MNIST, CIFAR-10): the
 *       whole picture is resized to the input's height × width, aspect ratio not kept, nothing
 *       centred.
 * </ul>
 *
 * <p>Grey pictures ({@link #prepareGrey}) are taken as they are: ink bright on a dark background,
 * as the workbench's drawing canvas makes them. Photos and image files ({@link #prepare}) are read
 * as ARGB: transparent pixels are laid over white, colours become grey (ITU-R BT.601 luma) for a
 * one-channel input; when most of the border is bright (a dark digit on light paper) the picture is
 * inverted; then the background level (the 90th percentile of the border, at most half the
 * brightest pixel) becomes black and the brightest pixel white, so that paper grain does not count
 * as ink. A three-channel input gets the R, G and B planes resized, without inversion or levels.
 */
public final class DigitPreprocessor {

    /** Side of an MNIST image, in pixels. */
    public static final int MNIST_SIDE = 28;

    /** Longer side of the digit's box inside an MNIST image, in pixels. */
    public static final int MNIST_BOX = 20;

    /** A picture whose brightest pixel is less than this above the background holds no ink. */
    public static final int MIN_CONTRAST = 32;

    /** Border pixels at least this bright count as light paper. */
    static final int LIGHT = 128;

    /** How an image is turned into an input. */
    public enum Mode {
        /** Bounding box scaled to 20/28 of the frame, centre of mass centred: MNIST digits. */
        CENTRE_DIGIT,
        /** The whole picture resized to the input shape: other image data sets. */
        RESIZE;

        /**
         * {@link #CENTRE_DIGIT} for a one-channel image input trained on an MNIST-style digit set
         * (a name containing "MNIST" but not "Fashion"), else {@link #RESIZE}.
         *
         * @param datasetName the data set's catalog name, e.g. "MNIST"; null for unknown
         * @param input the network's input shape
         */
        public static Mode forDataset(String datasetName, Shape input) {
            String name = datasetName == null ? "" : datasetName.toLowerCase(Locale.ROOT);
            boolean digits = name.contains("mnist") && !name.contains("fashion");
            return digits && input != null && input.isImage() && input.channels() == 1
                    ? CENTRE_DIGIT
                    : RESIZE;
        }
    }

    /**
     * A prepared input. Immutable by contract (callers must not modify {@code pixels}).
     *
     * @param channels the input's channels (1 or 3 normally)
     * @param height rows
     * @param width columns
     * @param pixels {@code channels × height × width} unsigned bytes, channel-first, row-major
     * @param blank true when the picture held no ink: {@code pixels} are then all zero and there is
     *     nothing to classify
     * @param inverted true when a light background was inverted to make the ink bright
     */
    public record Prepared(
            int channels, int height, int width, byte[] pixels, boolean blank, boolean inverted) {

        public Prepared {
            Objects.requireNonNull(pixels, "pixels");
            if ((long) channels * height * width != pixels.length) {
                throw new IllegalArgumentException(
                        "a "
                                + channels
                                + " × "
                                + height
                                + " × "
                                + width
                                + " input needs "
                                + (long) channels * height * width
                                + " bytes, got "
                                + pixels.length);
            }
        }

        /** Unsigned value of channel {@code c}, row {@code y}, column {@code x}. */
        public int pixel(int c, int y, int x) {
            return pixels[(c * height + y) * width + x] & 0xFF;
        }

        /** The input's shape, channels × height × width. */
        public Shape shape() {
            return Shape.image(channels, height, width);
        }
    }

    private DigitPreprocessor() {}

    /** MNIST's preprocessing of a grey picture (ink bright): a 1 × 28 × 28 centred digit. */
    public static Prepared centreDigit(int[] grey, int width, int height) {
        return prepareGrey(
                grey, width, height, Shape.image(1, MNIST_SIDE, MNIST_SIDE), Mode.CENTRE_DIGIT);
    }

    /**
     * Prepares a grey picture whose ink is bright on a dark background, e.g. the drawing canvas.
     *
     * @param grey {@code width × height} levels 0–255, row-major; values outside are clamped
     * @param input the network's input shape (C × H × W); a grey picture for a three-channel input
     *     fills all three channels
     * @throws IllegalArgumentException when the sizes do not match or the input is not an image
     */
    public static Prepared prepareGrey(int[] grey, int width, int height, Shape input, Mode mode) {
        checkSize(grey, width, height);
        checkInput(input);
        float[] levels = new float[grey.length];
        int max = 0;
        for (int i = 0; i < grey.length; i++) {
            int v = Math.max(0, Math.min(255, grey[i]));
            levels[i] = v;
            max = Math.max(max, v);
        }
        return fromLevels(levels, width, height, input, mode, max < MIN_CONTRAST, false, false);
    }

    /**
     * Prepares an image file's pixels or a photo (see the class comment for inversion and levels).
     *
     * @param argb {@code width × height} packed ARGB pixels ({@code 0xAARRGGBB}), row-major, as
     *     {@code BufferedImage.getRGB} and JavaFX's {@code PixelReader} give them
     * @param input the network's input shape (C × H × W)
     * @throws IllegalArgumentException when the sizes do not match or the input is not an image
     */
    public static Prepared prepare(int[] argb, int width, int height, Shape input, Mode mode) {
        checkSize(argb, width, height);
        checkInput(input);
        if (input.channels() == 3) {
            return resizeColour(argb, width, height, input);
        }
        int[] grey = toGrey(argb);
        boolean invert = hasLightBorder(grey, width, height);
        if (invert) {
            for (int i = 0; i < grey.length; i++) {
                grey[i] = 255 - grey[i];
            }
        }
        int max = 0;
        for (int v : grey) {
            max = Math.max(max, v);
        }
        int floor = borderPercentile(grey, width, height, 0.99);
        if (floor > 0) {
            // Grain inside the paper reaches a little above the border's: keep a margin.
            floor += (int) Math.round(0.04 * Math.max(0, max - floor));
        }
        floor = Math.min(floor, max / 2);
        boolean blank = max - floor < MIN_CONTRAST;
        float[] levels = new float[grey.length];
        if (!blank) {
            float gain = 255f / (max - floor);
            for (int i = 0; i < grey.length; i++) {
                levels[i] = Math.max(0, grey[i] - floor) * gain;
            }
        }
        return fromLevels(levels, width, height, input, mode, blank, invert, true);
    }

    /**
     * Grey levels of ARGB pixels: each laid over white by its alpha, then {@code 0.299 R + 0.587 G
     * + 0.114 B}, rounded.
     */
    public static int[] toGrey(int[] argb) {
        int[] grey = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            double r = over(p >> 16 & 0xFF, a);
            double g = over(p >> 8 & 0xFF, a);
            double b = over(p & 0xFF, a);
            grey[i] = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        }
        return grey;
    }

    /**
     * True when more than half of the picture's border is light (at least {@value #LIGHT}): dark
     * ink on light paper. The border is a ring of 3 % of the shorter side (at least one pixel).
     */
    public static boolean hasLightBorder(int[] grey, int width, int height) {
        checkSize(grey, width, height);
        int ring = ringWidth(width, height);
        long light = 0;
        long total = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inRing(x, y, width, height, ring)) {
                    total++;
                    if (grey[y * width + x] >= LIGHT) {
                        light++;
                    }
                }
            }
        }
        return light * 2 > total;
    }

    /**
     * Resizes ARGB pixels to {@code newWidth × newHeight} with area averaging when shrinking and
     * linear interpolation when enlarging, per axis; alpha is kept. For thumbnails and the colour
     * path.
     */
    public static int[] resizeArgb(int[] argb, int width, int height, int newWidth, int newHeight) {
        checkSize(argb, width, height);
        if (newWidth < 1 || newHeight < 1) {
            throw new IllegalArgumentException(
                    "cannot resize to " + newWidth + " × " + newHeight + " pixels");
        }
        float[][] planes = new float[4][argb.length];
        for (int i = 0; i < argb.length; i++) {
            for (int c = 0; c < 4; c++) {
                planes[c][i] = argb[i] >>> (24 - 8 * c) & 0xFF;
            }
        }
        int[] out = new int[newWidth * newHeight];
        for (int c = 0; c < 4; c++) {
            float[] r = resample(planes[c], width, height, newWidth, newHeight);
            for (int i = 0; i < out.length; i++) {
                out[i] |= toByte(r[i]) << (24 - 8 * c);
            }
        }
        return out;
    }

    // ---- the two modes

    private static Prepared fromLevels(
            float[] levels,
            int width,
            int height,
            Shape input,
            Mode mode,
            boolean blank,
            boolean inverted,
            boolean photo) {
        int c = input.channels();
        int h = input.height();
        int w = input.width();
        if (blank) {
            return new Prepared(c, h, w, new byte[c * h * w], true, inverted);
        }
        byte[] plane =
                mode == Mode.CENTRE_DIGIT
                        ? centre(levels, width, height, h, w, photo)
                        : toBytes(resample(levels, width, height, w, h));
        if (plane == null) {
            return new Prepared(c, h, w, new byte[c * h * w], true, inverted);
        }
        byte[] pixels = new byte[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            System.arraycopy(plane, 0, pixels, ch * plane.length, plane.length);
        }
        return new Prepared(c, h, w, pixels, false, inverted);
    }

    /**
     * The MNIST procedure on levels with a black (0) background; null when there is no ink. In a
     * photo, a lit pixel without a lit neighbour is grain, not ink, and does not widen the box.
     */
    private static byte[] centre(
            float[] levels, int width, int height, int frameH, int frameW, boolean photo) {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (levels[y * width + x] >= 0.5f
                        && (!photo || hasLitNeighbour(levels, width, height, x, y))) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        float[] crop = new float[bw * bh];
        for (int y = 0; y < bh; y++) {
            System.arraycopy(levels, (y0 + y) * width + x0, crop, y * bw, bw);
        }
        int box =
                Math.max(
                        1,
                        (int)
                                Math.round(
                                        (double) MNIST_BOX
                                                * Math.min(frameH, frameW)
                                                / MNIST_SIDE));
        double scale = (double) box / Math.max(bw, bh);
        int tw = bw >= bh ? box : Math.max(1, (int) Math.round(bw * scale));
        int th = bh >= bw ? box : Math.max(1, (int) Math.round(bh * scale));
        byte[] small = toBytes(resample(crop, bw, bh, tw, th));
        // The centre of mass of what is placed, in whole bytes, so the shift rounds it exactly.
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                int v = small[y * tw + x] & 0xFF;
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        if (mass == 0) {
            return null;
        }
        int dx = (int) Math.round(frameW / 2.0 - mx / mass);
        int dy = (int) Math.round(frameH / 2.0 - my / mass);
        byte[] frame = new byte[frameH * frameW];
        for (int y = 0; y < th; y++) {
            int fy = y + dy;
            if (fy < 0 || fy >= frameH) {
                continue;
            }
            for (int x = 0; x < tw; x++) {
                int fx = x + dx;
                if (fx >= 0 && fx < frameW) {
                    frame[fy * frameW + fx] = small[y * tw + x];
                }
            }
        }
        return frame;
    }

    private static Prepared resizeColour(int[] argb, int width, int height, Shape input) {
        int h = input.height();
        int w = input.width();
        int plane = h * w;
        byte[] pixels = new byte[3 * plane];
        float[] source = new float[argb.length];
        int min = 255;
        int max = 0;
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            for (int i = 0; i < argb.length; i++) {
                int v = (int) Math.round(over(argb[i] >> shift & 0xFF, argb[i] >>> 24));
                source[i] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            byte[] resized = toBytes(resample(source, width, height, w, h));
            System.arraycopy(resized, 0, pixels, c * plane, plane);
        }
        return new Prepared(3, h, w, pixels, max - min < MIN_CONTRAST, false);
    }

    // ---- resampling

    /**
     * Resamples a plane separably: per axis, area averaging when the axis shrinks (or keeps its
     * length, which copies it) and linear interpolation between pixel centres when it grows.
     */
    static float[] resample(float[] source, int width, int height, int newWidth, int newHeight) {
        Weights wx = Weights.of(width, newWidth);
        Weights wy = Weights.of(height, newHeight);
        float[] rows = new float[height * newWidth];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < newWidth; x++) {
                float sum = 0;
                float[] w = wx.weights[x];
                int start = row + wx.first[x];
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * source[start + k];
                }
                rows[y * newWidth + x] = sum;
            }
        }
        float[] out = new float[newHeight * newWidth];
        for (int y = 0; y < newHeight; y++) {
            float[] w = wy.weights[y];
            int first = wy.first[y];
            for (int k = 0; k < w.length; k++) {
                int row = (first + k) * newWidth;
                float weight = w[k];
                for (int x = 0; x < newWidth; x++) {
                    out[y * newWidth + x] += weight * rows[row + x];
                }
            }
        }
        return out;
    }

    /** For each output pixel of one axis: the first source pixel it reads and their weights. */
    private static final class Weights {
        final int[] first;
        final float[][] weights;

        private Weights(int n) {
            first = new int[n];
            weights = new float[n][];
        }

        static Weights of(int from, int to) {
            Weights w = new Weights(to);
            double ratio = (double) from / to;
            for (int i = 0; i < to; i++) {
                if (to <= from) {
                    double lo = i * ratio;
                    double hi = Math.min(from, (i + 1) * ratio);
                    int a = (int) Math.floor(lo);
                    int b = Math.min(from - 1, (int) Math.ceil(hi) - 1);
                    float[] k = new float[b - a + 1];
                    for (int s = a; s <= b; s++) {
                        double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                        k[s - a] = (float) (Math.max(0, overlap) / ratio);
                    }
                    w.first[i] = a;
                    w.weights[i] = k;
                } else {
                    double u = (i + 0.5) * ratio - 0.5;
                    u = Math.max(0, Math.min(from - 1, u));
                    int a = (int) Math.floor(u);
                    double t = u - a;
                    if (a + 1 < from && t > 0) {
                        w.first[i] = a;
                        w.weights[i] = new float[] {(float) (1 - t), (float) t};
                    } else {
                        w.first[i] = a;
                        w.weights[i] = new float[] {1f};
                    }
                }
            }
            return w;
        }
    }

    // ---- small pieces

    private static boolean hasLitNeighbour(float[] levels, int width, int height, int x, int y) {
        for (int ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
                if ((nx != x || ny != y) && levels[ny * width + nx] >= 0.5f) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double over(int value, int alpha) {
        return (value * alpha + 255.0 * (255 - alpha)) / 255.0;
    }

    private static int ringWidth(int width, int height) {
        return Math.max(1, (int) Math.round(Math.min(width, height) * 0.03));
    }

    private static boolean inRing(int x, int y, int width, int height, int ring) {
        return x < ring || y < ring || x >= width - ring || y >= height - ring;
    }

    /** The {@code share} percentile of the border ring's levels. */
    private static int borderPercentile(int[] grey, int width, int height, double share) {
        int ring = ringWidth(width, height);
        int[] histogram = new int[256];
        int total = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inRing(x, y, width, height, ring)) {
                    histogram[Math.max(0, Math.min(255, grey[y * width + x]))]++;
                    total++;
                }
            }
        }
        int wanted = (int) Math.ceil(total * share);
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen >= wanted) {
                return v;
            }
        }
        return 255;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    private static byte[] toBytes(float[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) toByte(values[i]);
        }
        return out;
    }

    private static void checkSize(int[] pixels, int width, int height) {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException(
                    "a picture of "
                            + width
                            + " × "
                            + height
                            + " pixels needs "
                            + (long) Math.max(0, width) * Math.max(0, height)
                            + " values, got "
                            + pixels.length);
        }
    }

    private static void checkInput(Shape input) {
        Objects.requireNonNull(input, "input");
        if (!input.isImage() || !input.isValid()) {
            throw new IllegalArgumentException(
                    "the network's input "
                            + input
                            + " is not an image (channels × height × width): it cannot take a"
                            + " picture");
        }
    }

    /**
     * A picture prepared for a network taking {@code input} images of the data set {@code
     * datasetName}, as Try it prepares a drawing (the one way the command line and the window turn
     * an image file into a network's input).
     *
     * @param argb {@code width × height} opaque ARGB pixels, row-major
     * @return the {@code input.size()} values in [0, 1], channel-first; null when the picture is
     *     blank
     */
    public static float[] networkInput(
            int[] argb, int width, int height, Shape input, String datasetName) {
        Prepared prepared =
                prepare(argb, width, height, input, Mode.forDataset(datasetName, input));
        if (prepared.blank()) {
            return null;
        }
        float[] x = new float[prepared.pixels().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (prepared.pixels()[i] & 0xFF) / 255f;
        }
        return x;
    }
}
