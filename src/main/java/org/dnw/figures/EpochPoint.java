package org.dnw.figures;

/**
 * The figures of one epoch that a learning-curve picture draws. Losses are mean losses, accuracies
 * shares in [0, 1]; validation figures are NaN when the run had no validation set.
 */
public interface EpochPoint {

    /** Mean training loss of the epoch. */
    double trainLoss();

    /** Training accuracy of the epoch, a share in [0, 1]. */
    double trainAccuracy();

    /** Mean validation loss, NaN without validation. */
    double validationLoss();

    /** Validation accuracy, a share in [0, 1], NaN without validation. */
    double validationAccuracy();
}
