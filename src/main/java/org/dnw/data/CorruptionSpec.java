package org.dnw.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed corruption of test images, to check how a trained network copes with a worse camera.
 * Applied by {@link Corruptions#corrupt} to pixel values scaled to [0, 1], in this order (the order
 * in which a camera spoils a picture): contrast reduction, blur, Gaussian noise, salt-and-pepper
 * noise; results clipped to [0, 1] and quantised back to 0–255. Each part at 0 is off; all at 0 is
 * the identity ({@link #NONE}, "clean"). Several parts together make a mixture, e.g. {@code
 * gaussianNoise(0.3).plus(saltAndPepper(0.05))}. Unlike augmentation, nothing here is random but
 * the noise itself: every image gets exactly these amounts. Immutable.
 *
 * @param gaussianNoiseSigma standard deviation of additive Gaussian noise, in pixel units of the
 *     0–1 range, 0–1
 * @param saltPepperShare share of pixels set to black or white (half each), 0–1
 * @param blurSigma standard deviation of a Gaussian blur, in pixels, 0–{@value #MAX_BLUR_SIGMA}
 * @param contrastReduction how much of the contrast is lost, 0–1: v ← mean + (v − mean)·(1 − r),
 *     the mean taken per image; 1 leaves a flat grey
 */
public record CorruptionSpec(
        double gaussianNoiseSigma,
        double saltPepperShare,
        double blurSigma,
        double contrastReduction) {

    /** Largest blur sigma, in pixels. */
    public static final double MAX_BLUR_SIGMA = 5;

    /** No corruption: the clean test set. */
    public static final CorruptionSpec NONE = new CorruptionSpec(0, 0, 0, 0);

    /**
     * @throws IllegalArgumentException naming the value that is out of its range
     */
    public CorruptionSpec {
        List<String> problems = new ArrayList<>();
        check(problems, gaussianNoiseSigma, 1, "the Gaussian noise sigma");
        check(problems, saltPepperShare, 1, "the salt-and-pepper share");
        check(problems, blurSigma, MAX_BLUR_SIGMA, "the blur sigma");
        check(problems, contrastReduction, 1, "the contrast reduction");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static void check(List<String> out, double value, double max, String what) {
        if (!(value >= 0 && value <= max)) {
            out.add(what + " must be between 0 and " + plain(max) + ", not " + value);
        }
    }

    /** Additive Gaussian noise of standard deviation {@code sigma} (0–1). */
    public static CorruptionSpec gaussianNoise(double sigma) {
        return new CorruptionSpec(sigma, 0, 0, 0);
    }

    /** Salt-and-pepper noise on a {@code share} (0–1) of the pixels. */
    public static CorruptionSpec saltAndPepper(double share) {
        return new CorruptionSpec(0, share, 0, 0);
    }

    /** Gaussian blur of {@code sigma} pixels. */
    public static CorruptionSpec blur(double sigma) {
        return new CorruptionSpec(0, 0, sigma, 0);
    }

    /** Contrast reduced by {@code reduction} (0–1; 0.4 = 40 % less contrast). */
    public static CorruptionSpec contrastReduction(double reduction) {
        return new CorruptionSpec(0, 0, 0, reduction);
    }

    /**
     * The mixture of this and {@code other}: each part the larger of the two (so mixing is
     * idempotent and a part set in only one of them is kept).
     */
    public CorruptionSpec plus(CorruptionSpec other) {
        return new CorruptionSpec(
                Math.max(gaussianNoiseSigma, other.gaussianNoiseSigma),
                Math.max(saltPepperShare, other.saltPepperShare),
                Math.max(blurSigma, other.blurSigma),
                Math.max(contrastReduction, other.contrastReduction));
    }

    /** True when nothing is changed (the clean test set). */
    public boolean isIdentity() {
        return gaussianNoiseSigma == 0
                && saltPepperShare == 0
                && blurSigma == 0
                && contrastReduction == 0;
    }

    /**
     * A label for a person, e.g. "Gaussian σ = 0.3 + salt & pepper 5 %", "blur σ = 1.5 px",
     * "contrast −40 %", or "clean" for none.
     */
    public String label() {
        if (isIdentity()) {
            return "clean";
        }
        List<String> parts = new ArrayList<>();
        if (contrastReduction > 0) {
            parts.add("contrast −" + percent(contrastReduction));
        }
        if (blurSigma > 0) {
            parts.add("blur σ = " + plain(blurSigma) + " px");
        }
        if (gaussianNoiseSigma > 0) {
            parts.add("Gaussian σ = " + plain(gaussianNoiseSigma));
        }
        if (saltPepperShare > 0) {
            parts.add("salt & pepper " + percent(saltPepperShare));
        }
        return String.join(" + ", parts);
    }

    @Override
    public String toString() {
        return label();
    }

    /** {@code 0.3} → "0.3", {@code 0.25} → "0.25", {@code 2.0} → "2": three significant digits. */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** {@code 0.05} → "5 %", {@code 0.025} → "2.5 %". */
    static String percent(double share) {
        return plain(share * 100) + " %";
    }
}
