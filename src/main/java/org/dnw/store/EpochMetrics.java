package org.dnw.store;

import org.dnw.figures.EpochPoint;
import org.dnw.train.TrainingEvent;

/**
 * One row of {@code metrics.csv}: the figures of one epoch. Losses are mean losses, accuracies
 * shares in [0, 1]; validation figures are NaN when the run had no validation set.
 *
 * @param epoch 1-based epoch
 * @param learningRate the rate used during the epoch
 * @param seconds training plus validation time of the epoch, in seconds
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double learningRate,
        double seconds)
        implements EpochPoint {

    /** The figures of a completed epoch. */
    public static EpochMetrics from(TrainingEvent.EpochCompleted e) {
        return new EpochMetrics(
                e.epoch(),
                e.trainLoss(),
                e.trainAccuracy(),
                e.validationLoss(),
                e.validationAccuracy(),
                e.learningRate(),
                e.durationMillis() / 1000.0);
    }
}
