package org.dnw.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads MNIST-style IDX image/label pairs into a data set: the four files of a built-in set, or the
 * folder or file the user points at (pairs found by magic number and name). Where there is no test
 * pair, a seeded, stratified test share is drawn. Immutable and thread-safe.
 */
final class IdxDatasets {

    private final double testShare;
    private final long splitSeed;

    IdxDatasets(double testShare, long splitSeed) {
        this.testShare = testShare;
        this.splitSeed = splitSeed;
    }

    /**
     * Reads a found set of IDX files; class names are the digits up to the largest label when
     * {@code classNames} is null.
     */
    LoadedDataset read(
            String name,
            DatasetSources.IdxSource idx,
            List<String> classNames,
            ProgressListener progress)
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
    LoadedDataset open(Path picked, ProgressListener progress) throws DataFormatException {
        boolean folderGiven = Files.isDirectory(picked);
        Path folder = folderGiven ? picked : picked.toAbsolutePath().getParent();
        List<IdxPair> pairs = idxPairs(folder, folderGiven ? null : picked);
        if (pairs.size() == 2) {
            IdxPair test = isTestName(pairs.get(0).images()) ? pairs.get(0) : pairs.get(1);
            IdxPair train = test == pairs.get(0) ? pairs.get(1) : pairs.get(0);
            if (isTestName(test.images()) && !isTestName(train.images())) {
                String name =
                        folder.getFileName() == null ? "IDX" : folder.getFileName().toString();
                return read(
                        name,
                        new DatasetSources.IdxSource(
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
        return read(
                name,
                new DatasetSources.IdxSource(folder, pair.images(), pair.labels(), null, null),
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

    static String stripExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".gz", ".txt", ".csv", ".tsv", ".dat", ".data")) {
            if (lower.endsWith(ext)) {
                return stripExtension(name.substring(0, name.length() - ext.length()));
            }
        }
        return name;
    }
}
