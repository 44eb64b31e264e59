package org.dnw.eval;

/**
 * Precision, recall and F1 of one class, each in [0, 1]; a ratio whose denominator is zero (a class
 * never predicted, or never present) is reported as 0.
 *
 * @param classIndex the class
 * @param precision correct predictions of this class ÷ all predictions of it
 * @param recall correct predictions of this class ÷ samples of it (support)
 * @param f1 harmonic mean of precision and recall
 * @param support samples whose true class is this one
 */
public record ClassMetrics(
        int classIndex, double precision, double recall, double f1, long support) {}
