package org.dnw.ui.robustness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.dnw.data.CorruptionSpec;

/**
 * One row of the results table: a corruption strength and, per checked run, the accuracy (NaN until
 * measured).
 */
public final class RobustnessRow {

    private final double strength;
    private final CorruptionSpec corruption;
    private final List<ReadOnlyDoubleWrapper> accuracies;

    RobustnessRow(double strength, CorruptionSpec corruption, int runCount) {
        this.strength = strength;
        this.corruption = corruption;
        List<ReadOnlyDoubleWrapper> list = new ArrayList<>(runCount);
        for (int i = 0; i < runCount; i++) {
            list.add(new ReadOnlyDoubleWrapper(this, "accuracy" + i, Double.NaN));
        }
        this.accuracies = Collections.unmodifiableList(list);
    }

    public double strength() {
        return strength;
    }

    public CorruptionSpec corruption() {
        return corruption;
    }

    /** E.g. "clean", "Gaussian σ = 0.3 + salt & pepper 5 %". */
    public String label() {
        return corruption.label();
    }

    /** Accuracy in [0, 1] of run {@code column} (checked-runs order); NaN until measured. */
    public ReadOnlyDoubleProperty accuracyProperty(int column) {
        return accuracies.get(column).getReadOnlyProperty();
    }

    public double accuracy(int column) {
        return accuracies.get(column).get();
    }

    void setAccuracy(int column, double value) {
        accuracies.get(column).set(value);
    }

    public int columnCount() {
        return accuracies.size();
    }
}
