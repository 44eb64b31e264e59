package org.dnw.train;

/**
 * The one place that says which hyperparameters a network starts with on a data set: the window's
 * Hyperparameters panel, {@code train} and {@code bench --to-accuracy} all begin from here, so a
 * change of defaults (say, a larger batch for one preset) is made once. Today every preset and data
 * set gets {@link Hyperparameters#defaults()}; a per-preset or per-data-set entry goes in {@link
 * #forPreset}.
 */
public final class TrainingDefaults {

    private TrainingDefaults() {}

    /**
     * The defaults for a preset on a data set.
     *
     * @param preset a preset's name (e.g. "seed-cnn"), or null for a network of the user's own
     * @param dataset a catalog name (e.g. "mnist", "cifar10") or a path, or null when not yet
     *     chosen
     * @return the hyperparameters to start from; never null, always without {@link
     *     Hyperparameters#problems()}
     */
    public static Hyperparameters forPreset(String preset, String dataset) {
        return Hyperparameters.defaults();
    }
}
