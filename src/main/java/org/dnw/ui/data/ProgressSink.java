package org.dnw.ui.data;

/**
 * Where a {@link DatasetSource} reports how far a download or a long read has come. Called from the
 * loading thread, as often as it likes: the view model keeps only the latest report.
 */
@FunctionalInterface
public interface ProgressSink {

    /** Reports nothing. */
    ProgressSink NONE = (stage, done, total) -> {};

    /**
     * @param stage what is happening, as a sentence, e.g. "Downloading train-images-idx3-ubyte.gz"
     * @param done units finished so far (bytes, images, rows)
     * @param total units in all; 0 or less when unknown (the bar then runs indeterminate)
     */
    void report(String stage, long done, long total);
}
