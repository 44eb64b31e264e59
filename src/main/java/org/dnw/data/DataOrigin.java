package org.dnw.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a data set that a user pointed at came from, so that it can be opened again the same way
 * (e.g. by {@code evaluate} on a saved run). Built-in sets have none: their name finds them.
 *
 * @param path the absolute path of the file or folder the user gave
 * @param table how a table's columns were taken (the label column among them); null for images
 */
public record DataOrigin(Path path, TableLayout table) {

    public DataOrigin {
        path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    /** The label column to give {@link DatasetCatalog#open} again; null for images. */
    public String labelColumn() {
        return table == null ? null : table.labelColumnOption();
    }
}
