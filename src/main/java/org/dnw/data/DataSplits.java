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
 */
public record DataSplits(
        String datasetName,
        Samples train,
        Samples validation,
        Samples test,
        Map<String, String> fileSha256) {

    public DataSplits {
        fileSha256 = Map.copyOf(fileSha256);
    }
}
