package org.dnw.train;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule by which every engine decides that training diverged, checked on each batch's mean
 * loss: the loss is NaN or infinite, or a cross-entropy loss has grown past 50 and past 100 times
 * the run's first batch loss (the weights have blown up although the loss is still finite, which a
 * large SGD rate does long before it reaches NaN). Squared error is bounded over softmax outputs
 * and never explodes. Stateless and thread-safe.
 */
public final class Divergence {

    /** A cross-entropy loss above this (and far above the first) has exploded. */
    static final double EXPLODED_LOSS = 50;

    /**
     * How many times the first loss a cross-entropy loss may reach before it counts as exploded.
     */
    static final double EXPLODED_FACTOR = 100;

    private Divergence() {}

    /**
     * Why training diverged at this batch, or empty when it did not.
     *
     * @param loss this batch's mean loss
     * @param firstLoss the run's first batch's mean loss
     * @param kind the run's loss
     * @param epoch 1-based epoch of the batch
     * @param batch 1-based batch within the epoch
     * @return a sentence ending in "— the training diverged", for {@link
     *     TrainingEvent.RunFailed#reason()}
     */
    public static Optional<String> check(
            double loss, double firstLoss, LossKind kind, int epoch, int batch) {
        String what;
        if (!Double.isFinite(loss)) {
            what = "the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite");
        } else if (kind == LossKind.CROSS_ENTROPY
                && loss > EXPLODED_LOSS
                && loss > EXPLODED_FACTOR * firstLoss) {
            what =
                    String.format(
                            Locale.ROOT, "the loss exploded from %.3g to %.3g", firstLoss, loss);
        } else {
            return Optional.empty();
        }
        return Optional.of(
                what + " at epoch " + epoch + ", batch " + batch + " — the training diverged");
    }

    /**
     * What to try after a divergence at {@code learningRate}, for {@link
     * TrainingEvent.RunFailed#advice()}.
     */
    public static String advice(double learningRate) {
        return String.format(
                Locale.ROOT,
                "lower the learning rate (it was %s), e.g. to %s, or use Adam",
                Hyperparameters.formatRate(learningRate),
                Hyperparameters.formatRate(Math.max(1e-5, learningRate / 10)));
    }
}
