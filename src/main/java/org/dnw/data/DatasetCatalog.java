package org.dnw.data;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds, reads and opens data sets. A built-in set is looked for, in this order:
 *
 * <ol>
 *   <li>under {@code $WORKBENCH_DATA} (system property {@code workbench.data} first, then the
 *       environment variable), in its folder: {@code mnist/}, {@code fashion-mnist/} (the four IDX
 *       files, gzip or unpacked), {@code cifar10/} ({@code cifar10-jpg.tar.gz} or {@code
 *       cifar-10-batches-bin/}), {@code wheat-seeds/seeds_dataset.txt};
 *   <li>in {@code ~/.deep-network-workbench/datasets/}, same layout;
 *   <li>for Fashion-MNIST, in {@code /usr/share/datasets/fashion-mnist} (Debian's {@code
 *       dataset-fashion-mnist});
 *   <li>in DJL's cache ({@code $DJL_CACHE_DIR} or {@code ~/.djl.ai}, then {@code
 *       cache/repo/dataset/cv/ai/djl/basicdataset/<mnist|fashmnist|cifar10>/1.0/}: unpacked IDX
 *       files; CIFAR-10 as {@code data_batch.bin} + {@code test_batch.bin});
 *   <li>otherwise, when a {@link DatasetDownloader} is given, allowed and the network answers, it
 *       is downloaded (into DJL's cache);
 *   <li>otherwise {@link #load} throws a {@link DataNotFoundException} that lists the files and
 *       every folder searched.
 * </ol>
 *
 * The MNIST sample is read from {@code assets/mnist-sample/} of the working directory (the
 * repository root under {@code mvn javafx:run} and the tests), or of the folders above the
 * workbench's own classes or jar. Where a set has no test split of its own (the wheat table, an
 * image folder without {@code train/} and {@code test/}), a seeded, stratified test share is drawn.
 *
 * <p>{@link #entries()} only looks at the file system (no reading, no network) and is cheap enough
 * for a UI to call when it shows the list; {@link #load} and {@link #open} read whole data sets and
 * block: call them off the FX thread. Immutable and thread-safe.
 */
public final class DatasetCatalog {

    /** Seed of the test split drawn where a source has none, unless told otherwise. */
    public static final long DEFAULT_SPLIT_SEED = 42;

    /** Share of the test split drawn where a source has none, unless told otherwise. */
    public static final double DEFAULT_TEST_SHARE = 0.2;

    /**
     * Where the catalog looks. Any folder may be null (not searched).
     *
     * @param workbenchData the data root named by {@code WORKBENCH_DATA}, or null when unset
     * @param userDatasets the user's own data root, normally {@code
     *     ~/.deep-network-workbench/datasets}
     * @param systemDatasets the system's data root, normally {@code /usr/share/datasets} (only
     *     Fashion-MNIST is looked for there)
     * @param djlCache DJL's cache root ({@code $DJL_CACHE_DIR} or {@code ~/.djl.ai})
     * @param sampleFolders candidate folders of the MNIST sample, in order
     * @param decodedCache where decoded image archives are kept, normally {@code
     *     ~/.deep-network-workbench/cache}; null for no cache
     */
    public record Locations(
            Path workbenchData,
            Path userDatasets,
            Path systemDatasets,
            Path djlCache,
            List<Path> sampleFolders,
            Path decodedCache) {

        public Locations {
            sampleFolders = sampleFolders == null ? List.of() : List.copyOf(sampleFolders);
        }

        /**
         * The locations this process is configured with: {@code workbench.data} / {@code
         * WORKBENCH_DATA}, {@code user.home}, {@code DJL_CACHE_DIR}, {@code user.dir} and the
         * location of the workbench's classes.
         */
        public static Locations fromEnvironment() {
            Path home = Path.of(System.getProperty("user.home", "."));
            Path workbenchHome = home.resolve(".deep-network-workbench");
            String djl = setting("DJL_CACHE_DIR", "DJL_CACHE_DIR");
            List<Path> samples = new ArrayList<>();
            samples.add(
                    Path.of(System.getProperty("user.dir", "."))
                            .toAbsolutePath()
                            .resolve("assets")
                            .resolve("mnist-sample"));
            Path code = codeLocation();
            for (int up = 0; code != null && up < 3; up++, code = code.getParent()) {
                Path candidate = code.resolve("assets").resolve("mnist-sample");
                if (!samples.contains(candidate)) {
                    samples.add(candidate);
                }
            }
            String data = setting("workbench.data", "WORKBENCH_DATA");
            return new Locations(
                    data == null ? null : Path.of(data),
                    workbenchHome.resolve("datasets"),
                    Path.of("/usr/share/datasets"),
                    djl == null ? home.resolve(".djl.ai") : Path.of(djl),
                    samples,
                    workbenchHome.resolve("cache"));
        }

        /** These locations with another {@code WORKBENCH_DATA} root (null: none). */
        public Locations withWorkbenchData(Path folder) {
            return new Locations(
                    folder, userDatasets, systemDatasets, djlCache, sampleFolders, decodedCache);
        }

        /** These locations with another decoded-image cache folder (null: no cache). */
        public Locations withDecodedCache(Path folder) {
            return new Locations(
                    workbenchData, userDatasets, systemDatasets, djlCache, sampleFolders, folder);
        }

        /** The system property, else the environment variable; null when neither is set. */
        private static String setting(String property, String variable) {
            String value = System.getProperty(property);
            if (isBlank(value)) {
                value = System.getenv(variable);
            }
            // An unset Maven property is passed on literally as "${env.X}".
            return isBlank(value) || value.contains("${") ? null : value.strip();
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        private static Path codeLocation() {
            try {
                CodeSource source = DatasetCatalog.class.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null) {
                    return null;
                }
                Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
                return Files.isRegularFile(p) ? p.getParent() : p;
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }
    }

    private final Locations locations;
    private final DatasetDownloader downloader;
    private final long splitSeed;
    private final double testShare;

    /**
     * @param locations where to look
     * @param downloader fetches missing sets; null for none
     * @param splitSeed seed of the test splits the catalog draws (wheat table, image folders
     *     without a test folder); kept apart from the training seed so that runs compare on one
     *     test set
     * @param testShare share of those test splits, in (0, 1)
     */
    public DatasetCatalog(
            Locations locations, DatasetDownloader downloader, long splitSeed, double testShare) {
        this.locations = Objects.requireNonNull(locations, "locations");
        this.downloader = downloader;
        this.splitSeed = splitSeed;
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("the test share must be between 0 and 1");
        }
        this.testShare = testShare;
    }

    /** Default seed (42) and test share (20 %). */
    public DatasetCatalog(Locations locations, DatasetDownloader downloader) {
        this(locations, downloader, DEFAULT_SPLIT_SEED, DEFAULT_TEST_SHARE);
    }

    /** The catalog of this process's environment ({@link Locations#fromEnvironment()}). */
    public static DatasetCatalog fromEnvironment(DatasetDownloader downloader) {
        return new DatasetCatalog(Locations.fromEnvironment(), downloader);
    }

    /** Where this catalog looks. */
    public Locations locations() {
        return locations;
    }

    /**
     * Where every built-in set stands, in {@link BuiltInDataset} order. Cheap: no reading, no
     * network.
     */
    public List<DatasetEntry> entries() {
        List<DatasetEntry> out = new ArrayList<>();
        for (BuiltInDataset d : BuiltInDataset.values()) {
            out.add(entry(d));
        }
        return out;
    }

    /** Where {@code dataset} stands. Cheap: no reading, no network. */
    public DatasetEntry entry(BuiltInDataset dataset) {
        DatasetSources.Source source = DatasetSources.locate(locations, dataset);
        if (source != null) {
            return new DatasetEntry(
                    dataset,
                    DatasetEntry.Availability.LOCAL,
                    source.location(),
                    dataset.displayName() + " is in " + source.location());
        }
        String reason = downloadBlocker(dataset);
        if (reason == null) {
            return new DatasetEntry(
                    dataset,
                    DatasetEntry.Availability.DOWNLOADABLE,
                    null,
                    dataset.displayName()
                            + " is not on this computer yet; it will be downloaded into "
                            + downloader.destination(dataset)
                            + " when first used (this needs the network)");
        }
        return new DatasetEntry(
                dataset,
                DatasetEntry.Availability.MISSING,
                null,
                DatasetSources.missingMessage(locations, dataset, reason));
    }

    /**
     * The folders searched for {@code dataset}, in order (the download's destination not included).
     */
    public List<Path> searchPath(BuiltInDataset dataset) {
        return DatasetSources.candidates(locations, dataset).stream()
                .map(DatasetSources.Candidate::folder)
                .toList();
    }

    /**
     * Reads {@code dataset} from the first place it is found, downloading it when it is found
     * nowhere and that is possible. Blocks; call it off the FX thread.
     *
     * @param progress hears reading and downloading
     * @throws DataNotFoundException when it is nowhere and cannot be downloaded now; the message
     *     says which files to put where
     * @throws DataFormatException naming the file when one is damaged or not what it should be
     */
    public LoadedDataset load(BuiltInDataset dataset, ProgressListener progress)
            throws DataFormatException {
        try {
            return loadUnguarded(dataset, progress);
        } catch (RuntimeException e) {
            // A reader bug must not reach the user as a stack trace or leave the caller broken.
            throw new DataFormatException(
                    null, dataset.displayName() + " could not be read (" + e + ")", e);
        }
    }

    private LoadedDataset loadUnguarded(BuiltInDataset dataset, ProgressListener progress)
            throws DataFormatException {
        DatasetSources.Source source = DatasetSources.locate(locations, dataset);
        if (source == null) {
            String reason = downloadBlocker(dataset);
            if (reason == null && !downloader.reachable()) {
                reason = "the download server did not answer (is this computer offline?)";
            }
            if (reason != null) {
                throw new DataNotFoundException(
                        DatasetSources.missingMessage(locations, dataset, reason),
                        searchPath(dataset));
            }
            Path folder;
            try {
                folder = downloader.download(dataset, progress);
            } catch (IOException | RuntimeException e) {
                throw new DataNotFoundException(
                        DatasetSources.missingMessage(
                                locations, dataset, "the download failed: " + e.getMessage()),
                        searchPath(dataset));
            }
            source = DatasetSources.sourceIn(dataset, folder);
            if (source == null) {
                throw new DataFormatException(
                        folder,
                        "the download of "
                                + dataset.displayName()
                                + " finished but its files are not in this folder");
            }
        }
        return read(dataset, source, progress);
    }

    /**
     * Opens a data set the user points at, the label column of a table guessed; see {@link
     * #open(Path, String, ProgressListener)}.
     */
    public LoadedDataset open(Path path, ProgressListener progress) throws DataFormatException {
        return open(path, null, progress);
    }

    /**
     * Opens a data set the user points at, judged by its content ({@link DataFormatDetector}): a
     * CIFAR-10 binary folder (or one of its batch files), or the release's {@code
     * cifar-10-binary.tar.gz}; a folder holding MNIST-style IDX files (one image/label pair, or a
     * train and a test pair), or one IDX file (its partner and, when present, the other split's
     * pair are found beside it); an image folder or a .zip/.tar.gz/.tgz/.tar of one; or a delimited
     * text table. Sets without a test split get a drawn one. The result's {@link
     * LoadedDataset#origin()} records the absolute path and a table's label column.
     *
     * @param labelColumn for a table, the label column as {@link TableReader.Options#labelColumn()}
     *     takes it (a header name or a number counting from 1); null to guess it; ignored for
     *     images
     * @throws DataFormatException naming the file when it is none of these or is damaged, saying
     *     what is wrong in the format it was detected as
     */
    public LoadedDataset open(Path path, String labelColumn, ProgressListener progress)
            throws DataFormatException {
        try {
            return openUnguarded(path, labelColumn, progress);
        } catch (RuntimeException e) {
            throw new DataFormatException(path, "could not be read (" + e + ")", e);
        }
    }

    /**
     * The columns of the table at {@code path} and its guessed label column, without reading its
     * rows; null when {@code path} is not a table. For offering the label-column choice, also when
     * opening it refused the guess.
     */
    public TableLayout tableLayout(Path path) {
        try {
            DataFormatDetector.Detection found = DataFormatDetector.detect(path);
            return found.format() == DataFormatDetector.Format.TABLE
                    ? TableReader.layout(found.path(), TableReader.Options.DEFAULT)
                    : null;
        } catch (DataFormatException | RuntimeException e) {
            return null;
        }
    }

    private LoadedDataset openUnguarded(Path path, String labelColumn, ProgressListener progress)
            throws DataFormatException {
        if (Files.isDirectory(path)) {
            List<String> sets = new ArrayList<>();
            for (BuiltInDataset d : BuiltInDataset.values()) {
                if (DatasetSources.sourceIn(d, path.resolve(d.folderName())) != null) {
                    sets.add(d.folderName() + "/");
                }
            }
            if (!sets.isEmpty()) {
                throw new DataFormatException(
                        path,
                        "holds data sets ("
                                + String.join(", ", sets)
                                + ") rather than one: open one of them, or set WORKBENCH_DATA to"
                                + " this folder to use them as the built-in sets");
            }
        }
        DataFormatDetector.Detection found = DataFormatDetector.detect(path);
        Path at = found.path();
        DataOrigin origin = new DataOrigin(path, null);
        return switch (found.format()) {
            case IDX -> idxDatasets().open(at, progress).withOrigin(origin);
            case CIFAR_BINARY_FOLDER ->
                    CifarBinaryReader.readFolder(at, progress).withOrigin(origin);
            case CIFAR_BINARY_ARCHIVE ->
                    CifarBinaryReader.readArchive(at, progress).withOrigin(origin);
            case IMAGE_FOLDER, IMAGE_ARCHIVE -> imageReader().read(at, progress).withOrigin(origin);
            case TABLE -> {
                TableReader.ReadTable table =
                        TableReader.readTable(
                                at, TableReader.Options.DEFAULT.withLabelColumn(labelColumn));
                yield drawnSplit(
                                IdxDatasets.stripExtension(at.getFileName().toString()),
                                table.samples(),
                                Checksums.sha256(at),
                                at)
                        .withOrigin(new DataOrigin(path, table.layout()));
            }
        };
    }

    private IdxDatasets idxDatasets() {
        return new IdxDatasets(testShare, splitSeed);
    }

    private ImageFolderReader imageReader() {
        return new ImageFolderReader(
                testShare, splitSeed, ImageFolderReader.defaultThreads(), locations.decodedCache());
    }

    // ---------------------------------------------------------------- reading a found source

    private LoadedDataset read(
            BuiltInDataset dataset, DatasetSources.Source source, ProgressListener progress)
            throws DataFormatException {
        String name = dataset.displayName();
        if (source instanceof DatasetSources.IdxSource idx) {
            return idxDatasets().read(name, idx, dataset.classNames(), progress);
        }
        if (source instanceof DatasetSources.CifarBinary binary) {
            return renamed(name, CifarBinaryReader.readFolder(binary.folder(), progress));
        }
        if (source instanceof DatasetSources.CifarArchive archive) {
            LoadedDataset read = imageReader().read(archive.file(), progress);
            if (!read.train().classNames().equals(dataset.classNames())) {
                throw new DataFormatException(
                        archive.file(),
                        "holds the classes "
                                + read.train().classNames()
                                + " but CIFAR-10 has "
                                + dataset.classNames());
            }
            return renamed(name, read);
        }
        DatasetSources.Table table = (DatasetSources.Table) source;
        TableSamples samples =
                TableReader.read(
                        table.file(),
                        TableReader.Options.DEFAULT
                                .withClassNames(dataset.classNames())
                                .withFeatureNames(dataset.featureNames()));
        return drawnSplit(name, samples, Checksums.sha256(table.file()), table.file());
    }

    private LoadedDataset drawnSplit(String name, TableSamples table, String sha, Path file) {
        int[][] parts =
                DataSplitter.stratified(table.labels(), table.classCount(), testShare, splitSeed);
        return new LoadedDataset(
                name,
                table.subset(parts[0]),
                table.subset(parts[1]),
                Map.of(file.getFileName().toString(), sha),
                file.toString(),
                true);
    }

    private static LoadedDataset renamed(String name, LoadedDataset d) {
        return new LoadedDataset(
                name, d.train(), d.test(), d.fileSha256(), d.source(), d.testSplitDrawn());
    }

    /**
     * Where DJL's basic-dataset repository keeps {@code dataset}: {@code <cache
     * root>/cache/repo/dataset/cv/ai/djl/basicdataset/<artifact>/1.0}.
     */
    public static Path djlFolder(Path djlCacheRoot, BuiltInDataset dataset) {
        return DatasetSources.djlFolder(djlCacheRoot, dataset);
    }

    /**
     * Null when a download can be tried; else why not, as the end of a sentence (empty when the set
     * is one no downloader fetches, so there is nothing to say).
     */
    private String downloadBlocker(BuiltInDataset dataset) {
        if (dataset.djlArtifactId() == null) {
            return "";
        }
        if (downloader == null || !downloader.supports(dataset)) {
            return "downloading is not available in this build";
        }
        return downloader.disabledReason();
    }
}
