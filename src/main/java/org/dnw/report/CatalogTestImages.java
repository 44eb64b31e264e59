package org.dnw.report;

import java.util.HashMap;
import java.util.Map;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.ProgressListener;
import org.dnw.data.Samples;
import org.dnw.store.SavedRun;

/**
 * Test images for reports, read again through the catalog when a run's data set is a built-in image
 * set found on this computer; each data set is read once per source. Not thread-safe: one report at
 * a time.
 */
public final class CatalogTestImages implements TestImageSource {

    private final DatasetCatalog catalog;
    private final Map<BuiltInDataset, Samples> read = new HashMap<>();

    public CatalogTestImages(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public TestImages imagesFor(SavedRun run) {
        String name = run.manifest().dataset().name();
        BuiltInDataset dataset = BuiltInDataset.byName(name);
        if (dataset == null) {
            return TestImages.missing(
                    "the run's data set ("
                            + name
                            + ") is not a built-in one, so its images are not read again");
        }
        if (!dataset.isImages()) {
            return TestImages.missing("the data set is a table, not images");
        }
        try {
            Samples test = read.get(dataset);
            if (test == null) {
                test = catalog.load(dataset, ProgressListener.NONE).test();
                read.put(dataset, test);
            }
            return TestImages.of((ImageSamples) test);
        } catch (Exception e) {
            return TestImages.missing(name + " could not be read here (" + e.getMessage() + ")");
        }
    }
}
