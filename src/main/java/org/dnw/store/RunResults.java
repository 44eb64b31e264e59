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
 * @param chanceTestAccuracy the test accuracy of always answering the most common test class
 *     ({@link org.dnw.eval.ClassificationReport#chanceAccuracy()}), in [0, 1]; NaN when unknown
 *     (runs saved before it was recorded)
 */
public record RunResults(
        double testAccuracy,
        double testLoss,
        double bestValidationAccuracy,
        int bestValidationEpoch,
        int epochsCompleted,
        double chanceTestAccuracy) {

    /** Results whose chance level is unknown. */
    public RunResults(
            double testAccuracy,
            double testLoss,
            double bestValidationAccuracy,
            int bestValidationEpoch,
            int epochsCompleted) {
        this(
                testAccuracy,
                testLoss,
                bestValidationAccuracy,
                bestValidationEpoch,
                epochsCompleted,
                Double.NaN);
    }

    /**
     * True when the test accuracy is no better than always answering the most common class, within
     * {@link org.dnw.eval.ClassificationReport#CHANCE_MARGIN}: the run was saved, but the network
     * learned nothing usable. False when the chance level is unknown.
     */
    public boolean atChanceLevel() {
        return !Double.isNaN(chanceTestAccuracy)
                && testAccuracy
                        <= chanceTestAccuracy + org.dnw.eval.ClassificationReport.CHANCE_MARGIN;
    }

    /** The results with the best validation accuracy taken from {@code epochs}. */
    public static RunResults of(
            double testAccuracy, double testLoss, List<EpochMetrics> epochs, int epochsCompleted) {
        return of(testAccuracy, testLoss, epochs, epochsCompleted, Double.NaN);
    }

    /**
     * The results with the best validation accuracy taken from {@code epochs} and the test split's
     * chance level.
     */
    public static RunResults of(
            double testAccuracy,
            double testLoss,
            List<EpochMetrics> epochs,
            int epochsCompleted,
            double chanceTestAccuracy) {
        double best = Double.NaN;
        int bestEpoch = 0;
        for (EpochMetrics e : epochs) {
            double v = e.validationAccuracy();
            if (!Double.isNaN(v) && (Double.isNaN(best) || v > best)) {
                best = v;
                bestEpoch = e.epoch();
            }
        }
        return new RunResults(
                testAccuracy, testLoss, best, bestEpoch, epochsCompleted, chanceTestAccuracy);
    }
}
