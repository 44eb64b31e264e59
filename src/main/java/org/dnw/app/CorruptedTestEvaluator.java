package org.dnw.app;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.CorruptionSpec;
import org.dnw.data.Corruptions;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.ProgressListener;
import org.dnw.data.Samples;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainedNetwork;
import org.dnw.ui.robustness.RobustnessEvaluator;

/**
 * The robustness check through the engine: a saved run's network on its data set's test split,
 * corrupted. Keeps the current run's network and each data set's test split between calls of one
 * check. Background thread only, one call at a time.
 */
final class CorruptedTestEvaluator implements RobustnessEvaluator {

    private static final int BATCH = 500;

    private final RunStore store;
    private final DatasetCatalog catalog;
    private final Map<String, ImageSamples> testSplits = new HashMap<>();
    private RunSummary openRun;
    private TrainedNetwork network;

    CorruptedTestEvaluator(RunStore store, DatasetCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public double accuracy(
            RunSummary run,
            CorruptionSpec corruption,
            long seed,
            DoubleConsumer progress,
            BooleanSupplier cancelled)
            throws Exception {
        if (!run.equals(openRun)) {
            closeNetwork();
            SavedRun saved = store.load(run.folder());
            network = SavedNetworks.open(saved);
            openRun = run;
        }
        ImageSamples test = testSplit(run.datasetName());
        if (!test.inputShape().equals(network.spec().input())) {
            throw new IllegalArgumentException(
                    "its network takes "
                            + network.spec().input()
                            + " but the test images are "
                            + test.inputShape());
        }
        ImageSamples corrupted =
                corruption.equals(CorruptionSpec.NONE)
                        ? test
                        : Corruptions.corrupt(test, corruption, seed);
        int n = corrupted.size();
        int classes = network.classCount();
        long correct = 0;
        for (int from = 0; from < n; from += BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            int count = Math.min(BATCH, n - from);
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                indices[i] = from + i;
            }
            Samples batch = corrupted.subset(indices);
            float[] p = network.probabilities(batch);
            int[] labels = batch.labels();
            for (int i = 0; i < count; i++) {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (p[i * classes + k] > p[i * classes + best]) {
                        best = k;
                    }
                }
                if (best == labels[i]) {
                    correct++;
                }
            }
            progress.accept((double) (from + count) / n);
        }
        return (double) correct / n;
    }

    private ImageSamples testSplit(String datasetName) throws Exception {
        ImageSamples cached = testSplits.get(datasetName);
        if (cached != null) {
            return cached;
        }
        BuiltInDataset dataset = CatalogDatasetSource.byName(datasetName);
        if (dataset == null) {
            throw new IllegalArgumentException(
                    "it was trained on '"
                            + datasetName
                            + "', which is not a built-in data set the check can reload");
        }
        Samples test = catalog.load(dataset, ProgressListener.NONE).test();
        if (!(test instanceof ImageSamples images)) {
            throw new IllegalArgumentException(
                    "its data set is a table; noise applies to images only");
        }
        testSplits.put(datasetName, images);
        return images;
    }

    @Override
    public void checkFinished() {
        closeNetwork();
        testSplits.clear();
    }

    private void closeNetwork() {
        if (network != null) {
            network.close();
            network = null;
        }
        openRun = null;
    }
}
