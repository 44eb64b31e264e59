package org.dnw.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DataFormatException;
import org.dnw.data.DataNotFoundException;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;

/**
 * Reads the data a saved run was trained on again, for evaluating it, checking its robustness or
 * drawing its test images: from the path recorded in its manifest (with the table's label column)
 * when it was opened from a path, else by its built-in name. Stateless; blocks while reading.
 */
public final class RunData {

    private RunData() {}

    /**
     * A short key naming the data of {@code info}: its path when recorded, else its name; for
     * caching what was read.
     */
    public static String key(DatasetInfo info) {
        return info.path() != null ? info.path() + "#" + info.labelColumn() : info.name();
    }

    /**
     * Reads the data of {@code info}.
     *
     * @throws DataNotFoundException when the recorded path is gone, or the name is no built-in set
     *     and no path was recorded (manifests written before paths were kept); the message says to
     *     give the data's path
     * @throws DataFormatException when the data cannot be read
     */
    public static LoadedDataset load(
            DatasetCatalog catalog, DatasetInfo info, ProgressListener progress)
            throws DataFormatException {
        if (info.path() != null) {
            Path path = Path.of(info.path());
            if (!Files.exists(path)) {
                throw new DataNotFoundException(
                        "the run was trained on "
                                + path
                                + ", which is no longer there; give its data with --dataset PATH"
                                + " (or put it back there)",
                        List.of(path));
            }
            return catalog.open(path, info.labelColumn(), progress);
        }
        BuiltInDataset dataset = BuiltInDataset.byName(info.name());
        if (dataset == null) {
            throw new DataNotFoundException(
                    "the run was trained on '"
                            + info.name()
                            + "', which is not a built-in data set, and its manifest does not say"
                            + " where it was read from (it predates that); give its data with"
                            + " --dataset PATH",
                    List.of());
        }
        return catalog.load(dataset, progress);
    }
}
