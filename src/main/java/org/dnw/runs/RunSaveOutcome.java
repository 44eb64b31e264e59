package org.dnw.runs;

import java.nio.file.Path;

/**
 * What became of a recorded run.
 *
 * @param kind saved, discarded (the run failed or was cancelled) or not saved (an error)
 * @param folder the saved run's folder, or the kept draft of an {@link Kind#INTERRUPTED} one; null
 *     otherwise
 * @param message a sentence for the user: where the run was saved, why nothing was saved, or what
 *     went wrong and what to do
 */
public record RunSaveOutcome(Kind kind, Path folder, String message) {

    /** The ends of a recording. */
    public enum Kind {
        /** The run folder was committed. */
        SAVED,
        /** The run failed or was cancelled; its draft was deleted, by design. */
        DISCARDED,
        /** Saving failed (disk full, permissions, events out of order); nothing was kept. */
        SAVE_FAILED,
        /**
         * The run was stopped to be resumed later ({@link RunLauncher.LaunchedRun#stop}): its
         * draft, {@link RunSaveOutcome#folder()}, is kept with its checkpoints.
         */
        INTERRUPTED
    }

    public boolean isSaved() {
        return kind == Kind.SAVED;
    }
}
