package org.dnw.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the built-in sets are looked for (see {@link DatasetCatalog}), the files that make one up
 * in a folder, and the message that says what to put where when a set is found nowhere. Only looks
 * at the file system: no reading, no network.
 */
final class DatasetSources {

    private static final List<String> IDX_BASES =
            List.of(
                    "train-images-idx3-ubyte",
                    "train-labels-idx1-ubyte",
                    "t10k-images-idx3-ubyte",
                    "t10k-labels-idx1-ubyte");
    private static final String CIFAR_ARCHIVE = "cifar10-jpg.tar.gz";
    private static final String CIFAR_BINARY_FOLDER = "cifar-10-batches-bin";
    private static final String WHEAT_FILE = "seeds_dataset.txt";

    private DatasetSources() {}

    sealed interface Source permits IdxSource, CifarBinary, CifarArchive, Table {
        Path location();
    }

    record IdxSource(
            Path folder, Path trainImages, Path trainLabels, Path testImages, Path testLabels)
            implements Source {
        @Override
        public Path location() {
            return folder;
        }
    }

    record CifarBinary(Path folder) implements Source {
        @Override
        public Path location() {
            return folder;
        }
    }

    record CifarArchive(Path file) implements Source {
        @Override
        public Path location() {
            return file;
        }
    }

    record Table(Path file) implements Source {
        @Override
        public Path location() {
            return file;
        }
    }

    /** A folder to look in and why it is on the list. */
    record Candidate(Path folder, String why) {}

    static List<Candidate> candidates(DatasetCatalog.Locations locations, BuiltInDataset dataset) {
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
    static Path djlFolder(Path djlCacheRoot, BuiltInDataset dataset) {
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

    static Source locate(DatasetCatalog.Locations locations, BuiltInDataset dataset) {
        for (Candidate c : candidates(locations, dataset)) {
            Source s = sourceIn(dataset, c.folder());
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    static Source sourceIn(BuiltInDataset dataset, Path folder) {
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

    static String missingMessage(
            DatasetCatalog.Locations locations, BuiltInDataset dataset, String reason) {
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
        List<Candidate> candidates = candidates(locations, dataset);
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
