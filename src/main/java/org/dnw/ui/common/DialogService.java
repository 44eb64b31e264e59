package org.dnw.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog the workbench shows goes through here, so that view models stay testable with a
 * fake. Called on the FX thread; the methods block until the user answers, as modal dialogs do.
 */
public interface DialogService {

    /**
     * Asks for an existing file to open.
     *
     * @param title the dialog's title, e.g. "Open network spec"
     * @param filterDescription what the files are, e.g. "Network spec (*.json)"
     * @param extensions glob patterns such as {@code "*.json"}
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> chooseFileToOpen(String title, String filterDescription, String... extensions);

    /**
     * Asks for an existing folder, e.g. the one that holds a data set's files.
     *
     * @param title the dialog's title, e.g. "Where is MNIST?"
     * @return the chosen folder, or empty when the user cancelled
     */
    Optional<Path> chooseFolder(String title);

    /**
     * As {@link #chooseFolder(String)}, opening in {@code initialFolder} when it exists.
     *
     * @param initialFolder where the chooser starts, e.g. beside the runs; may be null
     */
    default Optional<Path> chooseFolder(String title, Path initialFolder) {
        return chooseFolder(title);
    }

    /**
     * Asks where to save a file.
     *
     * @param suggestedName file name proposed to the user, e.g. "seed-cnn.json"
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> chooseFileToSave(
            String title, String suggestedName, String filterDescription, String... extensions);

    /** Shows an error as a sentence (never a stack trace) and waits until it is dismissed. */
    void showError(String title, String message);

    /** Asks a yes/no question; true when the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);
}
