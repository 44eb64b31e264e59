package org.dnw.ui.confusion;

/**
 * A row of the metrics table: one class, or the macro or weighted average.
 *
 * @param label class name, "macro avg" or "weighted avg"
 * @param precision in [0, 1]
 * @param recall in [0, 1]
 * @param f1 in [0, 1]
 * @param support samples of the class (the total for averages)
 * @param average true for the two average rows
 */
public record MetricsRow(
        String label, double precision, double recall, double f1, long support, boolean average) {}
