package org.dnw.ui.tryit;

import org.dnw.store.SavedRun;

/**
 * Makes a {@link Classifier} from a saved run's model files; the application implements it with the
 * engine. Called on the background executor, never on the FX thread.
 */
@FunctionalInterface
public interface ClassifierFactory {

    /**
     * @throws Exception when the run's network cannot be loaded (e.g. its params file is missing);
     *     the message is shown to the user as a sentence
     */
    Classifier open(SavedRun run) throws Exception;
}
