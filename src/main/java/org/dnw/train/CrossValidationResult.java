package org.dnw.train;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a k-fold cross-validation. Immutable.
 *
 * @param status whether every fold completed
 * @param foldCount k
 * @param folds the completed folds, in order (all k when {@link Status#COMPLETED})
 * @param meanAccuracy mean test accuracy over the completed folds; NaN when none completed
 * @param accuracyStd sample standard deviation (n − 1) of the folds' test accuracies; NaN with
 *     fewer than two completed folds
 * @param message a sentence for the user: the summary, or why it stopped
 */
public record CrossValidationResult(
        Status status,
        int foldCount,
        List<FoldResult> folds,
        double meanAccuracy,
        double accuracyStd,
        String message) {

    /** How a cross-validation ended. */
    public enum Status {
        COMPLETED,
        CANCELLED,
        FAILED
    }

    public CrossValidationResult {
        folds = List.copyOf(folds);
    }

    /** A result over {@code folds}, with mean and sample std computed from them. */
    static CrossValidationResult of(
            Status status, int foldCount, List<FoldResult> folds, String stopped) {
        int n = folds.size();
        double mean = Double.NaN;
        double std = Double.NaN;
        if (n > 0) {
            mean = folds.stream().mapToDouble(FoldResult::testAccuracy).sum() / n;
        }
        if (n > 1) {
            double sq = 0;
            for (FoldResult f : folds) {
                double d = f.testAccuracy() - mean;
                sq += d * d;
            }
            std = Math.sqrt(sq / (n - 1));
        }
        String summary =
                n == 0
                        ? "no fold completed"
                        : String.format(
                                Locale.ROOT,
                                "%d-fold cross-validation: test accuracy %.1f %% ± %.1f %% (mean ±"
                                        + " sample std over %d fold%s)",
                                foldCount,
                                100 * mean,
                                100 * (Double.isNaN(std) ? 0 : std),
                                n,
                                n == 1 ? "" : "s");
        String message = stopped == null ? summary : stopped + "; " + summary;
        return new CrossValidationResult(status, foldCount, folds, mean, std, message);
    }

    /** The completed folds' test accuracies, in fold order. */
    public double[] accuracies() {
        return folds.stream().mapToDouble(FoldResult::testAccuracy).toArray();
    }
}
