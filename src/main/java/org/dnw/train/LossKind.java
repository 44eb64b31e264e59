package org.dnw.train;

/** Training losses. */
public enum LossKind {
    /** Softmax cross-entropy over the class scores (default). */
    CROSS_ENTROPY,
    /** Mean squared error between the output probabilities and one-hot targets. */
    SQUARED_ERROR
}
