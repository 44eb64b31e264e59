package org.dnw.engine.scratch;

/**
 * Softmax over each sample's values: {@code y_j = e^(x_j − m) / Σ_k e^(x_k − m)} with {@code m =
 * max_k x_k}, so no exponent overflows. Backward: {@code dx_j = y_j · (dy_j − Σ_k dy_k · y_k)}.
 * Used before {@link SquaredError}; {@link SoftmaxCrossEntropy} includes its own softmax. Not
 * thread-safe.
 */
public final class Softmax implements Layer {

    private final int width;
    private double[] lastOutput;

    /**
     * @param width classes per sample
     */
    public Softmax(int width) {
        this.width = width;
    }

    /**
     * Writes the softmax of {@code in[offset, offset + width)} into {@code out} at the same place.
     */
    public static void of(double[] in, double[] out, int offset, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < width; j++) {
            max = Math.max(max, in[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < width; j++) {
            double e = Math.exp(in[offset + j] - max);
            out[offset + j] = e;
            sum += e;
        }
        for (int j = 0; j < width; j++) {
            out[offset + j] /= sum;
        }
    }

    @Override
    public String kind() {
        return "Softmax";
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
        for (int i = 0; i < n; i++) {
            of(input, out, i * width, width);
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
        double[] y = lastOutput;
        double[] dx = new double[outputGradient.length];
        for (int i = 0; i < n; i++) {
            int row = i * width;
            double s = 0;
            for (int j = 0; j < width; j++) {
                s += outputGradient[row + j] * y[row + j];
            }
            for (int j = 0; j < width; j++) {
                dx[row + j] = y[row + j] * (outputGradient[row + j] - s);
            }
        }
        return dx;
    }
}
