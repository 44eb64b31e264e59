package org.dnw.ui.augment;

import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.dnw.data.AugmentationSpec;

/**
 * One slider of the augmentation panel: what it is called, its range (that of {@link
 * AugmentationSpec}), its step, and a sentence that explains it. Declared in the order in which the
 * augmentations are applied, the share of images augmented last.
 */
public enum AugmentationControl {
    SHIFT(
            "Shift, up to (px)",
            0,
            8,
            1,
            0,
            "Moves each image by a random whole number of pixels, up to this many, sideways and"
                    + " up or down; the uncovered edge is black.",
            s -> s.maxShiftPixels(),
            (s, v) -> s.withMaxShiftPixels((int) Math.round(v))),
    ROTATION(
            "Rotation, up to (°)",
            0,
            45,
            1,
            0,
            "Turns each image by a random angle of up to this many degrees, either way.",
            AugmentationSpec::maxRotationDegrees,
            AugmentationSpec::withMaxRotationDegrees),
    BRIGHTNESS(
            "Brightness change, up to",
            0,
            0.5,
            0.05,
            2,
            "Makes each image randomly lighter or darker by up to this much on the 0–1 pixel"
                    + " scale.",
            AugmentationSpec::brightnessDelta,
            AugmentationSpec::withBrightnessDelta),
    CONTRAST(
            "Contrast change, up to",
            0,
            0.9,
            0.05,
            2,
            "Randomly strengthens or weakens each image's contrast: 0.3 multiplies it by a"
                    + " factor between 0.7 and 1.3.",
            AugmentationSpec::contrastDelta,
            AugmentationSpec::withContrastDelta),
    BLUR(
            "Blur σ, up to (px)",
            0,
            3,
            0.1,
            1,
            "Blurs each image by a random amount up to this σ in pixels, like a camera out of"
                    + " focus.",
            AugmentationSpec::blurSigma,
            AugmentationSpec::withBlurSigma),
    GAUSSIAN_NOISE(
            "Gaussian noise σ",
            0,
            1,
            0.05,
            2,
            "Adds random grain to every pixel, like a camera in poor light; σ is the grain's"
                    + " standard deviation on the 0–1 pixel scale.",
            AugmentationSpec::gaussianNoiseSigma,
            AugmentationSpec::withGaussianNoiseSigma),
    SALT_PEPPER(
            "Salt & pepper share",
            0,
            0.5,
            0.01,
            2,
            "Turns this share of the pixels pure black or pure white, like dead or stuck pixels"
                    + " of a camera sensor.",
            AugmentationSpec::saltPepperShare,
            AugmentationSpec::withSaltPepperShare),
    ERASING(
            "Erasing chance",
            0,
            1,
            0.05,
            2,
            "The chance that one random rectangle (2–25 % of the image) is covered with grey, so"
                    + " that the network learns to cope with hidden parts.",
            AugmentationSpec::erasingProbability,
            AugmentationSpec::withErasingProbability),
    FLIP(
            "Mirror left–right",
            0,
            1,
            0.05,
            2,
            "The chance that an image is mirrored left to right, as a photo of the same scene"
                    + " taken from the other side; 0.5 is usual for photos, wrong for digits and"
                    + " letters.",
            AugmentationSpec::flipProbability,
            AugmentationSpec::withFlipProbability),
    PROBABILITY(
            "Images augmented",
            0,
            1,
            0.05,
            2,
            "The chance that an image is augmented at all; the others are used as they are.",
            AugmentationSpec::probability,
            AugmentationSpec::withProbability);

    private final String label;
    private final double min;
    private final double max;
    private final double step;
    private final int decimals;
    private final String explanation;
    private final ToDoubleFunction<AugmentationSpec> getter;
    private final BiFunction<AugmentationSpec, Double, AugmentationSpec> wither;

    AugmentationControl(
            String label,
            double min,
            double max,
            double step,
            int decimals,
            String explanation,
            ToDoubleFunction<AugmentationSpec> getter,
            BiFunction<AugmentationSpec, Double, AugmentationSpec> wither) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.step = step;
        this.decimals = decimals;
        this.explanation = explanation;
        this.getter = getter;
        this.wither = wither;
    }

    public String label() {
        return label;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Distance between slider stops. */
    public double step() {
        return step;
    }

    /** Digits after the point in the text field; 0 for whole numbers. */
    public int decimals() {
        return decimals;
    }

    /** One sentence for the tooltip. */
    public String explanation() {
        return explanation;
    }

    /** This control's value in {@code spec}. */
    public double valueIn(AugmentationSpec spec) {
        return getter.applyAsDouble(spec);
    }

    /** {@code spec} with this control at {@code value}, clamped to the range. */
    public AugmentationSpec apply(AugmentationSpec spec, double value) {
        return unclamped(spec, Math.max(min, Math.min(max, value)));
    }

    /** {@code spec} with this control at {@code value} as it is (for checking the ranges). */
    AugmentationSpec unclamped(AugmentationSpec spec, double value) {
        return wither.apply(spec, value);
    }

    /** The value that turns this augmentation off: 0, but 1 for the share of images. */
    public double offValue() {
        return this == PROBABILITY ? 1 : 0;
    }
}
