package org.dnw.train;

/** Training losses. */
public enum LossKind {
    /** Softmax cross-entropy over the class scores (default). */
    CROSS_ENTROPY,
    /**
     * The quadratic cost ½·Σ_k (p_k − t_k)² between the output probabilities and the one-hot
     * targets, averaged over the samples (for one sigmoid unit, ½·(p − y)²).
     */
    SQUARED_ERROR
}
