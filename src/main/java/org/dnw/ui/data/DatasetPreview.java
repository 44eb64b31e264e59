package org.dnw.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dnw.data.DataOrigin;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.data.Samples;
import org.dnw.data.TableSamples;
import org.dnw.spec.Shape;
import org.dnw.ui.common.Quantities;

/**
 * A loaded data set: what the Data tab shows and what the rest of the window needs to train on it.
 * Immutable (the samples are immutable by contract).
 *
 * @param name the data set's name, e.g. "Fashion-MNIST" or "my-photos.zip"
 * @param origin where it was read from, as a phrase, e.g. "read from /data/mnist" or "downloaded to
 *     ~/.dnw/datasets/cifar10"; may be empty
 * @param train all training samples, before the validation share is held out of them
 * @param validation a validation split the data set brings itself, or null when validation is to be
 *     held out of {@code train} by the hyperparameters' validation share (the usual case)
 * @param test samples kept for the final figures; may be empty (size 0), never null
 * @param fileSha256 SHA-256 (hex) of every source file, by file name, for the run's provenance; may
 *     be empty
 * @param dataOrigin the path the user opened it from and a table's columns; null for a built-in set
 */
public record DatasetPreview(
        String name,
        String origin,
        Samples train,
        Samples validation,
        Samples test,
        Map<String, String> fileSha256,
        DataOrigin dataOrigin) {

    /** A preview of a built-in data set (no origin path). */
    public DatasetPreview(
            String name,
            String origin,
            Samples train,
            Samples validation,
            Samples test,
            Map<String, String> fileSha256) {
        this(name, origin, train, validation, test, fileSha256, null);
    }

    public DatasetPreview {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        origin = origin == null ? "" : origin;
        fileSha256 = fileSha256 == null ? Map.of() : Map.copyOf(fileSha256);
        check(train, test, "test");
        if (validation != null) {
            check(train, validation, "validation");
        }
    }

    /** A preview of splits that already hold their validation samples. */
    public static DatasetPreview of(DataSplits splits, String origin) {
        return new DatasetPreview(
                splits.datasetName(),
                origin,
                splits.train(),
                splits.validation(),
                splits.test(),
                splits.fileSha256(),
                splits.origin());
    }

    private static void check(Samples train, Samples other, String what) {
        if (!other.classNames().equals(train.classNames())) {
            throw new IllegalArgumentException(
                    "the "
                            + what
                            + " samples have classes "
                            + other.classNames()
                            + " but the training samples have "
                            + train.classNames());
        }
        if (other.size() > 0 && !other.inputShape().equals(train.inputShape())) {
            throw new IllegalArgumentException(
                    "the "
                            + what
                            + " samples are "
                            + other.inputShape()
                            + " but the training samples are "
                            + train.inputShape());
        }
    }

    /** Class names, index = label. */
    public List<String> classNames() {
        return train.classNames();
    }

    public int classCount() {
        return train.classCount();
    }

    /** Shape of one sample: C × H × W for images, the feature count for tables. */
    public Shape inputShape() {
        return train.inputShape();
    }

    /** True for images, false for a table of features. */
    public boolean isImages() {
        return train instanceof ImageSamples;
    }

    /** Feature names of a table data set; empty for images. */
    public List<String> featureNames() {
        return train instanceof TableSamples t ? t.featureNames() : List.of();
    }

    /** True when the data set brings its own validation split. */
    public boolean hasFixedValidation() {
        return validation != null;
    }

    /**
     * The split sizes for a validation share: {@code round(share × train.size())} samples are held
     * out of the training data (none when the data set has its own validation split).
     *
     * @param validationShare in [0, 1); values outside are clamped
     */
    public SplitSizes splitSizes(double validationShare) {
        if (validation != null) {
            return new SplitSizes(train.size(), validation.size(), test.size(), true);
        }
        double share =
                Double.isNaN(validationShare) ? 0 : Math.max(0, Math.min(1, validationShare));
        int held = (int) Math.round(share * train.size());
        held = Math.min(held, Math.max(0, train.size() - 1));
        return new SplitSizes(train.size() - held, held, test.size(), false);
    }

    /**
     * Per class: name, training count, test count and share of the largest class, in label order.
     */
    List<ClassCountRow> classCountRows() {
        int[] train = train().classCounts();
        int[] test = test().classCounts();
        int max = 1;
        for (int c : train) {
            max = Math.max(max, c);
        }
        List<ClassCountRow> rows = new ArrayList<>(train.length);
        for (int c = 0; c < train.length; c++) {
            rows.add(
                    new ClassCountRow(
                            c, classNames().get(c), train[c], test[c], (double) train[c] / max));
        }
        return rows;
    }

    /** E.g. "70,000 images · 1 × 28 × 28 grey · 10 classes". */
    String summary() {
        int total =
                train().size() + test().size() + (validation() == null ? 0 : validation().size());
        String classes =
                Quantities.count(classCount()) + (classCount() == 1 ? " class" : " classes");
        if (isImages()) {
            int channels = inputShape().channels();
            String colour =
                    channels == 1 ? "grey" : channels == 3 ? "colour" : channels + " channels";
            return Quantities.counted(total, "image")
                    + " · "
                    + inputShape()
                    + " "
                    + colour
                    + " · "
                    + classes;
        }
        return Quantities.counted(total, "row")
                + " · "
                + Quantities.counted(inputShape().width(), "feature")
                + " · "
                + classes;
    }
}
