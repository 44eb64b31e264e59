package org.dnw.report;

import java.nio.file.Path;
import java.util.Map;
import org.dnw.data.ImageSamples;
import org.dnw.store.SavedRun;

/**
 * Finds the test images of a run for its report, e.g. by reading the run's data set again. Called
 * once per run, on the thread that writes the report (never the FX thread: it may read files). A
 * source that throws a runtime exception is treated as "no images", with the exception's message as
 * the reason, so a missing data set never stops a report.
 */
@FunctionalInterface
public interface TestImageSource {

    /** The images of {@code run}'s test split, or {@link TestImages#missing} with the reason. */
    TestImages imagesFor(SavedRun run);

    /** No pictures for any run: the mistakes are listed, with this reason. */
    static TestImageSource none() {
        return run -> TestImages.missing("no test images were given to the report");
    }

    /**
     * Images by run folder ({@link SavedRun#folder()}, compared after {@code toAbsolutePath()
     * .normalize()}); a run not in the map gets no pictures.
     */
    static TestImageSource of(Map<Path, ImageSamples> byFolder) {
        Map<Path, ImageSamples> copy = new java.util.HashMap<>();
        byFolder.forEach((k, v) -> copy.put(k.toAbsolutePath().normalize(), v));
        return run -> {
            ImageSamples images = copy.get(run.folder().toAbsolutePath().normalize());
            return images == null
                    ? TestImages.missing("no test images were given for this run")
                    : TestImages.of(images);
        };
    }
}
