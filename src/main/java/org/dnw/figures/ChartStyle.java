package org.dnw.figures;

/**
 * Sizes and placement rules of a {@link LineChart}: the same chart drawn small for a report page
 * ({@link #REPORT}) or large as a panel of a picture ({@link #PICTURE}). Lengths in pixels.
 *
 * @param left room left of the plot, for the y tick labels
 * @param right room right of the plot
 * @param top room above the plot, for the title or the y label
 * @param plotHeight height of the plot area
 * @param bottom room under the plot, for the x ticks and the x label (the legend goes below it
 *     unless {@code legendInside})
 * @param titleSize font size of the chart's title; 0 to leave the title out
 * @param titleY baseline of the title under the chart's top
 * @param labelSize font size of the axis labels
 * @param yLabelAbove the y label as a heading above the plot instead of turned along the y axis
 * @param tickSize font size of the tick labels, the legend under the plot and other small text
 * @param tickLength length of a tick mark
 * @param tickGap gap between the y axis and the right end of a y tick label
 * @param tickDy drop of a y tick label's baseline under its tick
 * @param xTickDy drop of an x tick label's baseline under the plot
 * @param xLabelDy drop of the x label's baseline under the plot
 * @param axisWidth stroke width of the axes
 * @param lineWidth stroke width of a series
 * @param dotRadius radius of the dot at each point
 * @param xPadding share of the plot width kept free at each end of the x axis
 * @param yFromZero whether an axis that is not a percentage starts at zero (a loss)
 * @param legendInside the legend in the corner of the plot the lines cross least, instead of rows
 *     under the chart
 * @param firstSeriesOnTop whether the first series is drawn last, over the others
 */
record ChartStyle(
        double left,
        double right,
        double top,
        double plotHeight,
        double bottom,
        double titleSize,
        double titleY,
        double labelSize,
        boolean yLabelAbove,
        double tickSize,
        double tickLength,
        double tickGap,
        double tickDy,
        double xTickDy,
        double xLabelDy,
        double axisWidth,
        double lineWidth,
        double dotRadius,
        double xPadding,
        boolean yFromZero,
        boolean legendInside,
        boolean firstSeriesOnTop) {

    /** A chart on a report page, 520 px wide, its legend under the plot. */
    static final ChartStyle REPORT =
            new ChartStyle(
                    58, 16, 30, 200, 46, 13, 16, 11, false, 11, 4, 7, 3.5, 16, 32, 1, 2, 2.6, 0,
                    false, false, false);

    /**
     * A panel of a learning-curve picture: larger type, loss from zero, a margin at both ends of
     * the x axis, the legend inside the plot and the first series drawn over the others.
     */
    static final ChartStyle PICTURE =
            new ChartStyle(
                    80, 24, 36, 376, 58, 0, 0, 15, true, 13, 5, 9, 5, 20, 44, 1.5, 2.5, 4.5, 0.04,
                    true, true, true);
}
