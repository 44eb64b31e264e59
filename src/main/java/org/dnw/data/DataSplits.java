package org.dnw.data;

import java.util.Map;

/**
 * A data set divided for training: {@code train} to fit, {@code validation} (held out of the
 * training data, seeded) to follow progress and tune, {@code test} only for the final figures.
 *
 * @param datasetName the catalog name, e.g. "MNIST"
 * @param train samples to fit on
 * @param validation samples held out of the training data; may be empty (size 0)
 * @param test samples never used to tune
 * @param fileSha256 SHA-256 (hex) of every source file, by file name, for provenance
 * @param origin the path a user opened the data set from, null for a built-in set
 */
public record DataSplits(
        String datasetName,
        Samples train,
        Samples validation,
        Samples test,
        Map<String, String> fileSha256,
        DataOrigin origin) {

    public DataSplits {
        fileSha256 = Map.copyOf(fileSha256);
    }

    /** Splits of a built-in data set (no origin). */
    public DataSplits(
            String datasetName,
            Samples train,
            Samples validation,
            Samples test,
            Map<String, String> fileSha256) {
        this(datasetName, train, validation, test, fileSha256, null);
    }
}
