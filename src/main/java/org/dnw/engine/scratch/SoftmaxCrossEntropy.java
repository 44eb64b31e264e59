package org.dnw.engine.scratch;

/**
 * Softmax followed by cross-entropy, on the scores (logits) {@code z}: {@code L = (1/n) Σ_i (log
 * Σ_k e^(z_ik) − z_i,label)}, computed as {@code m + log Σ_k e^(z_ik − m)} with {@code m = max_k
 * z_ik} so that nothing overflows; the gradient is {@code (softmax(z) − onehot) / n}. Not
 * thread-safe.
 */
public final class SoftmaxCrossEntropy implements Loss {

    private final int classes;
    private double[] gradient;

    /**
     * @param classes scores per sample, ≥ 2
     */
    public SoftmaxCrossEntropy(int classes) {
        this.classes = classes;
    }

    @Override
    public double forward(double[] values, int[] labels, int n) {
        Linear.check(values, n, classes, "scores");
        gradient = new double[values.length];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, values[row + j]);
            }
            double total = 0;
            for (int j = 0; j < classes; j++) {
                double e = Math.exp(values[row + j] - max);
                gradient[row + j] = e;
                total += e;
            }
            sum += max + Math.log(total) - values[row + labels[i]];
            for (int j = 0; j < classes; j++) {
                gradient[row + j] = (gradient[row + j] / total - (j == labels[i] ? 1 : 0)) / n;
            }
        }
        return sum / n;
    }

    @Override
    public double[] backward() {
        return gradient.clone();
    }
}
