package org.dnw.ui.data;

import java.util.Objects;

/**
 * One built-in data set in the chooser.
 *
 * @param id what {@link DatasetSource#load} understands, e.g. "mnist", "mnist-sample"
 * @param displayName what the user reads, e.g. "Fashion-MNIST"
 * @param availability where it is, as a short phrase: "found locally at /data/mnist", "will
 *     download (11 MB)", "missing — choose the folder that holds it"
 * @param available true when {@link DatasetSource#load} can be expected to work now (found, or can
 *     be downloaded); false when the user has to show where it is
 */
public record DatasetChoice(String id, String displayName, String availability, boolean available) {

    public DatasetChoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        availability = availability == null ? "" : availability;
    }
}
