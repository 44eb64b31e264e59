package org.dnw.engine.scratch;

/** {@code y = tanh(x)} element-wise; {@code dy/dx = 1 − y²}. Not thread-safe. */
public final class Tanh extends ElementWiseActivation {

    /**
     * @param width values per sample
     */
    public Tanh(int width) {
        super("Tanh", width);
    }

    @Override
    double value(double x) {
        return Math.tanh(x);
    }

    @Override
    double gradient(double x, double y, double outputGradient) {
        return outputGradient * (1 - y * y);
    }
}
