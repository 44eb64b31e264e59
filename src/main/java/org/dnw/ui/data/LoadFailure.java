package org.dnw.ui.data;

/**
 * Why the last load of the Data tab failed.
 *
 * @param error the core's sentence; empty when the load did not fail
 * @param shown true while the failure is shown
 * @param folderChoiceOffered true after a built-in data set was not found: "Choose folder…" is
 *     offered
 */
public record LoadFailure(String error, boolean shown, boolean folderChoiceOffered) {

    /** No failure to show. */
    public static final LoadFailure NONE = new LoadFailure("", false, false);
}
