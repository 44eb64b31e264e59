package org.dnw.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dnw.data.DataSplits;

/**
 * The data a run was trained on, as recorded in its manifest.
 *
 * @param name the catalog name, e.g. "MNIST"
 * @param classNames class names, index = label
 * @param fileSha256 SHA-256 (hex) of every source file, by file name; kept sorted by name so that
 *     manifests are byte-for-byte reproducible
 * @param trainSize samples trained on
 * @param validationSize samples held out for validation (0 when none)
 * @param testSize samples of the test split
 */
public record DatasetInfo(
        String name,
        List<String> classNames,
        Map<String, String> fileSha256,
        int trainSize,
        int validationSize,
        int testSize) {

    public DatasetInfo {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        fileSha256 =
                fileSha256 == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new TreeMap<>(fileSha256));
    }

    /** Name, class names (of the test split), checksums and sizes of {@code splits}. */
    public static DatasetInfo of(DataSplits splits) {
        return new DatasetInfo(
                splits.datasetName(),
                splits.test().classNames(),
                splits.fileSha256(),
                splits.train().size(),
                splits.validation().size(),
                splits.test().size());
    }
}
