package org.dnw.engine.scratch;

/**
 * {@code y = max(0, x)} element-wise; the gradient passes where {@code x > 0} (at exactly 0 it is
 * taken as 0, as PyTorch does). Not thread-safe.
 */
public final class ReLU extends ElementWiseActivation {

    /**
     * @param width values per sample
     */
    public ReLU(int width) {
        super("ReLU", width);
    }

    @Override
    double value(double x) {
        return x > 0 ? x : 0;
    }

    @Override
    double gradient(double x, double y, double outputGradient) {
        return x > 0 ? outputGradient : 0;
    }
}
