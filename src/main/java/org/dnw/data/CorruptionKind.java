package org.dnw.data;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A family of corruptions with one strength knob, for a robustness sweep: strength 0 is always the
 * clean test set, and a larger strength is always a worse picture.
 */
public enum CorruptionKind {
    /** Additive Gaussian noise; strength = sigma, 0–1. */
    GAUSSIAN_NOISE(
            "Gaussian noise",
            "noise σ",
            1,
            List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
            CorruptionSpec::gaussianNoise),
    /** Salt-and-pepper noise; strength = share of pixels hit, 0–1. */
    SALT_AND_PEPPER(
            "Salt & pepper",
            "share of pixels black or white",
            1,
            List.of(0.0, 0.02, 0.05, 0.1, 0.2, 0.3),
            CorruptionSpec::saltAndPepper),
    /** Gaussian blur; strength = sigma in pixels, 0–5. */
    BLUR(
            "Blur",
            "blur σ (pixels)",
            CorruptionSpec.MAX_BLUR_SIGMA,
            List.of(0.0, 0.5, 1.0, 1.5, 2.0, 3.0),
            CorruptionSpec::blur),
    /** Contrast reduction; strength = share of contrast lost, 0–1. */
    CONTRAST(
            "Contrast reduction",
            "contrast lost",
            1,
            List.of(0.0, 0.2, 0.4, 0.6, 0.8, 0.9),
            CorruptionSpec::contrastReduction),
    /**
     * A noisy camera: Gaussian noise of sigma = strength plus salt-and-pepper on strength / 6 of
     * the pixels (σ = 0.3 comes with 5 %); strength 0–1.
     */
    NOISY_CAMERA(
            "Noisy camera (Gaussian + salt & pepper)",
            "noise σ (salt & pepper = σ / 6)",
            1,
            List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
            s -> CorruptionSpec.gaussianNoise(s).plus(CorruptionSpec.saltAndPepper(s / 6)));

    private final String label;
    private final String strengthLabel;
    private final double maxStrength;
    private final List<Double> defaultStrengths;
    private final DoubleFunction<CorruptionSpec> factory;

    CorruptionKind(
            String label,
            String strengthLabel,
            double maxStrength,
            List<Double> defaultStrengths,
            DoubleFunction<CorruptionSpec> factory) {
        this.label = label;
        this.strengthLabel = strengthLabel;
        this.maxStrength = maxStrength;
        this.defaultStrengths = defaultStrengths;
        this.factory = factory;
    }

    /** E.g. "Gaussian noise". */
    public String label() {
        return label;
    }

    /** What the strength measures, for an axis: e.g. "noise σ". */
    public String strengthLabel() {
        return strengthLabel;
    }

    /** Largest allowed strength; the smallest is 0. */
    public double maxStrength() {
        return maxStrength;
    }

    /** A sensible sweep, clean first. */
    public List<Double> defaultStrengths() {
        return defaultStrengths;
    }

    /**
     * The corruption of this kind at {@code strength}.
     *
     * @throws IllegalArgumentException when strength is outside [0, {@link #maxStrength()}]
     */
    public CorruptionSpec at(double strength) {
        if (!(strength >= 0 && strength <= maxStrength)) {
            throw new IllegalArgumentException(
                    label
                            + " strengths go from 0 to "
                            + CorruptionSpec.plain(maxStrength)
                            + "; "
                            + CorruptionSpec.plain(strength)
                            + " is outside");
        }
        return factory.apply(strength);
    }

    @Override
    public String toString() {
        return label;
    }
}
