package org.dnw.store;

import java.util.List;

/**
 * The final figures of a run, as recorded in its manifest.
 *
 * @param testAccuracy share of the test split classified correctly, in [0, 1]
 * @param testLoss mean loss on the test split
 * @param bestValidationAccuracy the highest validation accuracy of any epoch, in [0, 1]; NaN when
 *     the run had no validation set
 * @param bestValidationEpoch the 1-based epoch of that accuracy (the first, on ties); 0 when none
 * @param epochsCompleted epochs trained
 */
public record RunResults(
        double testAccuracy,
        double testLoss,
        double bestValidationAccuracy,
        int bestValidationEpoch,
        int epochsCompleted) {

    /** The results with the best validation accuracy taken from {@code epochs}. */
    public static RunResults of(
            double testAccuracy, double testLoss, List<EpochMetrics> epochs, int epochsCompleted) {
        double best = Double.NaN;
        int bestEpoch = 0;
        for (EpochMetrics e : epochs) {
            double v = e.validationAccuracy();
            if (!Double.isNaN(v) && (Double.isNaN(best) || v > best)) {
                best = v;
                bestEpoch = e.epoch();
            }
        }
        return new RunResults(testAccuracy, testLoss, best, bestEpoch, epochsCompleted);
    }
}
