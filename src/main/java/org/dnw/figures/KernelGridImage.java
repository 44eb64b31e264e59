package org.dnw.figures;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.dnw.spec.Shape;

/**
 * Draws a first layer's weights as a grid of kernels: every kernel min-max scaled on its own to
 * 0–255 (its smallest weight black, its largest white), enlarged with nearest-neighbour scaling so
 * that each weight is a visible square. Stateless and thread-safe; needs no display.
 *
 * <p>What a kernel is, by the parameter's shape:
 *
 * <ul>
 *   <li>(outC, inC, kH, kW), a convolution: one kernel per output channel; an RGB tile when {@code
 *       inC} is 3, else {@code inC} grey tiles side by side.
 *   <li>(units, inputs), a dense layer: one kernel per unit; when the network's input is an image
 *       of C × H × W = {@code inputs} values, the unit's weights reshaped to that image (RGB when C
 *       is 3); otherwise one grey strip of 1 × {@code inputs}, units stacked in one column.
 *   <li>(n), one strip; other ranks: (d0, rest..., last) as d0 grey kernels.
 * </ul>
 *
 * <p>Each weight becomes a square of {@link #pixelsPerWeight} pixels: at least {@value
 * #MIN_PIXELS_PER_WEIGHT}, more for small kernels so that a tile is at least {@value
 * #MIN_TILE_PIXELS} pixels wide, fewer only when the whole image would exceed {@value
 * #MAX_IMAGE_PIXELS} pixels. Tiles are separated by a gap of background grey.
 */
public final class KernelGridImage {

    /** The smallest enlargement of one weight, in pixels per side. */
    public static final int MIN_PIXELS_PER_WEIGHT = 8;

    /** Small kernels are enlarged further until a tile is this many pixels on its long side. */
    public static final int MIN_TILE_PIXELS = 64;

    /** An upper bound on width × height, so that wide dense layers stay a sensible file. */
    public static final long MAX_IMAGE_PIXELS = 16_000_000L;

    /** Grey level of the gaps between tiles. */
    public static final int BACKGROUND = 64;

    private KernelGridImage() {}

    /**
     * The grid of {@code values} in {@code shape}.
     *
     * @param shape the parameter's dimensions, row-major
     * @param values the weights, length = product of {@code shape}
     * @param input the network's input shape (to reshape dense weights); may be null
     * @return an image of type {@link BufferedImage#TYPE_INT_RGB} when the kernels are RGB, else
     *     {@link BufferedImage#TYPE_BYTE_GRAY}
     * @throws IllegalArgumentException for an empty or scalar parameter
     */
    public static BufferedImage render(int[] shape, float[] values, Shape input) {
        Layout l = Layout.of(shape, values.length, input);
        int s = pixelsPerWeight(l);
        int gap = gap(s);
        int tileW = l.width * s;
        int tileH = l.height * s;
        int width = l.columns * tileW + (l.columns + 1) * gap;
        int height = l.rows * tileH + (l.rows + 1) * gap;
        BufferedImage image =
                new BufferedImage(
                        width,
                        height,
                        l.rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        // Writing the backing array directly: setPixel per pixel is slow on a 16-megapixel grid.
        int[] rgbPixels = null;
        byte[] greyPixels = null;
        if (l.rgb) {
            rgbPixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            Arrays.fill(rgbPixels, BACKGROUND << 16 | BACKGROUND << 8 | BACKGROUND);
        } else {
            greyPixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            Arrays.fill(greyPixels, (byte) BACKGROUND);
        }
        int kernelSize = l.channels * l.height * l.width;
        int plane = l.height * l.width;
        int tilesPerKernel = l.rgb ? 1 : l.channels;
        for (int k = 0; k < l.kernels; k++) {
            int offset = k * kernelSize;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = offset; i < offset + kernelSize; i++) {
                float v = values[i];
                if (!Float.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            for (int t = 0; t < tilesPerKernel; t++) {
                int tile = k * tilesPerKernel + t;
                int x0 = gap + (tile % l.columns) * (tileW + gap);
                int y0 = gap + (tile / l.columns) * (tileH + gap);
                for (int y = 0; y < l.height; y++) {
                    for (int x = 0; x < l.width; x++) {
                        int at = offset + y * l.width + x;
                        int colour;
                        if (l.rgb) {
                            colour =
                                    level(values[at], min, max) << 16
                                            | level(values[at + plane], min, max) << 8
                                            | level(values[at + 2 * plane], min, max);
                        } else {
                            colour = level(values[at + t * plane], min, max);
                        }
                        for (int dy = 0; dy < s; dy++) {
                            int row = (y0 + y * s + dy) * width + x0 + x * s;
                            if (l.rgb) {
                                Arrays.fill(rgbPixels, row, row + s, colour);
                            } else {
                                Arrays.fill(greyPixels, row, row + s, (byte) colour);
                            }
                        }
                    }
                }
            }
        }
        return image;
    }

    /**
     * One layer's weights as a grid, its filters' input channels either side by side (each filter a
     * row of {@code inC} grey tiles; RGB when {@code inC} is 3) or, with {@code meanOverChannels},
     * averaged into one grey tile per filter (a deeper layer's many channels reduced to the spatial
     * pattern they share). The one entry point for reports and the window's exports; stateless and
     * thread-safe.
     *
     * @param shape (outC, inC, kH, kW) for a convolution, (units, inputs) for a dense layer
     * @param values the weights, row-major in {@code shape}
     * @param input the network's input shape (to reshape dense weights); may be null
     * @param meanOverChannels average each filter's (or unit's image's) channels into one
     * @throws IllegalArgumentException for an empty or scalar parameter
     */
    public static BufferedImage render(
            int[] shape, float[] values, Shape input, boolean meanOverChannels) {
        if (!meanOverChannels) {
            return render(shape, values, input);
        }
        if (shape.length == 4 && shape[1] > 1) {
            return render(
                    new int[] {shape[0], 1, shape[2], shape[3]},
                    meanOverChannels(shape[0], shape[1], shape[2] * shape[3], values),
                    input);
        }
        if (shape.length == 2
                && input != null
                && input.isImage()
                && input.channels() > 1
                && input.size() == shape[1]
                && values.length == (long) shape[0] * shape[1]) {
            int plane = input.height() * input.width();
            return render(
                    new int[] {shape[0], plane},
                    meanOverChannels(shape[0], input.channels(), plane, values),
                    Shape.image(1, input.height(), input.width()));
        }
        return render(shape, values, input);
    }

    /**
     * The mean over channels of {@code kernels} kernels of {@code channels} planes of {@code plane}
     * values each, channel-first: {@code kernels × plane} values.
     *
     * @throws IllegalArgumentException when {@code values} is not {@code kernels × channels ×
     *     plane} long
     */
    public static float[] meanOverChannels(int kernels, int channels, int plane, float[] values) {
        if ((long) kernels * channels * plane != values.length || channels < 1) {
            throw new IllegalArgumentException(
                    "cannot average "
                            + values.length
                            + " values as "
                            + kernels
                            + " kernels of "
                            + channels
                            + " channels of "
                            + plane);
        }
        float[] mean = new float[kernels * plane];
        for (int k = 0; k < kernels; k++) {
            for (int c = 0; c < channels; c++) {
                int from = (k * channels + c) * plane;
                for (int p = 0; p < plane; p++) {
                    mean[k * plane + p] += values[from + p];
                }
            }
            for (int p = 0; p < plane; p++) {
                mean[k * plane + p] /= channels;
            }
        }
        return mean;
    }

    /**
     * Pixels per weight side for a parameter of this shape (see the class comment).
     *
     * @throws IllegalArgumentException for an empty or scalar parameter
     */
    public static int pixelsPerWeight(int[] shape, int valueCount, Shape input) {
        return pixelsPerWeight(Layout.of(shape, valueCount, input));
    }

    /** {@code v} in [min, max] as a grey level 0–255; a constant kernel is mid-grey, NaN black. */
    static int level(float v, float min, float max) {
        if (Float.isNaN(v)) {
            return 0;
        }
        if (!(max > min)) {
            return 128;
        }
        int level = Math.round((v - min) / (max - min) * 255f);
        return Math.max(0, Math.min(255, level));
    }

    private static int pixelsPerWeight(Layout l) {
        int longSide = Math.max(l.width, l.height);
        int s = Math.max(MIN_PIXELS_PER_WEIGHT, ceilDiv(MIN_TILE_PIXELS, longSide));
        while (s > 1 && area(l, s) > MAX_IMAGE_PIXELS) {
            s--;
        }
        return s;
    }

    private static long area(Layout l, int s) {
        int gap = gap(s);
        long w = (long) l.columns * l.width * s + (l.columns + 1L) * gap;
        long h = (long) l.rows * l.height * s + (l.rows + 1L) * gap;
        return w * h;
    }

    private static int gap(int s) {
        return Math.max(2, s / 2);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Kernels of C × H × W values, laid out in a grid of tiles. */
    private static final class Layout {
        int kernels;
        int channels;
        int height;
        int width;
        boolean rgb;
        int columns;
        int rows;

        static Layout of(int[] shape, int valueCount, Shape input) {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (shape.length == 0 || n == 0 || n != valueCount) {
                throw new IllegalArgumentException(
                        "cannot draw a parameter of shape "
                                + Arrays.toString(shape)
                                + " with "
                                + valueCount
                                + " values");
            }
            Layout l = new Layout();
            if (shape.length == 4) {
                l.kernels = shape[0];
                l.channels = shape[1];
                l.height = shape[2];
                l.width = shape[3];
            } else if (shape.length == 2) {
                l.kernels = shape[0];
                if (input != null && input.isImage() && input.size() == shape[1]) {
                    l.channels = input.channels();
                    l.height = input.height();
                    l.width = input.width();
                } else {
                    l.channels = 1;
                    l.height = 1;
                    l.width = shape[1];
                }
            } else if (shape.length == 1) {
                l.kernels = 1;
                l.channels = 1;
                l.height = 1;
                l.width = shape[0];
            } else {
                l.kernels = shape[0];
                l.channels = 1;
                l.width = shape[shape.length - 1];
                l.height = (int) (n / shape[0] / l.width);
            }
            l.rgb = l.channels == 3;
            int tiles = l.rgb ? l.kernels : l.kernels * l.channels;
            if (!l.rgb && l.channels > 1) {
                // each kernel's channels on one row, so a row reads as one filter
                l.columns = l.channels;
            } else if (l.height == 1) {
                // strips stack into a units × inputs picture
                l.columns = 1;
            } else {
                l.columns = (int) Math.ceil(Math.sqrt(tiles));
            }
            l.rows = ceilDiv(tiles, l.columns);
            return l;
        }
    }
}
