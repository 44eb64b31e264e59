package org.dnw.report;

import java.util.HashMap;
import java.util.Map;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.ProgressListener;
import org.dnw.data.Samples;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunData;
import org.dnw.store.SavedRun;

/**
 * Test images for reports, read again through the catalog when a run's data set is an image set
 * found on this computer (a built-in one, or the path it was trained from); each data set is read
 * once per source. Not thread-safe: one report at a time.
 */
public final class CatalogTestImages implements TestImageSource {

    private final DatasetCatalog catalog;
    private final Map<String, Samples> read = new HashMap<>();

    public CatalogTestImages(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public TestImages imagesFor(SavedRun run) {
        DatasetInfo info = run.manifest().dataset();
        String name = info.name();
        BuiltInDataset dataset = BuiltInDataset.byName(name);
        if (dataset == null && info.path() == null) {
            return TestImages.missing(
                    "the run's data set ("
                            + name
                            + ") is not a built-in one and its path was not recorded, so its"
                            + " images are not read again");
        }
        if (dataset != null && info.path() == null && !dataset.isImages()) {
            return TestImages.missing("the data set is a table, not images");
        }
        try {
            String key = RunData.key(info);
            Samples test = read.get(key);
            if (test == null) {
                test = RunData.load(catalog, info, ProgressListener.NONE).test();
                read.put(key, test);
            }
            if (!(test instanceof ImageSamples images)) {
                return TestImages.missing("the data set is a table, not images");
            }
            return TestImages.of(images);
        } catch (Exception e) {
            return TestImages.missing(name + " could not be read here (" + e.getMessage() + ")");
        }
    }
}
