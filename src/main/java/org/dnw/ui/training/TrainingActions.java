package org.dnw.ui.training;

/**
 * What the training buttons do, wired by the application to the training service. Each method is
 * called on the FX thread and must return at once (start work on another thread). {@link #train}
 * may throw an exception whose message is a sentence for the user (e.g. "the network has a problem:
 * ..."); the panel shows it instead of starting.
 */
public interface TrainingActions {

    /** Starts a run with the current network, data set and hyperparameters. */
    void train();

    /** Asks the running training to pause after its current batch. */
    void pause();

    /** Continues a paused training. */
    void resume();

    /** Asks the training to stop after its current batch; a RunCancelled event follows. */
    void stop();
}
