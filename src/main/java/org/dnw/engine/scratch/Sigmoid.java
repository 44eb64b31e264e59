package org.dnw.engine.scratch;

/**
 * The logistic function {@code y = 1 / (1 + e^−x)} element-wise, computed without overflow for
 * large |x|; {@code dy/dx = y · (1 − y)}. Not thread-safe.
 */
public final class Sigmoid implements Layer {

    private final int width;
    private double[] lastOutput;

    /**
     * @param width values per sample
     */
    public Sigmoid(int width) {
        this.width = width;
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
    public String kind() {
        return "Sigmoid";
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
            out[i] = of(input[i]);
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
            dx[i] = outputGradient[i] * y * (1 - y);
        }
        return dx;
    }
}
