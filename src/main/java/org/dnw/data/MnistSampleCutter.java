package org.dnw.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the stratified MNIST sample of {@code assets/mnist-sample/} from the full MNIST IDX files:
 * for each digit, a seeded shuffle of its images picks the first {@code trainPerClass} training and
 * {@code testPerClass} test images, kept in their original order, written as the four IDX files
 * (gzip) under the MNIST names. The same input, seed and counts give the same images.
 *
 * <p>Run from the repository root after {@code mvn compile}:
 *
 * <pre>
 * java -cp target/classes org.dnw.data.MnistSampleCutter ../shared/datasets/mnist assets/mnist-sample 42 600 100
 * </pre>
 */
public final class MnistSampleCutter {

    private static final Logger LOG = LoggerFactory.getLogger(MnistSampleCutter.class);

    /** The seed the shipped sample was cut with. */
    public static final long SEED = 42;

    /** Training images per digit in the shipped sample. */
    public static final int TRAIN_PER_CLASS = 600;

    /** Test images per digit in the shipped sample. */
    public static final int TEST_PER_CLASS = 100;

    private static final List<String> DIGITS = BuiltInDataset.MNIST.classNames();

    private MnistSampleCutter() {}

    /** {@code source target [seed trainPerClass testPerClass]}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 5) {
            LOG.error(
                    "usage: MnistSampleCutter <mnist folder> <target folder> [seed trainPerClass"
                            + " testPerClass]");
            System.exit(2);
        }
        long seed = args.length == 5 ? Long.parseLong(args[2]) : SEED;
        int train = args.length == 5 ? Integer.parseInt(args[3]) : TRAIN_PER_CLASS;
        int test = args.length == 5 ? Integer.parseInt(args[4]) : TEST_PER_CLASS;
        try {
            cut(Path.of(args[0]), Path.of(args[1]), seed, train, test);
        } catch (DataFormatException e) {
            LOG.error(e.getMessage());
            System.exit(1);
        }
        LOG.info("Wrote {} + {} images to {}", 10 * train, 10 * test, args[1]);
    }

    /**
     * Cuts the sample from the IDX files in {@code source} (gzip or unpacked) into {@code target}.
     *
     * @throws DataFormatException when a source file is damaged, or a digit has too few images
     * @throws IOException when the target cannot be written
     */
    public static void cut(Path source, Path target, long seed, int trainPerClass, int testPerClass)
            throws DataFormatException, IOException {
        Random random = new Random(seed);
        ImageSamples train =
                pick(
                        IdxReader.read(
                                idx(source, "train-images-idx3-ubyte"),
                                idx(source, "train-labels-idx1-ubyte"),
                                DIGITS),
                        trainPerClass,
                        random,
                        source);
        ImageSamples test =
                pick(
                        IdxReader.read(
                                idx(source, "t10k-images-idx3-ubyte"),
                                idx(source, "t10k-labels-idx1-ubyte"),
                                DIGITS),
                        testPerClass,
                        random,
                        source);
        Files.createDirectories(target);
        writeImages(train, target.resolve("train-images-idx3-ubyte.gz"));
        writeLabels(train, target.resolve("train-labels-idx1-ubyte.gz"));
        writeImages(test, target.resolve("t10k-images-idx3-ubyte.gz"));
        writeLabels(test, target.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /** {@code perClass} images of each class, chosen by a shuffle, in their original order. */
    static ImageSamples pick(ImageSamples all, int perClass, Random random, Path source)
            throws DataFormatException {
        int classes = all.classCount();
        int[] chosen = new int[classes * perClass];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            int[] members = new int[all.size()];
            int n = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.labels()[i] == c) {
                    members[n++] = i;
                }
            }
            if (n < perClass) {
                throw new DataFormatException(
                        source,
                        "holds only " + n + " images of class " + c + ", fewer than " + perClass);
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            System.arraycopy(members, 0, chosen, k, perClass);
            k += perClass;
        }
        Arrays.sort(chosen);
        return all.subset(chosen);
    }

    private static Path idx(Path folder, String base) {
        Path gz = folder.resolve(base + ".gz");
        return Files.isRegularFile(gz) ? gz : folder.resolve(base);
    }

    /** Writes an IDX image file (magic 0x803), gzip-compressed, atomically. */
    static void writeImages(ImageSamples samples, Path file) throws IOException {
        write(
                file,
                out -> {
                    out.writeInt(0x00000803);
                    out.writeInt(samples.size());
                    out.writeInt(samples.height());
                    out.writeInt(samples.width());
                    out.write(samples.pixels());
                });
    }

    /** Writes an IDX label file (magic 0x801), gzip-compressed, atomically. */
    static void writeLabels(Samples samples, Path file) throws IOException {
        write(
                file,
                out -> {
                    out.writeInt(0x00000801);
                    out.writeInt(samples.size());
                    for (int label : samples.labels()) {
                        out.writeByte(label);
                    }
                });
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
                GZIPOutputStream gz =
                        new GZIPOutputStream(raw, 1 << 16) {
                            {
                                def.setLevel(Deflater.BEST_COMPRESSION);
                            }
                        };
                DataOutputStream out = new DataOutputStream(gz)) {
            body.write(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
