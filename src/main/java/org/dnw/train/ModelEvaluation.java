package org.dnw.train;

import org.dnw.data.Samples;
import org.dnw.eval.ClassificationReport;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * A trained network's figures on labelled samples, computed from its class probabilities with the
 * same loss definitions as the training loop. Stateless.
 */
public final class ModelEvaluation {

    private ModelEvaluation() {}

    /** Evaluates {@code network} on every sample (in batches, on the calling thread). */
    public static TestEvaluation evaluate(TrainedNetwork network, Samples samples, LossKind loss) {
        float[] probabilities = network.probabilities(samples);
        return of(
                probabilities,
                samples.labels().clone(),
                network.classCount(),
                loss,
                network.isSigmoid());
    }

    /**
     * The figures of given probabilities.
     *
     * @param probabilities {@code actual.length × classCount}, row-major
     * @param loss cross-entropy: mean −log p(true class); squared error: mean over samples of Σ_k
     *     (p_k − onehot_k)² — for a two-class sigmoid output, (p₁ − y)², as in training
     * @param actual true class per sample (kept, not copied)
     */
    public static TestEvaluation of(
            float[] probabilities, int[] actual, int classCount, LossKind loss) {
        return of(probabilities, actual, classCount, loss, false);
    }

    /**
     * As {@link #of(float[], int[], int, LossKind)}; {@code sigmoid} says the probabilities are [1
     * − p, p] of one sigmoid unit, whose squared error counts the one unit only.
     */
    public static TestEvaluation of(
            float[] probabilities, int[] actual, int classCount, LossKind loss, boolean sigmoid) {
        int n = actual.length;
        int[] predicted = new int[n];
        double lossSum = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            int row = i * classCount;
            int best = 0;
            for (int k = 1; k < classCount; k++) {
                if (probabilities[row + k] > probabilities[row + best]) {
                    best = k;
                }
            }
            predicted[i] = best;
            if (best == actual[i]) {
                correct++;
            }
            if (loss == LossKind.SQUARED_ERROR) {
                if (sigmoid) {
                    double d = probabilities[row + 1] - actual[i];
                    lossSum += 0.5 * d * d;
                } else {
                    for (int k = 0; k < classCount; k++) {
                        double d = probabilities[row + k] - (k == actual[i] ? 1 : 0);
                        lossSum += 0.5 * d * d;
                    }
                }
            } else {
                lossSum += -Math.log(Math.max(1e-12, probabilities[row + actual[i]]));
            }
        }
        return new TestEvaluation(
                n == 0 ? Double.NaN : (double) correct / n,
                n == 0 ? Double.NaN : lossSum / n,
                ClassificationReport.of(actual, predicted, classCount),
                actual,
                predicted,
                probabilities);
    }
}
