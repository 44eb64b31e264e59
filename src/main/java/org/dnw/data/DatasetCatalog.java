package org.dnw.data;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    private static final List<String> IDX_BASES =
            List.of(
                    "train-images-idx3-ubyte",
                    "train-labels-idx1-ubyte",
                    "t10k-images-idx3-ubyte",
                    "t10k-labels-idx1-ubyte");
    private static final String CIFAR_ARCHIVE = "cifar10-jpg.tar.gz";
    private static final String CIFAR_BINARY_FOLDER = "cifar-10-batches-bin";
    private static final String WHEAT_FILE = "seeds_dataset.txt";

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
        Source source = locate(dataset);
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
                dataset, DatasetEntry.Availability.MISSING, null, missingMessage(dataset, reason));
    }

    /**
     * The folders searched for {@code dataset}, in order (the download's destination not included).
     */
    public List<Path> searchPath(BuiltInDataset dataset) {
        return candidates(dataset).stream().map(Candidate::folder).toList();
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
        Source source = locate(dataset);
        if (source == null) {
            String reason = downloadBlocker(dataset);
            if (reason == null && !downloader.reachable()) {
                reason = "the download server did not answer (is this computer offline?)";
            }
            if (reason != null) {
                throw new DataNotFoundException(
                        missingMessage(dataset, reason), searchPath(dataset));
            }
            Path folder;
            try {
                folder = downloader.download(dataset, progress);
            } catch (IOException | RuntimeException e) {
                throw new DataNotFoundException(
                        missingMessage(dataset, "the download failed: " + e.getMessage()),
                        searchPath(dataset));
            }
            source = sourceIn(dataset, folder);
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
                if (sourceIn(d, path.resolve(d.folderName())) != null) {
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
            case IDX -> openIdx(at, progress).withOrigin(origin);
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
                                stripExtension(at.getFileName().toString()),
                                table.samples(),
                                Checksums.sha256(at),
                                at)
                        .withOrigin(new DataOrigin(path, table.layout()));
            }
        };
    }

    private ImageFolderReader imageReader() {
        return new ImageFolderReader(
                testShare, splitSeed, ImageFolderReader.defaultThreads(), locations.decodedCache());
    }

    // ---------------------------------------------------------------- reading a found source

    private LoadedDataset read(BuiltInDataset dataset, Source source, ProgressListener progress)
            throws DataFormatException {
        String name = dataset.displayName();
        if (source instanceof IdxSource idx) {
            return readIdx(name, idx, dataset.classNames(), progress);
        }
        if (source instanceof CifarBinary binary) {
            return renamed(name, CifarBinaryReader.readFolder(binary.folder(), progress));
        }
        if (source instanceof CifarArchive archive) {
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
        Table table = (Table) source;
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

    private LoadedDataset readIdx(
            String name, IdxSource idx, List<String> classNames, ProgressListener progress)
            throws DataFormatException {
        List<String> names = classNames;
        if (names == null) {
            int max = 0;
            for (int label : IdxReader.readLabels(idx.trainLabels())) {
                max = Math.max(max, label);
            }
            if (idx.testLabels() != null) {
                for (int label : IdxReader.readLabels(idx.testLabels())) {
                    max = Math.max(max, label);
                }
            }
            List<String> generated = new ArrayList<>();
            for (int c = 0; c <= max; c++) {
                generated.add(Integer.toString(c));
            }
            names = generated;
        }
        ImageSamples train = IdxReader.read(idx.trainImages(), idx.trainLabels(), names, progress);
        Map<String, String> sums = new LinkedHashMap<>();
        sums.putAll(Checksums.sha256(idx.trainImages(), idx.trainLabels()));
        if (idx.testImages() == null) {
            int[][] parts =
                    DataSplitter.stratified(
                            train.labels(), train.classCount(), testShare, splitSeed);
            return new LoadedDataset(
                    name,
                    train.subset(parts[0]),
                    train.subset(parts[1]),
                    sums,
                    idx.folder().toString(),
                    true);
        }
        ImageSamples test = IdxReader.read(idx.testImages(), idx.testLabels(), names, progress);
        if (test.height() != train.height() || test.width() != train.width()) {
            throw new DataFormatException(
                    idx.testImages(),
                    "holds "
                            + test.height()
                            + "×"
                            + test.width()
                            + " images but "
                            + idx.trainImages().getFileName()
                            + " holds "
                            + train.height()
                            + "×"
                            + train.width());
        }
        sums.putAll(Checksums.sha256(idx.testImages(), idx.testLabels()));
        return new LoadedDataset(name, train, test, sums, idx.folder().toString(), false);
    }

    /**
     * Reads the IDX files of a folder, or the pair (and, when it is one half of a train/test set,
     * the whole set) of one picked IDX file. Files are told apart by their magic numbers, paired by
     * name (…-images-idx3… with …-labels-idx1…), and the pair whose name starts with "t10k" or
     * "test" is the test split.
     */
    private LoadedDataset openIdx(Path picked, ProgressListener progress)
            throws DataFormatException {
        boolean folderGiven = Files.isDirectory(picked);
        Path folder = folderGiven ? picked : picked.toAbsolutePath().getParent();
        List<IdxPair> pairs = idxPairs(folder, folderGiven ? null : picked);
        if (pairs.size() == 2) {
            IdxPair test = isTestName(pairs.get(0).images()) ? pairs.get(0) : pairs.get(1);
            IdxPair train = test == pairs.get(0) ? pairs.get(1) : pairs.get(0);
            if (isTestName(test.images()) && !isTestName(train.images())) {
                String name =
                        folder.getFileName() == null ? "IDX" : folder.getFileName().toString();
                return readIdx(
                        name,
                        new IdxSource(
                                folder,
                                train.images(),
                                train.labels(),
                                test.images(),
                                test.labels()),
                        null,
                        progress);
            }
            if (folderGiven) {
                throw new DataFormatException(
                        folder,
                        "this folder holds two pairs of MNIST-style IDX files ("
                                + pairs.get(0).images().getFileName()
                                + " and "
                                + pairs.get(1).images().getFileName()
                                + "), but the name of neither says it is the test split: name the"
                                + " test pair t10k-… or test-…");
            }
        }
        if (pairs.size() > 2 && folderGiven) {
            throw new DataFormatException(
                    folder,
                    "this folder holds "
                            + pairs.size()
                            + " pairs of MNIST-style IDX files; it should hold one pair, or a"
                            + " training pair and a test pair (t10k-…)");
        }
        IdxPair pair = pairs.get(0);
        if (!folderGiven) {
            Path p = picked.toAbsolutePath();
            for (IdxPair candidate : pairs) {
                if (candidate.images().equals(p) || candidate.labels().equals(p)) {
                    pair = candidate;
                }
            }
        }
        String images = pair.images().getFileName().toString();
        String name = stripExtension(images).replace("-images", "").replace("-idx3-ubyte", "");
        return readIdx(
                name,
                new IdxSource(folder, pair.images(), pair.labels(), null, null),
                null,
                progress);
    }

    /** An IDX image file and its label file. */
    private record IdxPair(Path images, Path labels) {}

    /**
     * The IDX pairs in {@code folder}, each image file with its label file. A file counts as IDX by
     * its magic number, or by its name when it is damaged.
     *
     * @param picked the file the user picked, or null for the whole folder
     * @throws DataFormatException saying which partner file is missing
     */
    private static List<IdxPair> idxPairs(Path folder, Path picked) throws DataFormatException {
        Map<String, Path> images = new java.util.TreeMap<>();
        Map<String, Path> labels = new java.util.TreeMap<>();
        try (var entries = Files.list(folder)) {
            for (Path p : entries.sorted().toList()) {
                String file = p.getFileName().toString();
                if (!Files.isRegularFile(p) || ReadSupport.isHidden(file)) {
                    continue;
                }
                DataFormatDetector.FileKind kind = DataFormatDetector.sniff(p);
                String stem = stripGz(file);
                boolean image =
                        kind == DataFormatDetector.FileKind.IDX_IMAGES
                                || (kind != DataFormatDetector.FileKind.IDX_LABELS
                                        && DataFormatDetector.isIdxName(file)
                                        && file.contains("idx3"));
                boolean label =
                        kind == DataFormatDetector.FileKind.IDX_LABELS
                                || (kind != DataFormatDetector.FileKind.IDX_IMAGES
                                        && DataFormatDetector.isIdxName(file)
                                        && file.contains("idx1"));
                if (image) {
                    images.put(stem, p.toAbsolutePath());
                } else if (label) {
                    labels.put(stem, p.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw ReadSupport.unreadable(folder, e);
        }
        List<IdxPair> pairs = new ArrayList<>();
        List<String> lonelyImages = new ArrayList<>();
        for (Map.Entry<String, Path> e : images.entrySet()) {
            Path partner = labels.remove(partnerName(e.getKey(), true));
            if (partner != null) {
                pairs.add(new IdxPair(e.getValue(), partner));
            } else {
                lonelyImages.add(e.getKey());
            }
        }
        if (lonelyImages.size() == 1 && labels.size() == 1) {
            // One pair named some other way: the content says which is which.
            pairs.add(
                    new IdxPair(
                            images.get(lonelyImages.get(0)), labels.values().iterator().next()));
            lonelyImages.clear();
            labels.clear();
        }
        String pickedStem = picked == null ? null : stripGz(picked.getFileName().toString());
        List<String> problems = new ArrayList<>();
        for (String stem : lonelyImages) {
            if (pickedStem == null || pickedStem.equals(stem)) {
                problems.add("the labels file " + partnerName(stem, true) + " is missing");
            }
        }
        for (String stem : labels.keySet()) {
            if (pickedStem == null || pickedStem.equals(stem)) {
                problems.add("the images file " + partnerName(stem, false) + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFormatException(
                    folder,
                    "this folder holds MNIST-style IDX files but "
                            + String.join(", and ", problems));
        }
        if (pairs.isEmpty()) {
            throw new DataFormatException(folder, "holds no IDX image and label files");
        }
        return pairs;
    }

    /** The partner's name (without .gz) of an IDX images file ({@code ofImages}) or labels file. */
    private static String partnerName(String stem, boolean ofImages) {
        return ofImages
                ? stem.replace("images", "labels").replace("idx3", "idx1")
                : stem.replace("labels", "images").replace("idx1", "idx3");
    }

    private static String stripGz(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz")
                ? name.substring(0, name.length() - 3)
                : name;
    }

    private static boolean isTestName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith("t10k") || n.startsWith("test");
    }

    private static String stripExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".gz", ".txt", ".csv", ".tsv", ".dat", ".data")) {
            if (lower.endsWith(ext)) {
                return stripExtension(name.substring(0, name.length() - ext.length()));
            }
        }
        return name;
    }

    // ---------------------------------------------------------------- finding

    private sealed interface Source permits IdxSource, CifarBinary, CifarArchive, Table {
        Path location();
    }

    private record IdxSource(
            Path folder, Path trainImages, Path trainLabels, Path testImages, Path testLabels)
            implements Source {
        @Override
        public Path location() {
            return folder;
        }
    }

    private record CifarBinary(Path folder) implements Source {
        @Override
        public Path location() {
            return folder;
        }
    }

    private record CifarArchive(Path file) implements Source {
        @Override
        public Path location() {
            return file;
        }
    }

    private record Table(Path file) implements Source {
        @Override
        public Path location() {
            return file;
        }
    }

    /** A folder to look in and why it is on the list. */
    private record Candidate(Path folder, String why) {}

    private List<Candidate> candidates(BuiltInDataset dataset) {
        List<Candidate> out = new ArrayList<>();
        if (dataset == BuiltInDataset.MNIST_SAMPLE) {
            for (Path p : locations.sampleFolders()) {
                out.add(new Candidate(p, "the sample shipped with the workbench"));
            }
            return out;
        }
        String folder = dataset.folderName();
        if (locations.workbenchData() != null) {
            out.add(new Candidate(locations.workbenchData().resolve(folder), "WORKBENCH_DATA"));
        }
        if (locations.userDatasets() != null) {
            out.add(new Candidate(locations.userDatasets().resolve(folder), "your data folder"));
        }
        if (dataset == BuiltInDataset.FASHION_MNIST && locations.systemDatasets() != null) {
            out.add(
                    new Candidate(
                            locations.systemDatasets().resolve("fashion-mnist"),
                            "Debian's dataset-fashion-mnist package"));
        }
        if (dataset.djlArtifactId() != null && locations.djlCache() != null) {
            out.add(
                    new Candidate(
                            djlFolder(locations.djlCache(), dataset), "DJL's download cache"));
        }
        return out;
    }

    /**
     * Where DJL's basic-dataset repository keeps {@code dataset}: {@code <cache
     * root>/cache/repo/dataset/cv/ai/djl/basicdataset/<artifact>/1.0}.
     */
    public static Path djlFolder(Path djlCacheRoot, BuiltInDataset dataset) {
        return djlCacheRoot
                .resolve("cache")
                .resolve("repo")
                .resolve("dataset")
                .resolve("cv")
                .resolve("ai")
                .resolve("djl")
                .resolve("basicdataset")
                .resolve(Objects.requireNonNull(dataset.djlArtifactId(), "not in DJL"))
                .resolve("1.0");
    }

    private Source locate(BuiltInDataset dataset) {
        for (Candidate c : candidates(dataset)) {
            Source s = sourceIn(dataset, c.folder());
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static Source sourceIn(BuiltInDataset dataset, Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        switch (dataset) {
            case CIFAR10 -> {
                Path binary = folder.resolve(CIFAR_BINARY_FOLDER);
                if (CifarBinaryReader.isCifarFolder(binary)) {
                    return new CifarBinary(binary);
                }
                if (CifarBinaryReader.isCifarFolder(folder)) {
                    return new CifarBinary(folder);
                }
                Path archive = folder.resolve(CIFAR_ARCHIVE);
                return Files.isRegularFile(archive) ? new CifarArchive(archive) : null;
            }
            case WHEAT_SEEDS -> {
                Path file = folder.resolve(WHEAT_FILE);
                return Files.isRegularFile(file) ? new Table(file) : null;
            }
            default -> {
                return idxIn(folder);
            }
        }
    }

    /** The four MNIST-named IDX files in {@code folder} (each gzip or unpacked), or null. */
    private static IdxSource idxIn(Path folder) {
        Path[] files = new Path[4];
        for (int i = 0; i < 4; i++) {
            files[i] = idxFile(folder, IDX_BASES.get(i));
            if (files[i] == null) {
                return null;
            }
        }
        return new IdxSource(folder, files[0], files[1], files[2], files[3]);
    }

    private static Path idxFile(Path folder, String base) {
        Path gz = folder.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = folder.resolve(base);
        return Files.isRegularFile(raw) ? raw : null;
    }

    // ---------------------------------------------------------------- messages

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

    private String missingMessage(BuiltInDataset dataset, String reason) {
        StringBuilder m = new StringBuilder();
        m.append(dataset.displayName()).append(" is not on this computer");
        if (reason != null && !reason.isEmpty()) {
            m.append(", and ")
                    .append(
                            reason.endsWith(".")
                                    ? reason.substring(0, reason.length() - 1)
                                    : reason);
        }
        m.append(". Put ").append(filesSentence(dataset));
        List<Candidate> candidates = candidates(dataset);
        m.append(
                candidates.size() == 1
                        ? " into this folder:"
                        : " into one of these folders (searched in this order):");
        for (Candidate c : candidates) {
            m.append("\n  ").append(c.folder()).append("  (").append(c.why());
            String partial = partial(dataset, c.folder());
            if (partial != null) {
                m.append("; ").append(partial);
            }
            m.append(')');
        }
        if (dataset == BuiltInDataset.MNIST_SAMPLE) {
            m.append(
                    "\nThe sample ships in the workbench's assets/mnist-sample/ folder: start the"
                            + " workbench from the folder that holds assets/.");
        } else if (locations.workbenchData() == null) {
            m.append("\nOr set WORKBENCH_DATA (or -Dworkbench.data=…) to a folder that holds ")
                    .append(dataset.folderName())
                    .append("/ with them.");
        }
        return m.toString();
    }

    private static String filesSentence(BuiltInDataset dataset) {
        return switch (dataset) {
            case CIFAR10 ->
                    "cifar10-jpg.tar.gz (an image-folder archive: train/<class>/*.jpg and"
                            + " test/<class>/*.jpg), or the folder cifar-10-batches-bin/ of the official"
                            + " binary release (data_batch_1.bin … data_batch_5.bin and test_batch.bin),";
            case WHEAT_SEEDS ->
                    "seeds_dataset.txt (the UCI seeds table: 7 measurements and the"
                            + " class 1–3 on each row)";
            default ->
                    "the four files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                            + " t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (gzip-compressed or"
                            + " unpacked)";
        };
    }

    /** A note on a folder that holds some but not all of what is needed; null otherwise. */
    private static String partial(BuiltInDataset dataset, Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        switch (dataset) {
            case CIFAR10 -> {
                Path binary = folder.resolve(CIFAR_BINARY_FOLDER);
                if (Files.isDirectory(binary) && CifarBinaryReader.hasAnyBatch(binary)) {
                    List<String> missing = new ArrayList<>();
                    for (String n : CifarBinaryReader.TRAIN_FILES) {
                        if (!Files.isRegularFile(binary.resolve(n))) {
                            missing.add(n);
                        }
                    }
                    if (!Files.isRegularFile(binary.resolve(CifarBinaryReader.TEST_FILE))) {
                        missing.add(CifarBinaryReader.TEST_FILE);
                    }
                    return "it exists, but "
                            + CIFAR_BINARY_FOLDER
                            + "/ lacks "
                            + String.join(", ", missing);
                }
                return "it exists, but holds neither file";
            }
            case WHEAT_SEEDS -> {
                return "it exists, but holds no " + WHEAT_FILE;
            }
            default -> {
                List<String> missing = new ArrayList<>();
                for (String base : IDX_BASES) {
                    if (idxFile(folder, base) == null) {
                        missing.add(base + ".gz");
                    }
                }
                return missing.size() == IDX_BASES.size()
                        ? "it exists, but holds none of them"
                        : "it exists, but lacks " + String.join(", ", missing);
            }
        }
    }
}
