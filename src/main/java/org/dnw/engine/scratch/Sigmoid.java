package org.dnw.engine.scratch;

/**
 * The logistic function {@code y = 1 / (1 + e^−x)} element-wise, computed without overflow for
 * large |x|; {@code dy/dx = y · (1 − y)}. Not thread-safe.
 */
public final class Sigmoid extends ElementWiseActivation {

    /**
     * @param width values per sample
     */
    public Sigmoid(int width) {
        super("Sigmoid", width);
    }

    /** σ(x), in [0, 1]; exp is only ever taken of a non-positive number. */
    public static double of(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    double value(double x) {
        return of(x);
    }

    @Override
    double gradient(double x, double y, double outputGradient) {
        return outputGradient * y * (1 - y);
    }
}
