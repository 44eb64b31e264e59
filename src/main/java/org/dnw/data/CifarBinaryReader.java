package org.dnw.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the official CIFAR-10 binary release: a folder {@code cifar-10-batches-bin/} with {@code
 * data_batch_1.bin} … {@code data_batch_5.bin} (training, 10,000 images each) and {@code
 * test_batch.bin} (10,000). Each record is 1 label byte (0–9) and 3,072 pixel bytes: the red plane,
 * then green, then blue, each 32×32 row-major, which is already the channel-first layout of {@link
 * ImageSamples}. Also reads DJL's cached copy, which joins the five training batches into one
 * {@code data_batch.bin}. Stateless and thread-safe.
 */
public final class CifarBinaryReader {

    /** Class names, index = label. */
    public static final List<String> CLASS_NAMES =
            List.of(
                    "airplane",
                    "automobile",
                    "bird",
                    "cat",
                    "deer",
                    "dog",
                    "frog",
                    "horse",
                    "ship",
                    "truck");

    /** The training batch files of the official release, in order. */
    public static final List<String> TRAIN_FILES =
            List.of(
                    "data_batch_1.bin",
                    "data_batch_2.bin",
                    "data_batch_3.bin",
                    "data_batch_4.bin",
                    "data_batch_5.bin");

    /** The test batch file. */
    public static final String TEST_FILE = "test_batch.bin";

    /** The class names' file of the release, one name a line. */
    public static final String META_FILE = "batches.meta.txt";

    /** DJL's single training file (the five batches joined). */
    static final String DJL_TRAIN_FILE = "data_batch.bin";

    /** Bytes per record: 1 label + 3 × 32 × 32 pixels. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

    private static final int SIDE = 32;
    private static final int IMAGE_BYTES = 3 * SIDE * SIDE;

    private CifarBinaryReader() {}

    /**
     * Reads a CIFAR-10 binary folder: the official batches, or DJL's {@code data_batch.bin} and
     * {@code test_batch.bin}. When the folder holds {@code batches.meta.txt}, its lines name the
     * classes.
     *
     * @throws DataFormatException naming the folder and the missing batch files, or the file at
     *     fault
     */
    public static LoadedDataset readFolder(Path folder, ProgressListener progress)
            throws DataFormatException {
        List<Path> trainFiles = trainFiles(folder);
        Path test = folder.resolve(TEST_FILE);
        List<String> missing = new ArrayList<>();
        if (trainFiles.isEmpty()) {
            for (String name : TRAIN_FILES) {
                if (!Files.isRegularFile(folder.resolve(name))) {
                    missing.add(name);
                }
            }
        }
        if (!Files.isRegularFile(test)) {
            missing.add(TEST_FILE);
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(
                    folder,
                    "this CIFAR-10 binary folder lacks "
                            + String.join(", ", missing)
                            + " (a complete one holds "
                            + String.join(", ", TRAIN_FILES)
                            + " and "
                            + TEST_FILE
                            + ")");
        }
        List<String> classNames = CLASS_NAMES;
        Path meta = folder.resolve(META_FILE);
        if (Files.isRegularFile(meta)) {
            try {
                classNames = classNames(Files.readAllBytes(meta), meta);
            } catch (IOException e) {
                throw ReadSupport.unreadable(meta, e);
            }
        }
        ImageSamples train = read(trainFiles, progress).withClassNames(classNames);
        ImageSamples testSamples = read(List.of(test), progress).withClassNames(classNames);
        List<Path> all = new ArrayList<>(trainFiles);
        all.add(test);
        Map<String, String> sums = Checksums.sha256(all.toArray(Path[]::new));
        return new LoadedDataset("CIFAR-10", train, testSamples, sums, folder.toString(), false);
    }

    /**
     * Reads the CIFAR-10 binary release as downloaded, {@code cifar-10-binary.tar.gz} (a gzip tar
     * holding {@code cifar-10-batches-bin/}), streaming it: nothing is unpacked to disk. The batch
     * files may sit in any one folder of the archive; {@code batches.meta.txt} names the classes
     * when present.
     *
     * @throws DataFormatException naming the archive and what it lacks or what is damaged in it
     */
    public static LoadedDataset readArchive(Path archive, ProgressListener progress)
            throws DataFormatException {
        Map<String, Part> parts = new TreeMap<>();
        List<String> classNames = CLASS_NAMES;
        String stage = "Reading " + archive.getFileName();
        long total;
        try {
            total = Files.size(archive);
        } catch (IOException e) {
            throw ReadSupport.unreadable(archive, e);
        }
        progress.progress(stage, 0, total);
        try (ReadSupport.CountingInputStream counted =
                        new ReadSupport.CountingInputStream(Files.newInputStream(archive));
                InputStream raw = new BufferedInputStream(counted, 1 << 16);
                InputStream unpacked = new GzipCompressorInputStream(raw);
                TarArchiveInputStream tar = new TarArchiveInputStream(unpacked)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (base.equals(META_FILE)) {
                    byte[] text = tar.readNBytes((int) Math.min(entry.getSize(), 1 << 16));
                    classNames = classNames(text, archive);
                } else if (base.equals(TEST_FILE)
                        || base.equals(DJL_TRAIN_FILE)
                        || TRAIN_FILES.contains(base)) {
                    parts.put(
                            base,
                            records(tar, entry.getSize(), archive, name, ProgressListener.NONE));
                }
                progress.progress(stage, counted.count(), total);
            }
        } catch (IOException e) {
            throw new DataFormatException(
                    archive,
                    "is a damaged or truncated gzip tar archive (" + e.getMessage() + ")",
                    e);
        }
        progress.progress(stage, total, total);
        List<String> missing = new ArrayList<>();
        List<Part> train = new ArrayList<>();
        if (parts.containsKey(DJL_TRAIN_FILE)
                && !TRAIN_FILES.stream().allMatch(parts::containsKey)) {
            train.add(parts.get(DJL_TRAIN_FILE));
        } else {
            for (String n : TRAIN_FILES) {
                if (parts.containsKey(n)) {
                    train.add(parts.get(n));
                } else {
                    missing.add(n);
                }
            }
        }
        if (!parts.containsKey(TEST_FILE)) {
            missing.add(TEST_FILE);
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(
                    archive,
                    (parts.isEmpty()
                                    ? "holds no CIFAR-10 batch files"
                                    : "this CIFAR-10 binary archive lacks "
                                            + String.join(", ", missing))
                            + " (the release holds cifar-10-batches-bin/ with "
                            + String.join(", ", TRAIN_FILES)
                            + " and "
                            + TEST_FILE
                            + ")");
        }
        ImageSamples trainSamples = join(train, archive).withClassNames(classNames);
        ImageSamples testSamples =
                join(List.of(parts.get(TEST_FILE)), archive).withClassNames(classNames);
        return new LoadedDataset(
                "CIFAR-10",
                trainSamples,
                testSamples,
                Map.of(archive.getFileName().toString(), Checksums.sha256(archive)),
                archive.toString(),
                false);
    }

    /**
     * True when the gzip tar {@code archive}'s first file is a CIFAR-10 batch or {@code
     * batches.meta.txt}: the binary release rather than an image archive. Reads only the start.
     */
    static boolean isCifarArchive(Path archive) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                InputStream unpacked = new GzipCompressorInputStream(raw);
                TarArchiveInputStream tar = new TarArchiveInputStream(unpacked)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    String name = entry.getName();
                    String base = name.substring(name.lastIndexOf('/') + 1);
                    return base.equals(META_FILE)
                            || base.equals(TEST_FILE)
                            || base.equals(DJL_TRAIN_FILE)
                            || TRAIN_FILES.contains(base);
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Class names from {@code batches.meta.txt}: its non-blank lines, which must be ten. */
    private static List<String> classNames(byte[] text, Path file) throws DataFormatException {
        List<String> names = new ArrayList<>();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != CLASS_NAMES.size()) {
            throw new DataFormatException(
                    file,
                    META_FILE
                            + " names "
                            + names.size()
                            + " classes, but CIFAR-10 has "
                            + CLASS_NAMES.size()
                            + " (one name a line)");
        }
        return List.copyOf(names);
    }

    /**
     * True when {@code folder} holds the test batch and either the five official training batches
     * or DJL's joined one: what {@link #readFolder} needs.
     */
    public static boolean isCifarFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(TEST_FILE)) && !trainFiles(folder).isEmpty();
    }

    /** True when {@code folder} holds at least one file of the release (complete or not). */
    static boolean hasAnyBatch(Path folder) {
        if (Files.isRegularFile(folder.resolve(TEST_FILE))
                || Files.isRegularFile(folder.resolve(DJL_TRAIN_FILE))) {
            return true;
        }
        return TRAIN_FILES.stream().anyMatch(n -> Files.isRegularFile(folder.resolve(n)));
    }

    private static List<Path> trainFiles(Path folder) {
        List<Path> official = new ArrayList<>();
        for (String name : TRAIN_FILES) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                official.add(p);
            }
        }
        if (official.size() == TRAIN_FILES.size()) {
            return official;
        }
        Path djl = folder.resolve(DJL_TRAIN_FILE);
        return Files.isRegularFile(djl) ? List.of(djl) : List.of();
    }

    /**
     * Reads and joins batch files, in order, into 3 × 32 × 32 images.
     *
     * @throws DataFormatException naming the file that is missing, empty, not a whole number of
     *     3,073-byte records, or holds a label above 9
     */
    public static ImageSamples read(List<Path> files, ProgressListener progress)
            throws DataFormatException {
        List<Part> parts = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(file, "not found at " + file.toAbsolutePath());
            }
            try (InputStream in = Files.newInputStream(file)) {
                parts.add(
                        records(
                                in,
                                Files.size(file),
                                file,
                                file.getFileName().toString(),
                                progress));
            } catch (IOException e) {
                throw ReadSupport.unreadable(file, e);
            }
        }
        return join(parts, files.get(0));
    }

    /** Labels and pixels of one batch file. */
    private record Part(int[] labels, byte[] pixels) {}

    /**
     * Reads {@code size} bytes of records from {@code in}.
     *
     * @param file the file (or archive) named in messages
     * @param name the batch file's name, for messages within an archive
     */
    private static Part records(
            InputStream in, long size, Path file, String name, ProgressListener progress)
            throws IOException, DataFormatException {
        String where = name.equals(file.getFileName().toString()) ? "" : name + " ";
        if (size == 0) {
            throw new DataFormatException(file, where + "is empty");
        }
        if (size % RECORD_BYTES != 0) {
            throw new DataFormatException(
                    file,
                    where
                            + "holds "
                            + size
                            + " bytes, which is not a whole number of "
                            + RECORD_BYTES
                            + "-byte records (1 label byte + 3,072 pixel bytes): it is"
                            + " truncated or not a CIFAR-10 batch");
        }
        if (size / RECORD_BYTES * IMAGE_BYTES > ReadSupport.MAX_ARRAY) {
            throw new DataFormatException(file, where + "holds too many images for one array");
        }
        int inFile = (int) (size / RECORD_BYTES);
        byte[] pixels = ReadSupport.bytes((long) inFile * IMAGE_BYTES, file, "the CIFAR-10 images");
        int[] labels = new int[inFile];
        byte[] record = new byte[RECORD_BYTES * 256];
        String stage = "Reading " + name;
        progress.progress(stage, 0, inFile);
        int done = 0;
        while (done < inFile) {
            int batch = Math.min(256, inFile - done);
            int want = batch * RECORD_BYTES;
            int got = in.readNBytes(record, 0, want);
            if (got < want) {
                throw new DataFormatException(
                        file,
                        where
                                + "ends early, after "
                                + (done + got / RECORD_BYTES)
                                + " of its "
                                + inFile
                                + " records");
            }
            for (int r = 0; r < batch; r++) {
                int off = r * RECORD_BYTES;
                int label = record[off] & 0xFF;
                if (label > 9) {
                    throw new DataFormatException(
                            file,
                            where
                                    + "record "
                                    + (done + r + 1)
                                    + " has label "
                                    + label
                                    + ", but CIFAR-10 labels are 0 to 9: this is not a"
                                    + " CIFAR-10 batch (CIFAR-100 records are 3,074 bytes)");
                }
                labels[done + r] = label;
                System.arraycopy(record, off + 1, pixels, (done + r) * IMAGE_BYTES, IMAGE_BYTES);
            }
            done += batch;
            progress.progress(stage, done, inFile);
        }
        return new Part(labels, pixels);
    }

    private static ImageSamples join(List<Part> parts, Path file) throws DataFormatException {
        if (parts.size() == 1) {
            Part p = parts.get(0);
            return new ImageSamples(3, SIDE, SIDE, p.pixels(), p.labels(), CLASS_NAMES);
        }
        long total = 0;
        for (Part p : parts) {
            total += p.labels().length;
        }
        int count = (int) total;
        byte[] pixels = ReadSupport.bytes((long) count * IMAGE_BYTES, file, "the CIFAR-10 images");
        int[] labels = new int[count];
        int at = 0;
        for (Part p : parts) {
            System.arraycopy(p.labels(), 0, labels, at, p.labels().length);
            System.arraycopy(p.pixels(), 0, pixels, at * IMAGE_BYTES, p.pixels().length);
            at += p.labels().length;
        }
        return new ImageSamples(3, SIDE, SIDE, pixels, labels, CLASS_NAMES);
    }
}
