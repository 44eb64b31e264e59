package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {

    @TempDir Path dir;

    Path data;
    Path user;
    Path system;
    Path djl;
    Path sample;
    DatasetCatalog.Locations locations;

    @BeforeEach
    void setUp() {
        data = dir.resolve("data");
        user = dir.resolve("home/.deep-network-workbench/datasets");
        system = dir.resolve("usr/share/datasets");
        djl = dir.resolve("home/.djl.ai");
        sample = dir.resolve("repo/assets/mnist-sample");
        locations =
                new DatasetCatalog.Locations(
                        data, user, system, djl, List.of(sample), dir.resolve("cache"));
    }

    /** A downloader that never touches the network: it copies a prepared folder, or fails. */
    static final class FakeDownloader implements DatasetDownloader {
        String disabled;
        boolean reachable = true;
        IOException failure;
        Path source;
        Path target;
        final List<BuiltInDataset> downloaded = new ArrayList<>();

        @Override
        public boolean supports(BuiltInDataset dataset) {
            return dataset.djlArtifactId() != null;
        }

        @Override
        public String disabledReason() {
            return disabled;
        }

        @Override
        public boolean reachable() {
            return reachable;
        }

        @Override
        public Path download(BuiltInDataset dataset, ProgressListener progress) throws IOException {
            downloaded.add(dataset);
            if (failure != null) {
                throw failure;
            }
            progress.progress("Downloading " + dataset.displayName(), 10, 10);
            Files.createDirectories(target);
            try (var files = Files.list(source)) {
                for (Path p : files.toList()) {
                    Files.copy(p, target.resolve(p.getFileName()));
                }
            }
            return target;
        }

        @Override
        public Path destination(BuiltInDataset dataset) {
            return target;
        }
    }

    @Test
    void workbenchDataComesBeforeTheUserFolderAndDjlsCache() throws Exception {
        Fixtures.idxSet(data.resolve("mnist"), 6, 2, 3, true);
        Fixtures.idxSet(user.resolve("mnist"), 7, 2, 3, true);
        Fixtures.idxSet(DatasetCatalog.djlFolder(djl, BuiltInDataset.MNIST), 8, 2, 3, false);
        DatasetCatalog catalog = new DatasetCatalog(locations, null);
        assertThat(catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE).train().size())
                .isEqualTo(6);
        assertThat(catalog.entry(BuiltInDataset.MNIST).location()).isEqualTo(data.resolve("mnist"));

        deleteTree(data.resolve("mnist"));
        LoadedDataset fromUser = catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE);
        assertThat(fromUser.train().size()).isEqualTo(7);
        assertThat(fromUser.source()).isEqualTo(user.resolve("mnist").toString());

        deleteTree(user.resolve("mnist"));
        LoadedDataset fromDjl = catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE);
        assertThat(fromDjl.train().size()).isEqualTo(8);
        assertThat(fromDjl.name()).isEqualTo("MNIST");
        assertThat(fromDjl.train().classNames())
                .containsExactlyElementsOf(BuiltInDataset.MNIST.classNames());
        assertThat(fromDjl.fileSha256())
                .containsOnlyKeys(
                        "train-images-idx3-ubyte",
                        "train-labels-idx1-ubyte",
                        "t10k-images-idx3-ubyte",
                        "t10k-labels-idx1-ubyte");
    }

    @Test
    void searchPathListsTheFoldersInOrder() {
        DatasetCatalog catalog = new DatasetCatalog(locations, null);
        assertThat(catalog.searchPath(BuiltInDataset.FASHION_MNIST))
                .containsExactly(
                        data.resolve("fashion-mnist"),
                        user.resolve("fashion-mnist"),
                        system.resolve("fashion-mnist"),
                        djl.resolve("cache/repo/dataset/cv/ai/djl/basicdataset/fashmnist/1.0"));
        assertThat(catalog.searchPath(BuiltInDataset.WHEAT_SEEDS))
                .containsExactly(data.resolve("wheat-seeds"), user.resolve("wheat-seeds"));
        assertThat(catalog.searchPath(BuiltInDataset.MNIST_SAMPLE)).containsExactly(sample);
        DatasetCatalog noData = new DatasetCatalog(locations.withWorkbenchData(null), null);
        assertThat(noData.searchPath(BuiltInDataset.CIFAR10).get(0))
                .isEqualTo(user.resolve("cifar10"));
    }

    @Test
    void fashionMnistIsFoundInDebiansFolderWithItsClassNames() throws Exception {
        Fixtures.idxSet(system.resolve("fashion-mnist"), 10, 10, 10, true);
        LoadedDataset d =
                new DatasetCatalog(locations, null)
                        .load(BuiltInDataset.FASHION_MNIST, ProgressListener.NONE);
        assertThat(d.name()).isEqualTo("Fashion-MNIST");
        assertThat(d.train().classNames().get(9)).isEqualTo("Ankle boot");
        assertThat(d.train().classNames().get(0)).isEqualTo("T-shirt/top");
    }

    @Test
    void cifarIsReadFromTheBinaryFolderTheArchiveOrDjlsCache() throws Exception {
        DatasetCatalog catalog = new DatasetCatalog(locations, null);
        Path djlCifar = DatasetCatalog.djlFolder(djl, BuiltInDataset.CIFAR10);
        Fixtures.write(djlCifar.resolve("data_batch.bin"), CifarBinaryReaderTest.batch(5, 0));
        Fixtures.write(djlCifar.resolve("test_batch.bin"), CifarBinaryReaderTest.batch(2, 0));
        assertThat(catalog.load(BuiltInDataset.CIFAR10, ProgressListener.NONE).train().size())
                .isEqualTo(5);

        Path archiveRoot = dir.resolve("cifar-src");
        for (String c : CifarBinaryReader.CLASS_NAMES) {
            Fixtures.png(
                    archiveRoot.resolve("train/" + c + "/0.png"), Fixtures.rgb(32, 32, 1, 2, 3));
            Fixtures.png(
                    archiveRoot.resolve("test/" + c + "/0.png"), Fixtures.rgb(32, 32, 4, 5, 6));
        }
        Files.createDirectories(user.resolve("cifar10"));
        Fixtures.tarGz(archiveRoot, user.resolve("cifar10/cifar10-jpg.tar.gz"), "");
        LoadedDataset fromArchive = catalog.load(BuiltInDataset.CIFAR10, ProgressListener.NONE);
        assertThat(fromArchive.name()).isEqualTo("CIFAR-10");
        assertThat(fromArchive.train().size()).isEqualTo(10);
        assertThat(fromArchive.train().inputShape()).isEqualTo(org.dnw.spec.Shape.image(3, 32, 32));
        assertThat(fromArchive.fileSha256()).containsOnlyKeys("cifar10-jpg.tar.gz");

        CifarBinaryReaderTest.officialFolder(user.resolve("cifar10"));
        LoadedDataset binary = catalog.load(BuiltInDataset.CIFAR10, ProgressListener.NONE);
        assertThat(binary.train().size())
                .as("the lossless binary release wins over JPEGs")
                .isEqualTo(10);
        assertThat(binary.fileSha256()).containsKey("data_batch_5.bin");
    }

    @Test
    void wheatTableGetsItsNamesAndASeededStratifiedSplit() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            rows.append(i).append(".5\t1\t2\t3\t4\t5  6\t").append(1 + i % 3).append('\n');
        }
        Path file = data.resolve("wheat-seeds/seeds_dataset.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        DatasetCatalog catalog = new DatasetCatalog(locations, null);
        LoadedDataset d = catalog.load(BuiltInDataset.WHEAT_SEEDS, ProgressListener.NONE);
        assertThat(d.testSplitDrawn()).isTrue();
        assertThat(d.train().classNames()).containsExactly("Kama", "Rosa", "Canadian");
        assertThat(((TableSamples) d.train()).featureNames())
                .hasSize(7)
                .contains("kernel groove length");
        assertThat(d.test().classCounts()).containsExactly(2, 2, 2);
        assertThat(d.train().classCounts()).containsExactly(8, 8, 8);
        assertThat(d.all().size()).isEqualTo(30);
        LoadedDataset again = catalog.load(BuiltInDataset.WHEAT_SEEDS, ProgressListener.NONE);
        assertThat(((TableSamples) again.test()).values())
                .isEqualTo(((TableSamples) d.test()).values());
    }

    @Test
    void entriesSayLocalDownloadableOrMissing() throws Exception {
        Fixtures.idxSet(sample, 4, 2, 2, true);
        Fixtures.idxSet(user.resolve("mnist"), 4, 2, 2, true);
        FakeDownloader downloader = new FakeDownloader();
        downloader.target = dir.resolve("djl-target");
        List<DatasetEntry> entries = new DatasetCatalog(locations, downloader).entries();
        assertThat(entries)
                .extracting(DatasetEntry::dataset)
                .containsExactly(BuiltInDataset.values());
        assertThat(entries.get(0).availability()).isEqualTo(DatasetEntry.Availability.LOCAL);
        assertThat(entries.get(0).location()).isEqualTo(user.resolve("mnist"));
        assertThat(entries.get(1).isLocal()).isTrue();
        assertThat(entries.get(2).availability()).isEqualTo(DatasetEntry.Availability.DOWNLOADABLE);
        assertThat(entries.get(2).message()).contains(downloader.target.toString());
        assertThat(entries.get(4).availability()).isEqualTo(DatasetEntry.Availability.MISSING);
        assertThat(entries.get(4).message())
                .contains("seeds_dataset.txt")
                .contains(data.resolve("wheat-seeds").toString());
        assertThat(downloader.downloaded).as("listing never downloads").isEmpty();

        downloader.disabled = "offline mode is on";
        DatasetEntry offline =
                new DatasetCatalog(locations, downloader).entry(BuiltInDataset.FASHION_MNIST);
        assertThat(offline.availability()).isEqualTo(DatasetEntry.Availability.MISSING);
        assertThat(offline.message())
                .startsWith(
                        "Fashion-MNIST is not on this computer, and offline mode is on. Put the four files");
    }

    @Test
    void missingSetSaysWhichFilesToPutWhere() throws Exception {
        Files.createDirectories(user.resolve("mnist"));
        Fixtures.writeIdxPair(
                user.resolve("mnist"),
                "train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz",
                2,
                2,
                true);
        DatasetCatalog catalog = new DatasetCatalog(locations, null);
        assertThatThrownBy(() -> catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE))
                .isInstanceOfSatisfying(
                        DataNotFoundException.class,
                        e -> {
                            assertThat(e.searched())
                                    .isEqualTo(catalog.searchPath(BuiltInDataset.MNIST));
                            assertThat(e.getMessage())
                                    .startsWith(
                                            "MNIST is not on this computer, and downloading is not available in this build. Put the four files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz")
                                    .contains("\n  " + data.resolve("mnist") + "  (WORKBENCH_DATA)")
                                    .contains(
                                            "\n  "
                                                    + user.resolve("mnist")
                                                    + "  (your data folder; it exists, but lacks t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)")
                                    .contains(
                                            djl.resolve(
                                                            "cache/repo/dataset/cv/ai/djl/basicdataset/mnist/1.0")
                                                    .toString());
                        });
        DatasetCatalog noData = new DatasetCatalog(locations.withWorkbenchData(null), null);
        assertThatThrownBy(() -> noData.load(BuiltInDataset.WHEAT_SEEDS, ProgressListener.NONE))
                .isInstanceOf(DataNotFoundException.class)
                .hasMessageStartingWith(
                        "Wheat seeds (UCI) is not on this computer. Put seeds_dataset.txt")
                .hasMessageEndingWith(
                        "Or set WORKBENCH_DATA (or -Dworkbench.data=…) to a folder that holds wheat-seeds/ with them.");
        assertThatThrownBy(() -> catalog.load(BuiltInDataset.MNIST_SAMPLE, ProgressListener.NONE))
                .hasMessageContaining(sample.toString())
                .hasMessageContaining("assets/mnist-sample/");
    }

    @Test
    void downloadsOnlyWhenAllowedAndReachableThenReadsTheFiles() throws Exception {
        FakeDownloader downloader = new FakeDownloader();
        downloader.source = dir.resolve("server");
        Fixtures.idxSet(downloader.source, 5, 3, 3, false);
        downloader.target = DatasetCatalog.djlFolder(djl, BuiltInDataset.MNIST);
        DatasetCatalog catalog = new DatasetCatalog(locations, downloader);

        downloader.disabled = "offline mode is on (ai.djl.offline=true)";
        assertThatThrownBy(() -> catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE))
                .isInstanceOf(DataNotFoundException.class)
                .hasMessageStartingWith(
                        "MNIST is not on this computer, and offline mode is on (ai.djl.offline=true). Put");
        downloader.disabled = null;
        downloader.reachable = false;
        assertThatThrownBy(() -> catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE))
                .hasMessageStartingWith(
                        "MNIST is not on this computer, and the download server did not answer");
        downloader.reachable = true;
        downloader.failure = new IOException("connection reset");
        assertThatThrownBy(() -> catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE))
                .hasMessageStartingWith(
                        "MNIST is not on this computer, and the download failed: connection reset. Put");
        assertThat(downloader.downloaded).hasSize(1);

        downloader.failure = null;
        List<String> stages = new ArrayList<>();
        LoadedDataset d =
                catalog.load(BuiltInDataset.MNIST, (stage, done, total) -> stages.add(stage));
        assertThat(d.train().size()).isEqualTo(5);
        assertThat(d.test().size()).isEqualTo(3);
        assertThat(stages).contains("Downloading MNIST");
        // from now on it is found in DJL's cache without downloading
        assertThat(catalog.entry(BuiltInDataset.MNIST).location()).isEqualTo(downloader.target);
        catalog.load(BuiltInDataset.MNIST, ProgressListener.NONE);
        assertThat(downloader.downloaded).hasSize(2);
        assertThatThrownBy(() -> catalog.load(BuiltInDataset.WHEAT_SEEDS, ProgressListener.NONE))
                .isInstanceOf(DataNotFoundException.class);
        assertThat(downloader.downloaded).as("the table is never downloaded").hasSize(2);
    }

    @Test
    void openDetectsWhatThePathIs() throws Exception {
        DatasetCatalog catalog = new DatasetCatalog(locations, null);
        Path idx = dir.resolve("my-mnist");
        Fixtures.idxSet(idx, 6, 4, 3, true);
        LoadedDataset folder = catalog.open(idx, ProgressListener.NONE);
        assertThat(folder.train().size()).isEqualTo(6);
        assertThat(folder.test().size()).isEqualTo(4);
        assertThat(folder.train().classNames()).containsExactly("0", "1", "2");
        LoadedDataset picked =
                catalog.open(idx.resolve("t10k-labels-idx1-ubyte.gz"), ProgressListener.NONE);
        assertThat(picked.train().size()).isEqualTo(6);
        assertThat(picked.testSplitDrawn()).isFalse();

        Path pair = dir.resolve("pair");
        Fixtures.writeIdxPair(
                pair, "letters-images-idx3-ubyte", "letters-labels-idx1-ubyte", 10, 2, false);
        LoadedDataset one =
                catalog.open(pair.resolve("letters-images-idx3-ubyte"), ProgressListener.NONE);
        assertThat(one.testSplitDrawn()).isTrue();
        assertThat(one.size()).isEqualTo(10);
        assertThat(one.test().size()).isEqualTo(2);
        Files.delete(pair.resolve("letters-labels-idx1-ubyte"));
        assertThatThrownBy(
                        () ->
                                catalog.open(
                                        pair.resolve("letters-images-idx3-ubyte"),
                                        ProgressListener.NONE))
                .hasMessage(
                        "pair: this folder holds MNIST-style IDX files but the labels file"
                                + " letters-labels-idx1-ubyte is missing");

        Path cifar = CifarBinaryReaderTest.officialFolder(dir.resolve("dl"));
        assertThat(catalog.open(cifar, ProgressListener.NONE).train().size()).isEqualTo(10);
        assertThat(catalog.open(dir.resolve("dl"), ProgressListener.NONE).test().size())
                .isEqualTo(3);
        assertThat(
                        catalog.open(cifar.resolve("data_batch_2.bin"), ProgressListener.NONE)
                                .train()
                                .size())
                .isEqualTo(10);

        Path images = dir.resolve("shapes");
        for (int k = 0; k < 5; k++) {
            Fixtures.png(images.resolve("circle/" + k + ".png"), Fixtures.grey(3, 3, k));
            Fixtures.png(images.resolve("square/" + k + ".png"), Fixtures.grey(3, 3, 50 + k));
        }
        LoadedDataset shapes = catalog.open(images, ProgressListener.NONE);
        assertThat(shapes.train().classNames()).containsExactly("circle", "square");
        assertThat(shapes.test().size()).isEqualTo(2);
        Path zip = Fixtures.zip(images, dir.resolve("shapes.zip"), "");
        assertThat(catalog.open(zip, ProgressListener.NONE).size()).isEqualTo(10);
        Path holder = dir.resolve("holder");
        Files.createDirectories(holder);
        Files.copy(zip, holder.resolve("shapes.zip"));
        Files.write(holder.resolve(".DS_Store"), new byte[] {1});
        assertThat(catalog.open(holder, ProgressListener.NONE).train().classNames())
                .as("a folder holding just an archive opens the archive")
                .containsExactly("circle", "square");

        Path csv = dir.resolve("points.csv");
        Files.writeString(
                csv,
                "x,y,label\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n9,9,a\n1,1,b\n2,2,a\n3,3,b\n4,4,a\n5,5,b\n");
        LoadedDataset table = catalog.open(csv, ProgressListener.NONE);
        assertThat(table.name()).isEqualTo("points");
        assertThat(table.train()).isInstanceOf(TableSamples.class);
        assertThat(table.test().size()).isEqualTo(2);
        assertThat(table.fileSha256()).containsOnlyKeys("points.csv");

        Fixtures.idxSet(dir.resolve("root/mnist"), 2, 2, 2, true);
        Fixtures.png(dir.resolve("root/extra/a.png"), Fixtures.grey(2, 2, 0));
        assertThatThrownBy(() -> catalog.open(dir.resolve("root"), ProgressListener.NONE))
                .hasMessageStartingWith("root: holds data sets (mnist/) rather than one");
        assertThatThrownBy(() -> catalog.open(dir.resolve("nothing-here"), ProgressListener.NONE))
                .hasMessageStartingWith("nothing-here: not found");
    }

    @Test
    void theShippedMnistSampleLoadsFromTheWorkingDirectory() throws Exception {
        DatasetCatalog catalog =
                new DatasetCatalog(
                        DatasetCatalog.Locations.fromEnvironment().withWorkbenchData(null), null);
        assertThat(catalog.entry(BuiltInDataset.MNIST_SAMPLE).isLocal()).isTrue();
        LoadedDataset d = catalog.load(BuiltInDataset.MNIST_SAMPLE, ProgressListener.NONE);
        assertThat(d.name()).isEqualTo("MNIST (sample)");
        assertThat(d.train().size()).isEqualTo(6000);
        assertThat(d.test().size()).isEqualTo(1000);
        assertThat(d.train().classCounts()).containsOnly(600);
        assertThat(d.test().classCounts()).containsOnly(100);
        assertThat(d.train().inputShape()).isEqualTo(org.dnw.spec.Shape.image(1, 28, 28));
        // the checksums the sample's README states
        assertThat(d.fileSha256())
                .containsEntry(
                        "train-images-idx3-ubyte.gz",
                        "c9601eb055fd6fdd3a59685154b34e490644d6421d150c6ccb37f143b5b7de8b")
                .containsEntry(
                        "t10k-labels-idx1-ubyte.gz",
                        "2c49aa1dbfd6d3dadab0c6e90d298130299a6bfaf4676864aee819d736f7fa6f");
    }

    @Test
    void environmentSettingsAreRead() {
        String before = System.getProperty("workbench.data");
        try {
            System.setProperty("workbench.data", dir.toString());
            assertThat(DatasetCatalog.Locations.fromEnvironment().workbenchData()).isEqualTo(dir);
            System.setProperty("workbench.data", "${env.WORKBENCH_DATA}");
            DatasetCatalog.Locations unset = DatasetCatalog.Locations.fromEnvironment();
            if (System.getenv("WORKBENCH_DATA") == null) {
                assertThat(unset.workbenchData()).isNull();
            }
            assertThat(
                            unset.userDatasets()
                                    .endsWith(Path.of(".deep-network-workbench", "datasets")))
                    .isTrue();
            assertThat(unset.decodedCache().endsWith(Path.of(".deep-network-workbench", "cache")))
                    .isTrue();
        } finally {
            if (before == null) {
                System.clearProperty("workbench.data");
            } else {
                System.setProperty("workbench.data", before);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
