package org.dnw.engine.scratch;

/**
 * Softmax over each sample's values: {@code y_j = e^(x_j − m) / Σ_k e^(x_k − m)} with {@code m =
 * max_k x_k}, so no exponent overflows. Backward: {@code dx_j = y_j · (dy_j − Σ_k dy_k · y_k)}.
 * Used before {@link SquaredError}; {@link SoftmaxCrossEntropy} includes its own softmax. Not
 * thread-safe.
 */
public final class Softmax extends ActivationLayer {

    /**
     * @param width classes per sample
     */
    public Softmax(int width) {
        super("Softmax", width);
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
    void apply(double[] input, double[] output, int n, int width) {
        for (int i = 0; i < n; i++) {
            of(input, output, i * width, width);
        }
    }

    @Override
    void differentiate(
            double[] input, double[] y, double[] outputGradient, double[] dx, int n, int width) {
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
    }
}
