package org.dnw.engine.scratch;

/**
 * {@code y = max(0, x)} element-wise; the gradient passes where {@code x > 0} (at exactly 0 it is
 * taken as 0, as PyTorch does). Not thread-safe.
 */
public final class ReLU implements Layer {

    private final int width;
    private double[] lastInput;

    /**
     * @param width values per sample
     */
    public ReLU(int width) {
        this.width = width;
    }

    @Override
    public String kind() {
        return "ReLU";
    }

    @Override
    public int inputSize() {
        return width;
    }

    @Override
    public int outputSize() {
        return width;
    }

    @Override
    public double[] forward(double[] input, int n) {
        Linear.check(input, n, width, "input");
        lastInput = input;
        double[] out = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = input[i] > 0 ? input[i] : 0;
        }
        return out;
    }

    @Override
    public double[] backward(double[] outputGradient, int n, boolean inputGradientNeeded) {
        Linear.check(outputGradient, n, width, "output gradient");
        if (!inputGradientNeeded) {
            return null;
        }
        double[] dx = new double[outputGradient.length];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = lastInput[i] > 0 ? outputGradient[i] : 0;
        }
        return dx;
    }
}
