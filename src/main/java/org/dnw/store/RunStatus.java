package org.dnw.store;

/**
 * The state of a run in the runs folder: complete (published), damaged, or still a draft that is
 * training ({@link #RUNNING}) or whose owner died ({@link #INTERRUPTED}).
 */
public enum RunStatus {
    /** Complete: manifest, metrics and model params are all there and readable. */
    OK,
    /** Something is missing or unreadable; {@link RunSummary#problem()} says what. */
    DAMAGED,
    /** Training now, in this or another process: its owner's heartbeat is fresh. */
    RUNNING,
    /**
     * Began training, but its owner ended without publishing it (killed, crashed, node lost): the
     * curves up to its last epoch are kept; only the user deletes it.
     */
    INTERRUPTED;

    /** The word shown for the state: complete, damaged, running or interrupted. */
    public String label() {
        return this == OK ? "complete" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
