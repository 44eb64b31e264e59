package org.dnw.figures;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.dnw.spec.Shape;

/**
 * A heat map drawn over the image it explains (saliency, Grad-CAM): the image in grey, or in its
 * colours for three channels, with each pixel tinted from transparent (nothing) through purple and
 * red to yellow (the most) by its heat. Used by the command line, the window and reports alike.
 * Stateless and thread-safe; needs no display.
 *
 * <p>Heat is scaled so that {@value #CLIP_PERCENTILE}th percentile of the positive values is full
 * strength (a few extreme gradients would otherwise leave the rest invisible); values at or below
 * zero are not tinted.
 */
public final class HeatMapOverlay {

    /** The percentile of the positive heat values drawn at full strength. */
    public static final double CLIP_PERCENTILE = 99;

    /** Opacity of the tint at full heat. */
    public static final double MAX_OPACITY = 0.75;

    /** The colour ramp from a little heat to the most, as 0xRRGGBB. */
    private static final int[] RAMP = {0x5a00a0, 0xd42a2a, 0xff9a00, 0xffff78};

    private HeatMapOverlay() {}

    /**
     * The overlay at the image's own size, as ARGB pixels (alpha 255), row-major.
     *
     * @param input the image's shape (C, H, W); C = 3 is drawn in colour, else channel 0 in grey
     * @param image {@code input.size()} values in [0, 1], channel-first (the network's input)
     * @param heat H × W values, row-major; larger means more
     * @return H × W ARGB pixels
     * @throws IllegalArgumentException when the sizes do not match the shape
     */
    public static int[] argb(Shape input, float[] image, float[] heat) {
        int plane = input.height() * input.width();
        if (image.length != input.size() || heat.length != plane) {
            throw new IllegalArgumentException(
                    "an overlay of "
                            + input
                            + " needs "
                            + input.size()
                            + " image and "
                            + plane
                            + " heat values, not "
                            + image.length
                            + " and "
                            + heat.length);
        }
        boolean colour = input.channels() == 3;
        float full = fullStrength(heat);
        int[] out = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r;
            int g;
            int b;
            if (colour) {
                r = unit(image[i]);
                g = unit(image[plane + i]);
                b = unit(image[2 * plane + i]);
            } else {
                r = g = b = unit(image[i]);
            }
            double t = full > 0 && heat[i] > 0 ? Math.min(1, heat[i] / full) : 0;
            if (t > 0) {
                int tint = ramp(t);
                double a = MAX_OPACITY * Math.sqrt(t);
                r = blend(r, tint >> 16 & 0xff, a);
                g = blend(g, tint >> 8 & 0xff, a);
                b = blend(b, tint & 0xff, a);
            }
            out[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /**
     * The overlay enlarged by nearest-neighbour scaling, for a file or a report.
     *
     * @param pixelsPerValue pixels per side of one input pixel, ≥ 1
     * @return an image of type {@link BufferedImage#TYPE_INT_RGB}, (W·s) × (H·s)
     */
    public static BufferedImage render(
            Shape input, float[] image, float[] heat, int pixelsPerValue) {
        if (pixelsPerValue < 1) {
            throw new IllegalArgumentException("pixelsPerValue must be at least 1");
        }
        int[] small = argb(input, image, heat);
        int w = input.width();
        int h = input.height();
        int s = pixelsPerValue;
        BufferedImage picture = new BufferedImage(w * s, h * s, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h * s; y++) {
            for (int x = 0; x < w; x++) {
                int row = y * w * s + x * s;
                Arrays.fill(pixels, row, row + s, small[(y / s) * w + x] & 0xffffff);
            }
        }
        return picture;
    }

    /** A scale that makes the picture's long side about {@code pixels}, at least 1. */
    public static int pixelsPerValue(Shape input, int pixels) {
        return Math.max(1, pixels / Math.max(input.height(), input.width()));
    }

    /** The heat drawn at full strength: the {@link #CLIP_PERCENTILE}th percentile of positives. */
    static float fullStrength(float[] heat) {
        float[] positive = new float[heat.length];
        int n = 0;
        for (float v : heat) {
            if (v > 0 && Float.isFinite(v)) {
                positive[n++] = v;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(positive, 0, n);
        return positive[Math.min(n - 1, (int) Math.ceil(CLIP_PERCENTILE / 100 * n) - 1)];
    }

    /** The ramp's colour at t in (0, 1], linearly between its stops. */
    static int ramp(double t) {
        double p = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) Math.floor(p));
        double f = p - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        return mix(a >> 16 & 0xff, b >> 16 & 0xff, f) << 16
                | mix(a >> 8 & 0xff, b >> 8 & 0xff, f) << 8
                | mix(a & 0xff, b & 0xff, f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static int blend(int base, int tint, double a) {
        return (int) Math.round(base * (1 - a) + tint * a);
    }

    private static int unit(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
