package org.dnw.cli;

import org.dnw.data.LoadedDataset;

/** Smaller views of a data set, for a quick look from the command line. */
final class Subsets {

    private Subsets() {}

    /** The data set with only its first {@code count} training samples (the test split whole). */
    static LoadedDataset firstTraining(LoadedDataset data, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--train-subset must be at least 1");
        }
        if (count >= data.train().size()) {
            return data;
        }
        int[] first = new int[count];
        for (int i = 0; i < count; i++) {
            first[i] = i;
        }
        return new LoadedDataset(
                data.name(),
                data.train().subset(first),
                data.test(),
                data.fileSha256(),
                data.source(),
                data.testSplitDrawn(),
                data.origin());
    }
}
