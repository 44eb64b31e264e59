package org.dnw.engine.scratch;

/**
 * Binary cross-entropy of a single sigmoid unit, on its score {@code z} and the 0/1 label {@code
 * t}: {@code L = (1/n) Σ_i [max(z, 0) − z·t + log(1 + e^−|z|)]}, the overflow-free form of {@code
 * −t·log σ(z) − (1 − t)·log(1 − σ(z))}; the gradient is {@code (σ(z) − t) / n}. Not thread-safe.
 */
public final class SigmoidCrossEntropy implements Loss {

    private double[] gradient;

    @Override
    public double forward(double[] values, int[] labels, int n) {
        Linear.check(values, n, 1, "scores");
        gradient = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double z = values[i];
            int t = labels[i];
            sum += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
            gradient[i] = (Sigmoid.of(z) - t) / n;
        }
        return sum / n;
    }

    @Override
    public double[] backward() {
        return gradient.clone();
    }
}
