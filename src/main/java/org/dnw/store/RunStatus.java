package org.dnw.store;

/** Whether a saved run folder can be opened. */
public enum RunStatus {
    /** Manifest, metrics and model params are all there and readable. */
    OK,
    /** Something is missing or unreadable; {@link RunSummary#problem()} says what. */
    DAMAGED
}
