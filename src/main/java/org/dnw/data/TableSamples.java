package org.dnw.data;

import java.util.List;
import java.util.Objects;
import org.dnw.spec.Shape;

/**
 * Labelled rows of numeric features, row-major floats.
 *
 * @param featureCount features per row
 * @param values {@code N·featureCount} values
 * @param labels class index per row
 * @param classNames class names, index = label
 * @param featureNames one name per feature column
 */
public record TableSamples(
        int featureCount,
        float[] values,
        int[] labels,
        List<String> classNames,
        List<String> featureNames)
        implements Samples {

    public TableSamples {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
        if (values.length != (long) labels.length * featureCount) {
            throw new IllegalArgumentException(
                    "values hold "
                            + values.length
                            + " numbers, expected "
                            + labels.length * featureCount);
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException(
                        "label " + label + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Shape inputShape() {
        return Shape.flat(featureCount);
    }

    @Override
    public TableSamples subset(int[] indices) {
        float[] v = new float[indices.length * featureCount];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * featureCount, v, i * featureCount, featureCount);
            l[i] = labels[indices[i]];
        }
        return new TableSamples(featureCount, v, l, classNames, featureNames);
    }
}
