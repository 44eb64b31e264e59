package org.dnw.ui.charts;

import org.dnw.train.TrainingEvent.EpochCompleted;

/**
 * One epoch's figures of a run, for the charts and for overlays of saved runs.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss
 * @param trainAccuracy training accuracy, share in [0, 1]
 * @param validationLoss mean validation loss; NaN without a validation split
 * @param validationAccuracy validation accuracy, share in [0, 1]; NaN without a validation split
 */
public record EpochPoint(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy) {

    public static EpochPoint of(EpochCompleted e) {
        return new EpochPoint(
                e.epoch(),
                e.trainLoss(),
                e.trainAccuracy(),
                e.validationLoss(),
                e.validationAccuracy());
    }

    /** True when the epoch has validation figures. */
    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy) && !Double.isNaN(validationLoss);
    }
}
