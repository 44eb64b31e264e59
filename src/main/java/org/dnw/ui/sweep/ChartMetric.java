package org.dnw.ui.sweep;

import org.dnw.runs.SweepResult;

/** What the sweep's chart plots against the first setting. */
public enum ChartMetric {
    TEST_ACCURACY("Test accuracy", "test accuracy (%)"),
    TIME("Time", "training time (s)"),
    PARAMETERS("Parameters", "parameters");

    private final String label;
    private final String axisLabel;

    ChartMetric(String label, String axisLabel) {
        this.label = label;
        this.axisLabel = axisLabel;
    }

    /** The toggle's text. */
    public String label() {
        return label;
    }

    /** The y axis' label. */
    public String axisLabel() {
        return axisLabel;
    }

    /** The row's value of this metric, in the axis' unit. */
    public double of(SweepResult.Row row) {
        return switch (this) {
            case TEST_ACCURACY -> 100 * row.testAccuracy();
            case TIME -> row.durationMillis() / 1000.0;
            case PARAMETERS -> row.parameterCount();
        };
    }
}
