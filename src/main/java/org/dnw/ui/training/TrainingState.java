package org.dnw.ui.training;

/** Where the training panel stands; decides which buttons are enabled. */
public enum TrainingState {
    /** No run in progress: Train is enabled. */
    IDLE,
    /** A run is starting or training: Pause and Stop are enabled. */
    RUNNING,
    /** The run waits between batches: Resume and Stop are enabled. */
    PAUSED,
    /** Stop was asked; waiting for the run to end: every button is disabled. */
    STOPPING
}
