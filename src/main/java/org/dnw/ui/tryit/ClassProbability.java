package org.dnw.ui.tryit;

/**
 * One bar of the prediction chart.
 *
 * @param classIndex the class's index in the network's output
 * @param className its name
 * @param probability in [0, 1]
 * @param top true for the most probable class
 */
public record ClassProbability(int classIndex, String className, double probability, boolean top) {

    /** E.g. "98.2 %"; "<0.1 %" for what would round to nothing. */
    public String percentText() {
        double percent = 100 * probability;
        if (percent > 0 && percent < 0.05) {
            return "<0.1 %";
        }
        return String.format(java.util.Locale.ROOT, "%.1f %%", percent);
    }
}
