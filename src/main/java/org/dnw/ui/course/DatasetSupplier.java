package org.dnw.ui.course;

import java.util.Objects;
import java.util.function.Supplier;
import org.dnw.data.LoadedDataset;
import org.dnw.data.TableSamples;

/**
 * Gives a course panel its data set; called on the panel's background executor, so it may read
 * files (and should keep what it read, for the next run).
 */
@FunctionalInterface
public interface DatasetSupplier {

    /**
     * @return the data set, never null
     * @throws Exception whose message is a sentence for the user when there is none (a file
     *     missing, a malformed file)
     */
    LoadedDataset get() throws Exception;

    /**
     * The data set in use when it is a table, else {@code fallback}'s (e.g. the wheat seeds): what
     * the cross-validation panel trains on.
     *
     * @param current the data set in use, or null when none is loaded
     */
    static DatasetSupplier tableOr(Supplier<LoadedDataset> current, DatasetSupplier fallback) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(fallback, "fallback");
        return () -> {
            LoadedDataset data = current.get();
            return data != null && data.train() instanceof TableSamples ? data : fallback.get();
        };
    }
}
