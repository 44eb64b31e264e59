package org.dnw.engine.scratch;

/**
 * A training loss over a batch: the mean over the {@code n} samples of a per-sample loss between
 * the network's last values ({@code n × width}, row-major) and the true classes. {@link #backward}
 * returns dLoss/dValues for the last {@link #forward}. Not thread-safe.
 */
public interface Loss {

    /**
     * The mean loss of the batch.
     *
     * @param values the network's last values, {@code n × width}
     * @param labels true class per sample, in {@code [0, classes)}
     * @return the mean over the batch (NaN or infinite when the values are)
     */
    double forward(double[] values, int[] labels, int n);

    /** dLoss/dValues of the last {@link #forward}, {@code n × width}. */
    double[] backward();
}
