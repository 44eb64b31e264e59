package org.dnw.ui.robustness;

import org.dnw.data.CorruptionSpec;
import org.dnw.store.RunSummary;

/**
 * One measured accuracy of a check.
 *
 * @param column the run's index among the checked runs
 * @param row the strength's index in the sweep (0 = clean)
 * @param run the run
 * @param strength the corruption's strength
 * @param corruption the corruption
 * @param accuracy in [0, 1]
 */
public record RobustnessResult(
        int column,
        int row,
        RunSummary run,
        double strength,
        CorruptionSpec corruption,
        double accuracy) {}
