package org.dnw.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.dnw.data.CorruptionSpec;
import org.dnw.data.Corruptions;
import org.dnw.data.DataFormatException;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.ProgressListener;
import org.dnw.data.Samples;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunData;
import org.dnw.store.RunStore;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainedNetwork;

/**
 * A saved run's accuracy on its data set's test split with a corruption applied — the robustness
 * check of the window and the command line. The test split is reloaded through the catalog by the
 * run's data set name (built-in sets only) and kept, as is the last run's network, until {@link
 * #close}. One thread at a time.
 */
public final class CorruptedEvaluation implements AutoCloseable {

    private static final int BATCH = 500;

    private final RunStore store;
    private final DatasetCatalog catalog;
    private final Map<String, ImageSamples> testSplits = new HashMap<>();
    private Path openFolder;
    private TrainedNetwork network;

    public CorruptedEvaluation(RunStore store, DatasetCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * The share of the run's test images classified correctly once corrupted.
     *
     * @param seed the noise seed; the same seed gives every run the very same corrupted images
     * @param progress told the share done, 0–1
     * @param cancelled checked between batches; when true the call throws {@link
     *     CancellationException}
     * @throws IOException with a sentence when the run or its data cannot be read
     * @throws IllegalArgumentException with a sentence when the run cannot be checked (a table, a
     *     data set the catalog cannot reload, a shape that does not match)
     */
    public double accuracy(
            Path runFolder,
            CorruptionSpec corruption,
            long seed,
            DoubleConsumer progress,
            BooleanSupplier cancelled)
            throws IOException {
        SavedRun run = open(runFolder);
        ImageSamples test = testSplit(run.manifest().dataset());
        if (!test.inputShape().equals(network.spec().input())) {
            throw new IllegalArgumentException(
                    "its network takes "
                            + network.spec().input()
                            + " inputs but the test images are "
                            + test.inputShape());
        }
        ImageSamples corrupted =
                corruption.isIdentity() ? test : Corruptions.corrupt(test, corruption, seed);
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

    private SavedRun open(Path folder) throws IOException {
        SavedRun run = store.load(folder);
        if (!folder.equals(openFolder)) {
            closeNetwork();
            network = SavedNetworks.open(run);
            openFolder = folder;
        }
        return run;
    }

    private ImageSamples testSplit(DatasetInfo info) throws IOException {
        String key = RunData.key(info);
        ImageSamples cached = testSplits.get(key);
        if (cached != null) {
            return cached;
        }
        Samples test;
        try {
            test = RunData.load(catalog, info, ProgressListener.NONE).test();
        } catch (DataFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!(test instanceof ImageSamples images)) {
            throw new IllegalArgumentException(
                    "its data set is a table; noise and blur apply to images only");
        }
        testSplits.put(key, images);
        return images;
    }

    private void closeNetwork() {
        if (network != null) {
            network.close();
            network = null;
        }
        openFolder = null;
    }

    /** Frees the network and the test splits kept. */
    @Override
    public void close() {
        closeNetwork();
        testSplits.clear();
    }
}
