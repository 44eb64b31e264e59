package org.dnw.ui.workbench;

import java.io.IOException;
import java.nio.file.Path;
import org.dnw.data.BuiltInDataset;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.ui.confusion.SampleImages;

/**
 * What the {@link WorkbenchViewModel} asks of the other features when it links them (a saved run
 * reaches the lists and Try it, an opened run the live views, Train again the settings). The
 * composition root implements it over the features' view-models; tests pass a fake.
 */
public interface WorkbenchLinks {

    /** A run was saved to {@code folder}: every list of saved runs shows it. FX thread. */
    void runListed(Path folder);

    /** Reads a saved run back; called on the background executor. */
    SavedRun readRun(Path folder) throws IOException;

    /** Try it uses {@code run}. FX thread. */
    void useForTryIt(SavedRun run);

    /** The curves, filters and confusion views show {@code run}, with its test images. */
    void showRun(SavedRun run, SampleImages testImages);

    /** The hyperparameters panel takes {@code hyperparameters}. */
    void useHyperparameters(Hyperparameters hyperparameters);

    /** The Data tab loads {@code dataset}. */
    void chooseDataset(BuiltInDataset dataset);

    void selectTab(WorkbenchTab tab);

    /** A saved run was handed on (or could not be): the screenshots taken after a run may go. */
    void runSettled();

    /** Whether this window is training a run now. */
    boolean trainingHere();

    /** Draws a saved run's curves over the live charts, dashed. */
    void overlayRun(SavedRun run);
}
