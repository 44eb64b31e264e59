package org.dnw.ui.sweep;

/**
 * One point of the sweep's chart.
 *
 * @param series index into the view model's series names (a value of the second setting, or 0)
 * @param x the first setting's value as typed
 * @param xNumber that value as a number; NaN when it is not one
 * @param y the chosen metric's value
 */
public record SweepChartPoint(int series, String x, double xNumber, double y) {}
