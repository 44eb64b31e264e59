package org.dnw.data;

/**
 * Per-batch data augmentation of training images, applied in this order to pixel values scaled to
 * [0, 1]: random shift and rotation, brightness and contrast, blur, Gaussian noise, salt-and-pepper
 * noise, random erasing, and last a left–right mirror; results are clipped to [0, 1]. Every field
 * but {@code probability} at 0 means "off". Immutable.
 *
 * @param gaussianNoiseSigma standard deviation of additive Gaussian noise, in pixel units (0–1
 *     range), 0–1
 * @param saltPepperShare share of pixels set to 0 or 1 (half each), 0–0.5
 * @param blurSigma standard deviation of a Gaussian blur in pixels, 0–3; each image gets a sigma
 *     drawn uniformly from [0, blurSigma]
 * @param maxShiftPixels largest random translation in pixels along each axis, 0–8
 * @param maxRotationDegrees largest random rotation, either way, in degrees, 0–45
 * @param brightnessDelta largest random brightness offset, either way, 0–0.5
 * @param contrastDelta largest random contrast factor change, either way (factor in [1−d, 1+d]),
 *     0–0.9
 * @param erasingProbability chance that one random rectangle (2–25 % of the image) is erased to a
 *     random grey, 0–1
 * @param probability chance that an image is augmented at all, 0–1 (1 = every image)
 * @param flipProbability chance that an image (among those {@code probability} lets through) is
 *     mirrored left to right, 0–1 (0 = off, 0.5 the usual value); a run recipe written before this
 *     field existed reads it as 0
 */
public record AugmentationSpec(
        double gaussianNoiseSigma,
        double saltPepperShare,
        double blurSigma,
        int maxShiftPixels,
        double maxRotationDegrees,
        double brightnessDelta,
        double contrastDelta,
        double erasingProbability,
        double probability,
        double flipProbability) {

    /** No augmentation. */
    public static final AugmentationSpec NONE = new AugmentationSpec(0, 0, 0, 0, 0, 0, 0, 0, 1, 0);

    /** True when at least one augmentation is on. */
    public boolean isActive() {
        return probability > 0
                && (gaussianNoiseSigma > 0
                        || saltPepperShare > 0
                        || blurSigma > 0
                        || maxShiftPixels > 0
                        || maxRotationDegrees > 0
                        || brightnessDelta > 0
                        || contrastDelta > 0
                        || erasingProbability > 0
                        || flipProbability > 0);
    }

    /** Sentences saying what is out of range; empty when every value is usable. */
    public java.util.List<String> problems() {
        java.util.List<String> out = new java.util.ArrayList<>();
        check(out, gaussianNoiseSigma, 0, 1, "the Gaussian noise sigma");
        check(out, saltPepperShare, 0, 0.5, "the salt-and-pepper share");
        check(out, blurSigma, 0, 3, "the blur sigma");
        check(out, maxShiftPixels, 0, 8, "the shift");
        check(out, maxRotationDegrees, 0, 45, "the rotation");
        check(out, brightnessDelta, 0, 0.5, "the brightness change");
        check(out, contrastDelta, 0, 0.9, "the contrast change");
        check(out, erasingProbability, 0, 1, "the erasing probability");
        check(out, probability, 0, 1, "the augmentation probability");
        check(out, flipProbability, 0, 1, "the flip probability");
        return out;
    }

    private static void check(
            java.util.List<String> out, double value, double min, double max, String what) {
        if (!(value >= min && value <= max)) {
            out.add(what + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    public AugmentationSpec withGaussianNoiseSigma(double v) {
        return new AugmentationSpec(
                v,
                saltPepperShare,
                blurSigma,
                maxShiftPixels,
                maxRotationDegrees,
                brightnessDelta,
                contrastDelta,
                erasingProbability,
                probability,
                flipProbability);
    }

    public AugmentationSpec withSaltPepperShare(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                v,
                blurSigma,
                maxShiftPixels,
                maxRotationDegrees,
                brightnessDelta,
                contrastDelta,
                erasingProbability,
                probability,
                flipProbability);
    }

    public AugmentationSpec withBlurSigma(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                v,
                maxShiftPixels,
                maxRotationDegrees,
                brightnessDelta,
                contrastDelta,
                erasingProbability,
                probability,
                flipProbability);
    }

    public AugmentationSpec withMaxShiftPixels(int v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                blurSigma,
                v,
                maxRotationDegrees,
                brightnessDelta,
                contrastDelta,
                erasingProbability,
                probability,
                flipProbability);
    }

    public AugmentationSpec withMaxRotationDegrees(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                blurSigma,
                maxShiftPixels,
                v,
                brightnessDelta,
                contrastDelta,
                erasingProbability,
                probability,
                flipProbability);
    }

    public AugmentationSpec withBrightnessDelta(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                blurSigma,
                maxShiftPixels,
                maxRotationDegrees,
                v,
                contrastDelta,
                erasingProbability,
                probability,
                flipProbability);
    }

    public AugmentationSpec withContrastDelta(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                blurSigma,
                maxShiftPixels,
                maxRotationDegrees,
                brightnessDelta,
                v,
                erasingProbability,
                probability,
                flipProbability);
    }

    public AugmentationSpec withErasingProbability(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                blurSigma,
                maxShiftPixels,
                maxRotationDegrees,
                brightnessDelta,
                contrastDelta,
                v,
                probability,
                flipProbability);
    }

    public AugmentationSpec withProbability(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                blurSigma,
                maxShiftPixels,
                maxRotationDegrees,
                brightnessDelta,
                contrastDelta,
                erasingProbability,
                v,
                flipProbability);
    }

    public AugmentationSpec withFlipProbability(double v) {
        return new AugmentationSpec(
                gaussianNoiseSigma,
                saltPepperShare,
                blurSigma,
                maxShiftPixels,
                maxRotationDegrees,
                brightnessDelta,
                contrastDelta,
                erasingProbability,
                probability,
                v);
    }
}
