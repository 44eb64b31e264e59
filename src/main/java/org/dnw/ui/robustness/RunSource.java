package org.dnw.ui.robustness;

import java.util.List;
import org.dnw.store.RunSummary;

/** Where the saved runs come from, e.g. {@code runStore::list}. Called on a background thread. */
@FunctionalInterface
public interface RunSource {

    /**
     * @throws Exception with a message for the user when the runs cannot be listed
     */
    List<RunSummary> runs() throws Exception;
}
