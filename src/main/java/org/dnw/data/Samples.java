package org.dnw.data;

import java.util.List;
import org.dnw.spec.Shape;

/**
 * A labelled set of samples held in memory: images as unsigned bytes, or table rows as floats.
 * Labels are class indices in {@code [0, classCount)}. Implementations are immutable by contract:
 * callers must not modify the returned arrays.
 */
public sealed interface Samples permits ImageSamples, TableSamples {

    /** Number of samples. */
    int size();

    /** Shape of one sample: C × H × W for images, features for tables. */
    Shape inputShape();

    /** Class index of every sample, length {@link #size()}. */
    int[] labels();

    /** Human-readable class names, index = label. */
    List<String> classNames();

    default int classCount() {
        return classNames().size();
    }

    /** The samples at {@code indices}, in that order (indices may repeat). */
    Samples subset(int[] indices);

    /** Number of samples of each class, length {@link #classCount()}. */
    default int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels()) {
            counts[label]++;
        }
        return counts;
    }
}
