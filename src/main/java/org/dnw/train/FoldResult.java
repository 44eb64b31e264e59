package org.dnw.train;

/**
 * The figures of one completed fold.
 *
 * @param fold 1-based fold number
 * @param trainSize rows trained on
 * @param validationSize rows held out of the training folds for validation
 * @param testSize rows of the held-out fold
 * @param testAccuracy share of the held-out fold classified correctly, in [0, 1]
 * @param testLoss mean loss on the held-out fold
 * @param durationMillis the fold's training time
 */
public record FoldResult(
        int fold,
        int trainSize,
        int validationSize,
        int testSize,
        double testAccuracy,
        double testLoss,
        long durationMillis) {}
