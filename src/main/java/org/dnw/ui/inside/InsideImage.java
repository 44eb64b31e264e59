package org.dnw.ui.inside;

import java.util.Objects;

/**
 * The image whose layer outputs are shown: the network's input, as the network sees it.
 *
 * @param values {@code channels × height × width} values in [0, 1], channel-first; never changed
 *     after construction (the training run is handed this very array)
 * @param caption what it is, e.g. "test image #17 — true 7, predicted 2"
 * @param testIndex its position in the test split, or −1 when it is not a test image
 */
public record InsideImage(
        float[] values, int channels, int height, int width, String caption, int testIndex) {

    public InsideImage {
        Objects.requireNonNull(values, "values");
        if ((long) channels * height * width != values.length) {
            throw new IllegalArgumentException(
                    values.length
                            + " values for a "
                            + channels
                            + " × "
                            + height
                            + " × "
                            + width
                            + " image");
        }
    }

    /** An image of unsigned bytes (0–255), channel-first, scaled to [0, 1] as in training. */
    public static InsideImage of(
            byte[] pixels, int channels, int height, int width, String caption, int testIndex) {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (pixels[i] & 0xFF) / 255f;
        }
        return new InsideImage(x, channels, height, width, caption, testIndex);
    }

    /** Grey level 0–255 of channel {@code c} at ({@code y}, {@code x}). */
    public int level(int c, int y, int x) {
        float v = values[(c * height + y) * width + x];
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    /** Opaque ARGB of pixel ({@code y}, {@code x}): grey, or RGB for three channels. */
    public int argb(int y, int x) {
        if (channels == 3) {
            return 0xFF000000 | level(0, y, x) << 16 | level(1, y, x) << 8 | level(2, y, x);
        }
        int g = level(0, y, x);
        return 0xFF000000 | g << 16 | g << 8 | g;
    }
}
