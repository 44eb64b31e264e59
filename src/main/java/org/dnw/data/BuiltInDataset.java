package org.dnw.data;

import java.util.List;

/**
 * The data sets the workbench knows by name, with their class names and the files each needs. The
 * files sit in a folder named {@link #folderName()} under a data root (see {@link DatasetCatalog}).
 */
public enum BuiltInDataset {
    /** Handwritten digits, 60,000 + 10,000 grey 28×28 images (Y. LeCun, C. Cortes, C. Burges). */
    MNIST("MNIST", "mnist", Names.DIGITS, List.of(), Names.IDX_FILES, "mnist"),
    /** 6,000 + 1,000 MNIST images (600 and 100 per digit) shipped in assets/mnist-sample/. */
    MNIST_SAMPLE("MNIST (sample)", "mnist-sample", Names.DIGITS, List.of(), Names.IDX_FILES, null),
    /** Zalando's clothing images, 60,000 + 10,000 grey 28×28. */
    FASHION_MNIST(
            "Fashion-MNIST",
            "fashion-mnist",
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot"),
            List.of(),
            Names.IDX_FILES,
            "fashmnist"),
    /** 50,000 + 10,000 colour 32×32 images of 10 classes (A. Krizhevsky). */
    CIFAR10(
            "CIFAR-10",
            "cifar10",
            CifarBinaryReader.CLASS_NAMES,
            List.of(),
            List.of("cifar10-jpg.tar.gz", "cifar-10-batches-bin/"),
            "cifar10"),
    /** UCI "seeds": 210 wheat kernels, 7 measured features, 3 varieties (Charytanowicz et al.). */
    WHEAT_SEEDS(
            "Wheat seeds (UCI)",
            "wheat-seeds",
            List.of("Kama", "Rosa", "Canadian"),
            List.of(
                    "area",
                    "perimeter",
                    "compactness",
                    "kernel length",
                    "kernel width",
                    "asymmetry coefficient",
                    "kernel groove length"),
            List.of("seeds_dataset.txt"),
            null);

    private final String displayName;
    private final String folderName;
    private final List<String> classNames;
    private final List<String> featureNames;
    private final List<String> expectedFiles;
    private final String djlArtifactId;

    BuiltInDataset(
            String displayName,
            String folderName,
            List<String> classNames,
            List<String> featureNames,
            List<String> expectedFiles,
            String djlArtifactId) {
        this.displayName = displayName;
        this.folderName = folderName;
        this.classNames = classNames;
        this.featureNames = featureNames;
        this.expectedFiles = expectedFiles;
        this.djlArtifactId = djlArtifactId;
    }

    /** The name a person sees, e.g. "Fashion-MNIST". */
    public String displayName() {
        return displayName;
    }

    /** The folder under a data root that holds the files, e.g. "fashion-mnist". */
    public String folderName() {
        return folderName;
    }

    /** Class names, index = label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Feature names of a table (wheat seeds), empty for images. */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * The files expected in {@link #folderName()}: the four IDX files (gzip, or unpacked without
     * {@code .gz}); for CIFAR-10 either the image-folder archive or the binary-release folder
     * (alternatives); for the wheat seeds the table.
     */
    public List<String> expectedFiles() {
        return expectedFiles;
    }

    /** True for image data sets, false for the table. */
    public boolean isImages() {
        return this != WHEAT_SEEDS;
    }

    /**
     * The artifact id of this set in DJL's basic-dataset repository ("mnist", "fashmnist",
     * "cifar10"), or null when DJL does not have it. Its cached files sit in {@code <DJL
     * cache>/cache/repo/dataset/cv/ai/djl/basicdataset/<id>/1.0/}.
     */
    public String djlArtifactId() {
        return djlArtifactId;
    }

    @Override
    public String toString() {
        return displayName;
    }

    /**
     * The data set a name stands for: its display name (as recorded in a run's manifest), its
     * folder name, its constant name, or a short alias a user types ("cifar", "fashion", "seeds",
     * "sample"); case, spaces, dashes, underscores and brackets are ignored.
     *
     * @return the data set, or null when the name stands for none
     */
    public static BuiltInDataset byName(String name) {
        String wanted = normalise(name);
        for (BuiltInDataset d : values()) {
            if (normalise(d.name()).equals(wanted)
                    || normalise(d.displayName).equals(wanted)
                    || normalise(d.folderName).equals(wanted)) {
                return d;
            }
        }
        return switch (wanted) {
            case "cifar" -> CIFAR10;
            case "seeds", "wheat", "wheatseeds", "seedsdataset" -> WHEAT_SEEDS;
            case "fashion" -> FASHION_MNIST;
            case "sample" -> MNIST_SAMPLE;
            default -> null;
        };
    }

    private static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_()-]", "");
    }

    private static final class Names {
        static final List<String> DIGITS =
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        static final List<String> IDX_FILES =
                List.of(
                        "train-images-idx3-ubyte.gz",
                        "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz");
    }
}
