package org.dnw.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnw.train.TrainingEvent.TestEvaluation;

/** Picks the test samples a run got wrong, most confident first. Stateless. */
final class Mistakes {

    /**
     * One wrongly classified test sample.
     *
     * @param index 0-based position in the test split (and in {@code predictions.csv})
     * @param actual the true class
     * @param predicted the class the network chose
     * @param confidence probability the network gave {@code predicted}, in [0, 1]; NaN when the run
     *     recorded no probabilities
     * @param trueProbability probability it gave {@code actual}; NaN when not recorded
     */
    record Mistake(
            int index, int actual, int predicted, double confidence, double trueProbability) {}

    private Mistakes() {}

    /** Every mistake, most confident first (ties and unknown confidence: test order). */
    static List<Mistake> all(TestEvaluation test, int classCount) {
        int[] actual = test.actual() == null ? new int[0] : test.actual();
        int[] predicted = test.predicted() == null ? new int[0] : test.predicted();
        float[] probs = test.probabilities() == null ? new float[0] : test.probabilities();
        int n = Math.min(actual.length, predicted.length);
        boolean withProbs = classCount > 0 && probs.length == (long) n * classCount;
        List<Mistake> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (actual[i] == predicted[i]) {
                continue;
            }
            double confidence = Double.NaN;
            double trueProbability = Double.NaN;
            if (withProbs && predicted[i] >= 0 && predicted[i] < classCount) {
                confidence = probs[i * classCount + predicted[i]];
                if (actual[i] >= 0 && actual[i] < classCount) {
                    trueProbability = probs[i * classCount + actual[i]];
                }
            }
            out.add(new Mistake(i, actual[i], predicted[i], confidence, trueProbability));
        }
        if (withProbs) {
            out.sort(
                    Comparator.comparingDouble((Mistake m) -> -m.confidence())
                            .thenComparingInt(Mistake::index));
        }
        return out;
    }
}
