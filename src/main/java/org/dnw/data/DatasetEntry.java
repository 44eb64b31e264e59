package org.dnw.data;

import java.nio.file.Path;

/**
 * What the catalog knows of one built-in data set without reading it: whether it is on this
 * computer (and where), can be downloaded, or is missing (and what to do about it).
 *
 * @param dataset the data set
 * @param availability on this computer, downloadable, or missing
 * @param location the folder (or archive) it will be read from when {@link Availability#LOCAL};
 *     null otherwise
 * @param message a sentence for a person: where it was found, where it will be downloaded to, or
 *     which files to put where
 */
public record DatasetEntry(
        BuiltInDataset dataset, Availability availability, Path location, String message) {

    /** Where a data set stands. */
    public enum Availability {
        /** Its files are on this computer. */
        LOCAL,
        /** Not on this computer, but a downloader may fetch it (the network is not tried yet). */
        DOWNLOADABLE,
        /** Neither: the message says which files to put where. */
        MISSING
    }

    /** True when it can be loaded without the network. */
    public boolean isLocal() {
        return availability == Availability.LOCAL;
    }
}
