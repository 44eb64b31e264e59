package org.dnw.cli;

import org.dnw.data.LoadedDataset;

/** Smaller views of a data set, for a quick look from the command line. */
final class Subsets {

    private Subsets() {}

    /**
     * The data set with {@code count} of its training samples, evenly spaced over the whole
     * training split (sample {@code i · n / count} for i = 0 .. count − 1), the test split whole.
     * Evenly spaced, not the first ones: a split stored class by class (the CIFAR-10 JPEG folders)
     * would otherwise give a subset of one or two classes, and a network that learns only those.
     */
    static LoadedDataset trainingSubset(LoadedDataset data, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--train-subset must be at least 1");
        }
        if (count >= data.train().size()) {
            return data;
        }
        int n = data.train().size();
        int[] spread = new int[count];
        for (int i = 0; i < count; i++) {
            spread[i] = (int) ((long) i * n / count);
        }
        return new LoadedDataset(
                data.name(),
                data.train().subset(spread),
                data.test(),
                data.fileSha256(),
                data.source(),
                data.testSplitDrawn(),
                data.origin());
    }
}
