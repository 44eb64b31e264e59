package org.dnw.data;

import java.util.Map;
import java.util.Objects;

/**
 * A data set as read from its source, before a validation share is held out: a training split and a
 * test split with the same class names and sample shape. Immutable (the sample arrays are shared,
 * never copied: do not modify them).
 *
 * @param name the catalog name, e.g. "MNIST", or the file or folder name for a user's data set
 * @param train the samples to train (and validate) on
 * @param test the samples kept for the final figures
 * @param fileSha256 SHA-256 (hex) of every source file, by file name, for provenance
 * @param source where it was read from, for a person, e.g. "/data/mnist" or "assets/mnist-sample"
 * @param testSplitDrawn true when the source had no test split of its own and {@code test} was
 *     drawn from it (seeded, stratified), false when the source gave it
 * @param origin the path a user opened it from (and a table's label column), null for a built-in
 *     set
 */
public record LoadedDataset(
        String name,
        Samples train,
        Samples test,
        Map<String, String> fileSha256,
        String source,
        boolean testSplitDrawn,
        DataOrigin origin) {

    /** A data set with no origin: a built-in one. */
    public LoadedDataset(
            String name,
            Samples train,
            Samples test,
            Map<String, String> fileSha256,
            String source,
            boolean testSplitDrawn) {
        this(name, train, test, fileSha256, source, testSplitDrawn, null);
    }

    /** This data set, opened from {@code origin}. */
    public LoadedDataset withOrigin(DataOrigin origin) {
        return new LoadedDataset(name, train, test, fileSha256, source, testSplitDrawn, origin);
    }

    public LoadedDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        fileSha256 = Map.copyOf(fileSha256);
        source = source == null ? "" : source;
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException(
                    "train and test classes differ: "
                            + train.classNames()
                            + " and "
                            + test.classNames());
        }
        if (!train.inputShape().equals(test.inputShape())) {
            throw new IllegalArgumentException(
                    "train and test shapes differ: "
                            + train.inputShape()
                            + " and "
                            + test.inputShape());
        }
    }

    /**
     * Every sample, training ones first then test ones: what k-fold cross-validation folds (e.g.
     * the 210 rows of the wheat table). A new copy each call.
     */
    public Samples all() {
        return concat(train, test);
    }

    /** Number of training plus test samples. */
    public int size() {
        return train.size() + test.size();
    }

    /** {@code a} followed by {@code b}; both of the same kind, shape and classes. */
    static Samples concat(Samples a, Samples b) {
        int[] labels = new int[a.size() + b.size()];
        System.arraycopy(a.labels(), 0, labels, 0, a.size());
        System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        if (a instanceof ImageSamples x && b instanceof ImageSamples y) {
            byte[] pixels = new byte[x.pixels().length + y.pixels().length];
            System.arraycopy(x.pixels(), 0, pixels, 0, x.pixels().length);
            System.arraycopy(y.pixels(), 0, pixels, x.pixels().length, y.pixels().length);
            return new ImageSamples(
                    x.channels(), x.height(), x.width(), pixels, labels, x.classNames());
        }
        if (a instanceof TableSamples x && b instanceof TableSamples y) {
            float[] values = new float[x.values().length + y.values().length];
            System.arraycopy(x.values(), 0, values, 0, x.values().length);
            System.arraycopy(y.values(), 0, values, x.values().length, y.values().length);
            return new TableSamples(
                    x.featureCount(), values, labels, x.classNames(), x.featureNames());
        }
        throw new IllegalArgumentException("cannot join images and table rows");
    }
}
