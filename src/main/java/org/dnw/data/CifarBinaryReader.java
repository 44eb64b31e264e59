package org.dnw.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** DJL's single training file (the five batches joined). */
    static final String DJL_TRAIN_FILE = "data_batch.bin";

    /** Bytes per record: 1 label + 3 × 32 × 32 pixels. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

    private static final int SIDE = 32;
    private static final int IMAGE_BYTES = 3 * SIDE * SIDE;

    private CifarBinaryReader() {}

    /**
     * Reads a CIFAR-10 binary folder: the official batches, or DJL's {@code data_batch.bin} and
     * {@code test_batch.bin}.
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
                    "is not a complete CIFAR-10 binary folder: "
                            + String.join(", ", missing)
                            + (missing.size() == 1 ? " is" : " are")
                            + " missing (expected "
                            + String.join(", ", TRAIN_FILES)
                            + " and "
                            + TEST_FILE
                            + ")");
        }
        ImageSamples train = read(trainFiles, progress);
        ImageSamples testSamples = read(List.of(test), progress);
        List<Path> all = new ArrayList<>(trainFiles);
        all.add(test);
        Map<String, String> sums = Checksums.sha256(all.toArray(Path[]::new));
        return new LoadedDataset("CIFAR-10", train, testSamples, sums, folder.toString(), false);
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
        long total = 0;
        long[] sizes = new long[files.size()];
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(file, "not found at " + file.toAbsolutePath());
            }
            try {
                sizes[f] = Files.size(file);
            } catch (IOException e) {
                throw ReadSupport.unreadable(file, e);
            }
            if (sizes[f] == 0) {
                throw new DataFormatException(file, "is empty");
            }
            if (sizes[f] % RECORD_BYTES != 0) {
                throw new DataFormatException(
                        file,
                        "holds "
                                + sizes[f]
                                + " bytes, which is not a whole number of "
                                + RECORD_BYTES
                                + "-byte records (1 label byte + 3,072 pixel bytes): it is"
                                + " truncated or not a CIFAR-10 batch");
            }
            total += sizes[f] / RECORD_BYTES;
        }
        if (total * IMAGE_BYTES > ReadSupport.MAX_ARRAY) {
            throw new DataFormatException(
                    files.get(0), "together the files hold too many images for one array");
        }
        int count = (int) total;
        byte[] pixels =
                ReadSupport.bytes((long) count * IMAGE_BYTES, files.get(0), "the CIFAR-10 images");
        int[] labels = new int[count];
        byte[] record = new byte[RECORD_BYTES * 256];
        int image = 0;
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            String stage = "Reading " + file.getFileName();
            int inFile = (int) (sizes[f] / RECORD_BYTES);
            progress.progress(stage, 0, inFile);
            try (InputStream in = Files.newInputStream(file)) {
                int done = 0;
                while (done < inFile) {
                    int batch = Math.min(256, inFile - done);
                    int want = batch * RECORD_BYTES;
                    int got = in.readNBytes(record, 0, want);
                    if (got < want) {
                        throw new DataFormatException(
                                file, "ends early: it shrank while being read");
                    }
                    for (int r = 0; r < batch; r++) {
                        int off = r * RECORD_BYTES;
                        int label = record[off] & 0xFF;
                        if (label > 9) {
                            throw new DataFormatException(
                                    file,
                                    "record "
                                            + (done + r + 1)
                                            + " has label "
                                            + label
                                            + ", but CIFAR-10 labels are 0 to 9: this is not a"
                                            + " CIFAR-10 batch (CIFAR-100 records are 3,074 bytes)");
                        }
                        labels[image] = label;
                        System.arraycopy(record, off + 1, pixels, image * IMAGE_BYTES, IMAGE_BYTES);
                        image++;
                    }
                    done += batch;
                    progress.progress(stage, done, inFile);
                }
            } catch (IOException e) {
                throw ReadSupport.unreadable(file, e);
            }
        }
        return new ImageSamples(3, SIDE, SIDE, pixels, labels, CLASS_NAMES);
    }
}
