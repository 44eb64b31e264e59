package org.dnw.engine.scratch;

/** {@code y = tanh(x)} element-wise; {@code dy/dx = 1 − y²}. Not thread-safe. */
public final class Tanh implements Layer {

    private final int width;
    private double[] lastOutput;

    /**
     * @param width values per sample
     */
    public Tanh(int width) {
        this.width = width;
    }

    @Override
    public String kind() {
        return "Tanh";
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
        double[] out = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = Math.tanh(input[i]);
        }
        lastOutput = out;
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
            double y = lastOutput[i];
            dx[i] = outputGradient[i] * (1 - y * y);
        }
        return dx;
    }
}
