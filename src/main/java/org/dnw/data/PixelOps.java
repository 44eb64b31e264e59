package org.dnw.data;

import java.util.SplittableRandom;

/**
 * The pixel operations behind {@link Augmenter} and {@link Corruptions}, on one channel-first image
 * (C × H × W floats in [0, 1]) stored at {@code offset} of a larger array. Stateless; scratch
 * buffers are passed in so that the training loop allocates nothing per batch.
 */
final class PixelOps {

    /** Levels of the Gaussian table: 16 random bits pick one. */
    private static final int NORMAL_LEVELS = 1 << 16;

    /**
     * Standard normal quantiles at (i + ½) / 65,536, rescaled to mean 0 and variance 1 exactly.
     * Drawing four of them from one 64-bit random number is several times faster than {@code
     * nextGaussian()}, and the only difference — tails cut at ±4.3 σ — vanishes once pixels are
     * clipped to [0, 1].
     */
    private static final float[] NORMAL = normalTable();

    /** Salt-and-pepper thresholds and the like are compared with 16 random bits. */
    static final int UNIT_BITS = 16;

    private PixelOps() {}

    /** SplitMix64's finaliser: a well-mixed 64-bit value for a seed and a stream number. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Moves the image by ({@code dx}, {@code dy}) pixels and rotates it by {@code degrees}
     * (positive = anticlockwise on screen) about its centre, sampling bilinearly; what comes from
     * outside the image is 0. Result in {@code image}; {@code scratch} must hold C·H·W floats.
     */
    static void shiftRotate(
            float[] image,
            int offset,
            int channels,
            int height,
            int width,
            double dx,
            double dy,
            double degrees,
            float[] scratch) {
        int plane = height * width;
        if (degrees == 0 && dx == Math.rint(dx) && dy == Math.rint(dy)) {
            shiftWhole(image, offset, channels, height, width, (int) dx, (int) dy, scratch);
            return;
        }
        double radians = Math.toRadians(degrees);
        // Inverse mapping: output pixel p samples the source at R(−θ)·(p − c − d) + c, with the
        // y axis pointing down, so a positive angle turns the content anticlockwise on screen.
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            double ry = y - cy - dy;
            double rx0 = -cx - dx;
            double sx = cos * rx0 - sin * ry + cx;
            double sy = sin * rx0 + cos * ry + cy;
            int row = y * width;
            for (int x = 0; x < width; x++, sx += cos, sy += sin) {
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                int at = row + x;
                if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) {
                    for (int c = 0; c < channels; c++) {
                        scratch[c * plane + at] = 0;
                    }
                    continue;
                }
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                float w00 = (1 - fx) * (1 - fy);
                float w01 = fx * (1 - fy);
                float w10 = (1 - fx) * fy;
                float w11 = fx * fy;
                int src = offset + y0 * width + x0;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
                    for (int c = 0, s = src; c < channels; c++, s += plane) {
                        scratch[c * plane + at] =
                                w00 * image[s]
                                        + w01 * image[s + 1]
                                        + w10 * image[s + width]
                                        + w11 * image[s + width + 1];
                    }
                } else {
                    boolean left = x0 >= 0;
                    boolean right = x0 + 1 < width;
                    boolean top = y0 >= 0;
                    boolean bottom = y0 + 1 < height;
                    for (int c = 0, s = src; c < channels; c++, s += plane) {
                        float v = 0;
                        if (top && left) {
                            v += w00 * image[s];
                        }
                        if (top && right) {
                            v += w01 * image[s + 1];
                        }
                        if (bottom && left) {
                            v += w10 * image[s + width];
                        }
                        if (bottom && right) {
                            v += w11 * image[s + width + 1];
                        }
                        scratch[c * plane + at] = v;
                    }
                }
            }
        }
        System.arraycopy(scratch, 0, image, offset, channels * plane);
    }

    /** Whole-pixel translation, a row copy at a time; uncovered pixels become 0. */
    private static void shiftWhole(
            float[] image,
            int offset,
            int channels,
            int height,
            int width,
            int dx,
            int dy,
            float[] scratch) {
        if (dx == 0 && dy == 0) {
            return;
        }
        int plane = height * width;
        java.util.Arrays.fill(scratch, 0, channels * plane, 0f);
        int fromX = Math.max(0, -dx);
        int toX = Math.min(width, width - dx);
        int fromY = Math.max(0, -dy);
        int toY = Math.min(height, height - dy);
        if (fromX < toX) {
            for (int c = 0; c < channels; c++) {
                for (int y = fromY; y < toY; y++) {
                    System.arraycopy(
                            image,
                            offset + c * plane + y * width + fromX,
                            scratch,
                            c * plane + (y + dy) * width + fromX + dx,
                            toX - fromX);
                }
            }
        }
        System.arraycopy(scratch, 0, image, offset, channels * plane);
    }

    /**
     * Contrast then brightness about the image's mean: v ← (v − mean)·factor + mean + offset,
     * clipped to [0, 1]. The mean is taken over every channel, so colours keep their balance.
     */
    static void contrastBrightness(
            float[] image, int offset, int length, double factor, double brightness) {
        if (factor == 1 && brightness == 0) {
            return;
        }
        double sum = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            sum += image[i];
        }
        float mean = (float) (sum / length);
        float f = (float) factor;
        float add = (float) (mean + brightness - mean * factor);
        for (int i = offset, end = offset + length; i < end; i++) {
            image[i] = clip(image[i] * f + add);
        }
    }

    /** Radius of the Gaussian kernel used for {@code sigma}: three sigmas, at least 1. */
    static int blurRadius(double sigma) {
        return Math.max(1, (int) Math.ceil(3 * sigma));
    }

    /** The buffers {@link #blur} works in, for an H × W image and sigma up to {@code sigma}. */
    static final class BlurScratch {
        final float[] kernel;
        final float[] padded;
        final float[] across;
        final float[] tall;
        final float[] shifted;
        final float[] sum;

        BlurScratch(int height, int width, double sigma) {
            int r = blurRadius(sigma);
            kernel = new float[2 * r + 1];
            padded = new float[height * (width + 2 * r)];
            across = new float[height * (width + 2 * r)];
            tall = new float[(height + 2 * r) * width];
            shifted = new float[height * (width + 2 * r)];
            sum = new float[height * width];
        }
    }

    /**
     * Separable Gaussian blur of every channel, edges extended (so borders keep their brightness).
     * Does nothing for sigma below 0.05 px, where the kernel is a single tap. {@code scratch} must
     * be made for this image size and at least this sigma.
     *
     * <p>Each channel is copied into buffers padded by the kernel radius, so that every tap is one
     * long loop over the whole plane. C2 (JDK 17) vectorises a loop only when it reads and writes
     * at the same index, so each tap first copies the shifted source to the start of a buffer (a
     * fast {@code arraycopy}) and then adds it in one vectorised loop: four times faster on 28 × 28
     * images than loops over {@code in[i + k]}.
     */
    static void blur(
            float[] image,
            int offset,
            int channels,
            int height,
            int width,
            double sigma,
            BlurScratch scratch) {
        if (!(sigma >= 0.05)) {
            return;
        }
        int r = blurRadius(sigma);
        float[] kernel = scratch.kernel;
        float[] padded = scratch.padded;
        float[] across = scratch.across;
        float[] tall = scratch.tall;
        float[] shifted = scratch.shifted;
        float[] total = scratch.sum;
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            double w = Math.exp(-(k * k) / (2 * sigma * sigma));
            kernel[k + r] = (float) w;
            sum += w;
        }
        for (int k = 0; k <= 2 * r; k++) {
            kernel[k] = (float) (kernel[k] / sum);
        }
        int taps = 2 * r + 1;
        int plane = height * width;
        int stride = width + 2 * r;
        int rowsSize = height * stride;
        for (int c = 0; c < channels; c++) {
            int src = offset + c * plane;
            for (int y = 0; y < height; y++) {
                int row = src + y * width;
                int to = y * stride;
                java.util.Arrays.fill(padded, to, to + r, image[row]);
                System.arraycopy(image, row, padded, to + r, width);
                java.util.Arrays.fill(padded, to + r + width, to + stride, image[row + width - 1]);
            }
            // Horizontal: out[i] = Σ w_k · in[i + k]; entries past a row's width are unused.
            int length = rowsSize - 2 * r;
            float w0 = kernel[0];
            for (int i = 0; i < length; i++) {
                across[i] = w0 * padded[i];
            }
            for (int k = 1; k < taps; k++) {
                float w = kernel[k];
                System.arraycopy(padded, k, shifted, 0, length);
                for (int i = 0; i < length; i++) {
                    across[i] += w * shifted[i];
                }
            }
            for (int y = 0; y < height; y++) {
                System.arraycopy(across, y * stride, tall, (y + r) * width, width);
            }
            for (int y = 0; y < r; y++) {
                System.arraycopy(tall, r * width, tall, y * width, width);
                System.arraycopy(
                        tall, (height + r - 1) * width, tall, (height + r + y) * width, width);
            }
            // Vertical: out[i] = Σ w_k · in[i + k·W].
            for (int i = 0; i < plane; i++) {
                total[i] = w0 * tall[i];
            }
            for (int k = 1; k < taps; k++) {
                float w = kernel[k];
                System.arraycopy(tall, k * width, shifted, 0, plane);
                for (int i = 0; i < plane; i++) {
                    total[i] += w * shifted[i];
                }
            }
            System.arraycopy(total, 0, image, src, plane);
        }
    }

    /**
     * Adds {@code sigma}·z to every value, z standard normal from a stream seeded by {@code seed},
     * and clips to [0, 1]. The same seed gives the same z whatever sigma, so a larger sigma scales
     * the same noise pattern.
     */
    static void gaussianNoise(float[] image, int offset, int length, double sigma, long seed) {
        if (!(sigma > 0)) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        float s = (float) sigma;
        float[] z = NORMAL;
        int i = offset;
        int end = offset + length;
        for (int last = end - 3; i < last; i += 4) {
            long bits = random.nextLong();
            image[i] = clip(image[i] + s * z[(int) (bits & 0xFFFF)]);
            image[i + 1] = clip(image[i + 1] + s * z[(int) ((bits >>> 16) & 0xFFFF)]);
            image[i + 2] = clip(image[i + 2] + s * z[(int) ((bits >>> 32) & 0xFFFF)]);
            image[i + 3] = clip(image[i + 3] + s * z[(int) (bits >>> 48)]);
        }
        long bits = random.nextLong();
        for (; i < end; i++, bits >>>= 16) {
            image[i] = clip(image[i] + s * z[(int) (bits & 0xFFFF)]);
        }
    }

    /**
     * v clipped to [0, 1], exactly, without a branch: noisy pixels fall on either side of the
     * bounds at random, which makes a branch mispredict often and slows the noise loop by half.
     * max(v, 0) = (v + |v|) / 2 and min(u, 1) = u − max(u − 1, 0) are exact in floating point.
     */
    static float clip(float v) {
        float u = 0.5f * (v + Math.abs(v));
        float d = u - 1f;
        return u - 0.5f * (d + Math.abs(d));
    }

    /**
     * Sets each pixel (all its channels) to 0 or 1, half each, with chance {@code share}. A pixel
     * is hit when its 16 random bits fall below share·65,536, so with the same seed a larger share
     * hits a superset of the pixels.
     */
    static void saltAndPepper(
            float[] image, int offset, int channels, int plane, double share, long seed) {
        int threshold = (int) Math.round(Math.min(1, Math.max(0, share)) * (1 << UNIT_BITS));
        if (threshold == 0) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int p = 0;
        while (p < plane) {
            long bits = random.nextLong();
            for (int k = 0; k < 2 && p < plane; k++, p++, bits >>>= 32) {
                if ((int) (bits & 0xFFFF) < threshold) {
                    float v = (bits & 0x10000) == 0 ? 0f : 1f;
                    for (int c = 0, at = offset + p; c < channels; c++, at += plane) {
                        image[at] = v;
                    }
                }
            }
        }
    }

    /** Fills rows [top, top+h) × columns [left, left+w) of every channel with {@code grey}. */
    static void erase(
            float[] image,
            int offset,
            int channels,
            int height,
            int width,
            int top,
            int left,
            int h,
            int w,
            float grey) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            for (int y = top; y < top + h; y++) {
                int from = offset + c * plane + y * width + left;
                java.util.Arrays.fill(image, from, from + w, grey);
            }
        }
    }

    private static float[] normalTable() {
        double[] z = new double[NORMAL_LEVELS];
        double sum = 0;
        for (int i = 0; i < NORMAL_LEVELS; i++) {
            z[i] = inverseNormal((i + 0.5) / NORMAL_LEVELS);
            sum += z[i];
        }
        double mean = sum / NORMAL_LEVELS;
        double squares = 0;
        for (double v : z) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / NORMAL_LEVELS);
        float[] table = new float[NORMAL_LEVELS];
        for (int i = 0; i < NORMAL_LEVELS; i++) {
            table[i] = (float) ((z[i] - mean) / std);
        }
        return table;
    }

    /**
     * The standard normal quantile of p in (0, 1): Acklam's rational approximation (error 1e-9).
     */
    static double inverseNormal(double p) {
        double[] a = {
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
        };
        double[] d = {
            7.784695709041462e-03,
            3.224671290700398e-01,
            2.445134137142996e+00,
            3.754408661907416e+00
        };
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
