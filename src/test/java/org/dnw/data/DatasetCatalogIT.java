package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads every shared data set through the catalog from {@code WORKBENCH_DATA}, checks sizes and
 * prints how long each load took (a figure, not an assertion).
 */
class DatasetCatalogIT {

    private static final DatasetCatalog.Locations environment =
            DatasetCatalog.Locations.fromEnvironment();

    @TempDir static Path cacheDir;

    @BeforeEach
    void needsData() {
        assumeTrue(
                environment.workbenchData() != null
                        && Files.isDirectory(environment.workbenchData()),
                "WORKBENCH_DATA (or -Dworkbench.data) is not set to the shared datasets folder;"
                        + " skipping the real-data catalog checks");
    }

    private static DatasetCatalog catalog(Path decodedCache) {
        return new DatasetCatalog(environment.withDecodedCache(decodedCache), null);
    }

    private static LoadedDataset timed(DatasetCatalog catalog, BuiltInDataset d, String note)
            throws DataFormatException {
        long start = System.nanoTime();
        LoadedDataset loaded = catalog.load(d, ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "[load] %-18s %-28s %6.2f s  train %6d  test %6d  shape %-12s heap %4d MB  (%s)%n",
                d.displayName(),
                note,
                seconds,
                loaded.train().size(),
                loaded.test().size(),
                loaded.train().inputShape(),
                (rt.totalMemory() - rt.freeMemory()) >> 20,
                loaded.source());
        return loaded;
    }

    @Test
    void mnist() throws Exception {
        LoadedDataset d = timed(catalog(null), BuiltInDataset.MNIST, "IDX .gz");
        assertThat(d.train().size()).isEqualTo(60_000);
        assertThat(d.test().size()).isEqualTo(10_000);
        assertThat(d.train().inputShape()).isEqualTo(Shape.image(1, 28, 28));
        assertThat(d.train().classCounts()).hasSize(10);
        assertThat(java.util.Arrays.stream(d.train().classCounts()).min().orElse(0))
                .isGreaterThan(5000);
        assertThat(d.fileSha256()).hasSize(4);
    }

    @Test
    void fashionMnist() throws Exception {
        LoadedDataset d = timed(catalog(null), BuiltInDataset.FASHION_MNIST, "IDX .gz");
        assertThat(d.train().size()).isEqualTo(60_000);
        assertThat(d.test().size()).isEqualTo(10_000);
        assertThat(d.train().classCounts()).containsOnly(6000);
        assertThat(d.train().classNames().get(9)).isEqualTo("Ankle boot");
    }

    @Test
    void cifar10ColdThenFromTheDecodedCache() throws Exception {
        LoadedDataset cold = timed(catalog(null), BuiltInDataset.CIFAR10, "JPEG tar.gz, no cache");
        check(cold);
        LoadedDataset first =
                timed(catalog(cacheDir), BuiltInDataset.CIFAR10, "JPEG tar.gz, cache filled");
        LoadedDataset warm =
                timed(catalog(cacheDir), BuiltInDataset.CIFAR10, "from the decoded cache");
        check(warm);
        assertThat(((ImageSamples) warm.train()).pixels())
                .isEqualTo(((ImageSamples) cold.train()).pixels());
        assertThat(warm.test().labels()).isEqualTo(first.test().labels());
    }

    private static void check(LoadedDataset d) {
        assertThat(d.name()).isEqualTo("CIFAR-10");
        assertThat(d.train().size()).isEqualTo(50_000);
        assertThat(d.test().size()).isEqualTo(10_000);
        assertThat(d.train().inputShape()).isEqualTo(Shape.image(3, 32, 32));
        assertThat(d.train().classCounts()).containsOnly(5000);
        assertThat(d.test().classCounts()).containsOnly(1000);
        assertThat(d.testSplitDrawn()).isFalse();
    }

    @Test
    void wheatSeeds() throws Exception {
        LoadedDataset d = timed(catalog(null), BuiltInDataset.WHEAT_SEEDS, "whitespace table");
        assertThat(d.all().size()).isEqualTo(210);
        assertThat(d.train().size()).isEqualTo(168);
        assertThat(d.test().size()).isEqualTo(42);
        assertThat(d.train().inputShape()).isEqualTo(Shape.flat(7));
        assertThat(d.all().classCounts()).containsExactly(70, 70, 70);
        assertThat(d.train().classNames()).containsExactly("Kama", "Rosa", "Canadian");
        TableSamples all = (TableSamples) d.all();
        // the first row of the UCI file: 15.26 14.84 0.871 5.763 3.312 2.221 5.22 (Kama)
        boolean found = false;
        for (int r = 0; r < all.size(); r++) {
            if (all.values()[r * 7] == 15.26f && all.values()[r * 7 + 6] == 5.22f) {
                assertThat(all.labels()[r]).isZero();
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void theShippedSampleIsCutFromMnistAsItsReadmeSays(@TempDir Path out) throws Exception {
        MnistSampleCutter.cut(
                environment.workbenchData().resolve("mnist"),
                out,
                MnistSampleCutter.SEED,
                MnistSampleCutter.TRAIN_PER_CLASS,
                MnistSampleCutter.TEST_PER_CLASS);
        LoadedDataset shipped = timed(catalog(null), BuiltInDataset.MNIST_SAMPLE, "shipped sample");
        LoadedDataset again = catalog(null).open(out, ProgressListener.NONE);
        assertThat(((ImageSamples) again.train()).pixels())
                .isEqualTo(((ImageSamples) shipped.train()).pixels());
        assertThat(again.train().labels()).isEqualTo(shipped.train().labels());
        assertThat(((ImageSamples) again.test()).pixels())
                .isEqualTo(((ImageSamples) shipped.test()).pixels());
    }
}
