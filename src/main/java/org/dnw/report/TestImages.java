package org.dnw.report;

import java.util.Objects;
import org.dnw.data.ImageSamples;

/**
 * The test images of one run, to show its mistakes as pictures, or why there are none.
 *
 * <p>The images must be the run's test split in the order of its predictions: image {@code i} is
 * test sample {@code i} of {@code predictions.csv}. The report checks the count and the labels and,
 * when they do not match the run, shows the mistakes without pictures and says why.
 *
 * @param images the test split as uint8 N × C × H × W; null when not available
 * @param missingReason why there are no images, as the end of a sentence a student reads (e.g. "the
 *     data set is a table, not images"); null when {@code images} is given
 */
public record TestImages(ImageSamples images, String missingReason) {

    public TestImages {
        if (images == null && (missingReason == null || missingReason.isBlank())) {
            missingReason = "no test images were given to the report";
        }
        if (images != null) {
            missingReason = null;
        }
    }

    /** The test split of a run, in the order of its predictions. */
    public static TestImages of(ImageSamples images) {
        return new TestImages(Objects.requireNonNull(images, "images"), null);
    }

    /** No pictures, for the reason given (e.g. "the MNIST files were not found in /data"). */
    public static TestImages missing(String reason) {
        return new TestImages(null, reason);
    }

    /** True when there are images to show. */
    public boolean isPresent() {
        return images != null;
    }
}
