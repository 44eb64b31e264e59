package org.dnw.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dnw.data.DataOrigin;
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
 * @param path the absolute path the data set was opened from, null for a built-in set (and in
 *     manifests written before paths were recorded)
 * @param labelColumn a table's label column as the user chose or the reader guessed it (a header
 *     name or a number counting from 1), null for images and built-in sets
 */
public record DatasetInfo(
        String name,
        List<String> classNames,
        Map<String, String> fileSha256,
        int trainSize,
        int validationSize,
        int testSize,
        @JsonInclude(JsonInclude.Include.NON_NULL) String path,
        @JsonInclude(JsonInclude.Include.NON_NULL) String labelColumn) {

    /** A built-in data set: no path, no label column. */
    public DatasetInfo(
            String name,
            List<String> classNames,
            Map<String, String> fileSha256,
            int trainSize,
            int validationSize,
            int testSize) {
        this(name, classNames, fileSha256, trainSize, validationSize, testSize, null, null);
    }

    public DatasetInfo {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        fileSha256 =
                fileSha256 == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new TreeMap<>(fileSha256));
    }

    /**
     * Name, class names (of the test split), checksums and sizes of {@code splits}, and where it
     * was opened from when a user gave a path.
     */
    public static DatasetInfo of(DataSplits splits) {
        DataOrigin origin = splits.origin();
        return new DatasetInfo(
                splits.datasetName(),
                splits.test().classNames(),
                splits.fileSha256(),
                splits.train().size(),
                splits.validation().size(),
                splits.test().size(),
                origin == null ? null : origin.path().toString(),
                origin == null ? null : origin.labelColumn());
    }
}
