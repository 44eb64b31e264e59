package org.dnw.data;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Applies an {@link AugmentationSpec} to training images in place: channel-first floats (N × C × H
 * × W, values in [0, 1]), as the engine builds a batch. In the spec's order, each image is
 *
 * <ol>
 *   <li>with chance {@code probability} augmented at all (else left exactly as it is);
 *   <li>shifted by whole pixels, dx and dy uniform in [−maxShift, maxShift], and rotated by an
 *       angle uniform in [−maxRotation, maxRotation] degrees about its centre, sampled bilinearly,
 *       black (0) where the source lies outside the image;
 *   <li>given contrast factor uniform in [1−d, 1+d] about its mean grey, then a brightness offset
 *       uniform in [−b, b]; clipped to [0, 1];
 *   <li>blurred with a Gaussian of sigma uniform in [0, blurSigma] pixels (edges extended);
 *   <li>given additive Gaussian noise of sigma {@code gaussianNoiseSigma} (each value on its own);
 *       clipped to [0, 1];
 *   <li>given salt-and-pepper noise: each pixel, all channels together, set to 0 or 1 (half each)
 *       with chance {@code saltPepperShare};
 *   <li>with chance {@code erasingProbability}, one rectangle of 2–25 % of the image's area (aspect
 *       ratio between 0.3 and 3.3) filled with one random grey;
 *   <li>with chance {@code flipProbability}, mirrored left to right, every channel alike: pixel (y,
 *       x) moves to (y, W−1−x).
 * </ol>
 *
 * <p>Every image draws its own random numbers from a seed taken from the generator passed in, so a
 * run with a seed is reproducible. Each augmentation draws the same numbers whatever the settings,
 * so in a preview a slider scales one and the same change (a larger rotation turns the same digit
 * further the same way; a larger noise sigma scales the same noise). The flip's number is drawn
 * last and the mirror applied last, so with {@code flipProbability} 0 every other setting gives the
 * images it gave before the flip existed.
 *
 * <p>Not thread-safe: an instance holds scratch buffers. Use one per thread (the training thread).
 * Allocates nothing per batch.
 */
public final class Augmenter {

    /** Largest and smallest share of the image area that random erasing covers. */
    static final double ERASE_MIN_AREA = 0.02;

    static final double ERASE_MAX_AREA = 0.25;

    private static final double LOG_MIN_RATIO = Math.log(0.3);
    private static final double LOG_MAX_RATIO = Math.log(3.3);

    private final AugmentationSpec spec;
    private final int channels;
    private final int height;
    private final int width;
    private final int plane;
    private final int imageSize;
    private final float[] scratch;
    private final PixelOps.BlurScratch blurScratch;

    /**
     * An augmenter for images of C × H × W.
     *
     * @throws IllegalArgumentException when a value of {@code spec} is out of its range or the
     *     image shape is empty
     */
    public Augmenter(AugmentationSpec spec, int channels, int height, int width) {
        Objects.requireNonNull(spec, "spec");
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "an image of " + channels + "×" + height + "×" + width + " holds no pixels");
        }
        this.spec = spec;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.plane = height * width;
        this.imageSize = channels * plane;
        this.scratch = new float[imageSize];
        this.blurScratch = new PixelOps.BlurScratch(height, width, spec.blurSigma());
    }

    public AugmentationSpec spec() {
        return spec;
    }

    /** Floats per image: C·H·W. */
    public int imageSize() {
        return imageSize;
    }

    /**
     * Augments every image of {@code batch} in place.
     *
     * @param batch N·C·H·W floats in [0, 1], channel-first; its length must be a multiple of C·H·W
     * @param random consumed: one {@code nextLong()} per image
     */
    public void apply(float[] batch, RandomGenerator random) {
        if (batch.length % imageSize != 0) {
            throw new IllegalArgumentException(
                    "a batch of "
                            + batch.length
                            + " floats is not a whole number of "
                            + channels
                            + "×"
                            + height
                            + "×"
                            + width
                            + " images");
        }
        apply(batch, batch.length / imageSize, random);
    }

    /**
     * Augments the first {@code imageCount} images of {@code batch} in place (for a reused buffer
     * whose last batch is shorter).
     *
     * @param random consumed: one {@code nextLong()} per image
     */
    public void apply(float[] batch, int imageCount, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (imageCount < 0 || (long) imageCount * imageSize > batch.length) {
            throw new IllegalArgumentException(
                    imageCount + " images do not fit a batch of " + batch.length + " floats");
        }
        if (!spec.isActive()) {
            // Still consume the seeds, so that switching augmentation off and on again leaves the
            // rest of a seeded run's random sequence where it would be.
            for (int i = 0; i < imageCount; i++) {
                random.nextLong();
            }
            return;
        }
        for (int i = 0; i < imageCount; i++) {
            augmentImage(batch, i * imageSize, random.nextLong());
        }
    }

    /** Augments the image at {@code offset} with the random numbers of {@code seed}. */
    void augmentImage(float[] image, int offset, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Always the same draws in the same order, whatever the settings (see the class doc).
        double uApply = random.nextDouble();
        double uDx = random.nextDouble();
        double uDy = random.nextDouble();
        double uAngle = random.nextDouble();
        double uContrast = random.nextDouble();
        double uBrightness = random.nextDouble();
        double uBlur = random.nextDouble();
        double uErase = random.nextDouble();
        double uArea = random.nextDouble();
        double uRatio = random.nextDouble();
        double uTop = random.nextDouble();
        double uLeft = random.nextDouble();
        double uGrey = random.nextDouble();
        long noiseSeed = random.nextLong();
        long saltSeed = random.nextLong();
        double uFlip = random.nextDouble(); // last: the draws before it stay as they were
        if (!(uApply < spec.probability())) {
            return;
        }

        int shift = spec.maxShiftPixels();
        int dx = shift == 0 ? 0 : (int) Math.floor(uDx * (2 * shift + 1)) - shift;
        int dy = shift == 0 ? 0 : (int) Math.floor(uDy * (2 * shift + 1)) - shift;
        double angle = (2 * uAngle - 1) * spec.maxRotationDegrees();
        PixelOps.shiftRotate(image, offset, channels, height, width, dx, dy, angle, scratch);

        double factor = 1 + (2 * uContrast - 1) * spec.contrastDelta();
        double brightness = (2 * uBrightness - 1) * spec.brightnessDelta();
        PixelOps.contrastBrightness(image, offset, imageSize, factor, brightness);

        PixelOps.blur(
                image, offset, channels, height, width, uBlur * spec.blurSigma(), blurScratch);
        PixelOps.gaussianNoise(image, offset, imageSize, spec.gaussianNoiseSigma(), noiseSeed);
        PixelOps.saltAndPepper(image, offset, channels, plane, spec.saltPepperShare(), saltSeed);

        if (uErase < spec.erasingProbability()) {
            int[] box = eraseBox(height, width, uArea, uRatio, uTop, uLeft);
            PixelOps.erase(
                    image,
                    offset,
                    channels,
                    height,
                    width,
                    box[0],
                    box[1],
                    box[2],
                    box[3],
                    (float) uGrey);
        }

        if (uFlip < spec.flipProbability()) {
            mirror(image, offset);
        }
    }

    /** Mirrors the image at {@code offset} left to right in place: (c, y, x) ↔ (c, y, W−1−x). */
    private void mirror(float[] image, int offset) {
        for (int row = offset, end = offset + imageSize; row < end; row += width) {
            for (int left = row, right = row + width - 1; left < right; left++, right--) {
                float t = image[left];
                image[left] = image[right];
                image[right] = t;
            }
        }
    }

    /**
     * The erased rectangle {top, left, height, width}: area 2–25 % of the image (never more than 25
     * %, at least one pixel), aspect ratio height/width log-uniform in [0.3, 3.3], kept inside.
     */
    static int[] eraseBox(
            int height, int width, double uArea, double uRatio, double uTop, double uLeft) {
        int plane = height * width;
        double area = (ERASE_MIN_AREA + uArea * (ERASE_MAX_AREA - ERASE_MIN_AREA)) * plane;
        double ratio = Math.exp(LOG_MIN_RATIO + uRatio * (LOG_MAX_RATIO - LOG_MIN_RATIO));
        int h = clamp((int) Math.round(Math.sqrt(area * ratio)), 1, height);
        int w = clamp((int) Math.round(area / h), 1, width);
        int most = Math.max(1, (int) Math.floor(ERASE_MAX_AREA * plane));
        while ((long) h * w > most) {
            if (h >= w && h > 1) {
                h--;
            } else {
                w--;
            }
        }
        int top = Math.min(height - h, (int) Math.floor(uTop * (height - h + 1)));
        int left = Math.min(width - w, (int) Math.floor(uLeft * (width - w + 1)));
        return new int[] {top, left, h, w};
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * Augmented copies of some images, for a preview: the images at {@code indices} (in that order,
     * labels kept), each augmented as a training batch would be, quantised back to 0–255. The same
     * seed gives the same images. Works for any channel count.
     *
     * @throws IllegalArgumentException when an index is outside the samples or {@code spec} is out
     *     of range
     */
    public static ImageSamples preview(
            ImageSamples source, int[] indices, AugmentationSpec spec, long seed) {
        for (int index : indices) {
            if (index < 0 || index >= source.size()) {
                throw new IllegalArgumentException(
                        "image " + index + " is outside the " + source.size() + " samples");
            }
        }
        ImageSamples chosen = source.subset(indices);
        Augmenter augmenter =
                new Augmenter(spec, source.channels(), source.height(), source.width());
        float[] values = toFloats(chosen.pixels());
        augmenter.apply(values, new SplittableRandom(seed));
        return new ImageSamples(
                chosen.channels(),
                chosen.height(),
                chosen.width(),
                toBytes(values),
                chosen.labels(),
                chosen.classNames());
    }

    /** Unsigned bytes 0–255 as floats b / 255. */
    static float[] toFloats(byte[] pixels) {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** Floats in [0, 1] as the nearest of 256 levels, clipped. */
    static byte[] toBytes(float[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int level = Math.round(values[i] * 255f);
            out[i] = (byte) (level < 0 ? 0 : level > 255 ? 255 : level);
        }
        return out;
    }
}
