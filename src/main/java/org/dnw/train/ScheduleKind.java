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
 */
public enum ScheduleKind {
    FIXED,
    STEP,
    COSINE,
    DECAY
}
