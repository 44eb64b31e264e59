package org.dnw.runs;

import java.nio.file.Path;
import java.util.List;
import org.dnw.train.SweepPlan;

/**
 * What a sweep produced, one row per point, in the sweep's order. Immutable.
 *
 * @param axes the settings varied
 * @param rows one per point that was reached
 * @param cancelled true when the sweep was stopped before its last point
 */
public record SweepResult(List<SweepPlan.Axis> axes, List<Row> rows, boolean cancelled) {

    public SweepResult {
        axes = List.copyOf(axes);
        rows = List.copyOf(rows);
    }

    /** How a point ended. */
    public enum Outcome {
        /** Trained and saved. */
        SAVED,
        /** The network or a value could not work; not trained. */
        SKIPPED,
        /** Training failed (e.g. diverged) or saving failed. */
        FAILED,
        /** Stopped by the user. */
        CANCELLED
    }

    /**
     * One point.
     *
     * @param values the value of each axis, in axis order
     * @param label e.g. "kernel=5 lr=0.001"
     * @param testAccuracy in [0, 1]; NaN unless saved
     * @param bestValidationAccuracy in [0, 1]; NaN when none
     * @param parameterCount trainable parameters of the point's network; 0 when skipped
     * @param durationMillis training time
     * @param folder the saved run; null unless saved
     * @param message a sentence: where it was saved or why not
     */
    public record Row(
            int index,
            List<String> values,
            String label,
            Outcome outcome,
            double testAccuracy,
            double bestValidationAccuracy,
            long parameterCount,
            long durationMillis,
            Path folder,
            String message) {

        public Row {
            values = List.copyOf(values);
        }
    }
}
