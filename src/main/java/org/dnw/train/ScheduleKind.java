package org.dnw.train;

/**
 * Learning-rate schedules, all defined per epoch {@code e} (0-based) from the base rate {@code lr}:
 *
 * <ul>
 *   <li>{@link #FIXED}: {@code lr}
 *   <li>{@link #STEP}: {@code lr · 0.1^floor(e / stepEpochs)}
 *   <li>{@link #COSINE}: {@code lr · (1 + cos(π · e / epochCount)) / 2}
 *   <li>{@link #DECAY}: {@code lr / (1 + decayRate · e)} (per-epoch decay, as in the seeds course)
 * </ul>
 *
 * <p>{@link #ONE_CYCLE} is the one schedule that changes the rate with every batch: over all the
 * run's batches it climbs from {@code lr / 25} to {@code lr} in the first 30 %, then falls to
 * {@code lr / 250,000} by the last batch, both halves on a cosine — PyTorch's {@code OneCycleLR}
 * with its default constants and without its momentum cycle (see {@link
 * Hyperparameters#learningRateAt(int, int, int)}). It lets a short run (one or two epochs) start
 * gently and end calm, which per-epoch schedules cannot.
 */
public enum ScheduleKind {
    FIXED,
    STEP,
    COSINE,
    DECAY,
    ONE_CYCLE;

    /** Whether the rate changes with every batch rather than once per epoch. */
    public boolean perBatch() {
        return this == ONE_CYCLE;
    }
}
