package org.dnw.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.DataSplits;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;

/** Real MNIST from {@code WORKBENCH_DATA} for integration tests; skips them when it is absent. */
public final class RealData {

    public static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private RealData() {}

    /** The data folder, or a skipped test that says why. */
    public static Path folder() {
        String value = System.getProperty("workbench.data");
        if (value == null || value.isBlank()) {
            value = System.getenv("WORKBENCH_DATA");
        }
        assumeTrue(
                value != null && !value.isBlank() && Files.isDirectory(Path.of(value)),
                "WORKBENCH_DATA is not set (or not a folder): this integration test needs the"
                        + " real data sets and is skipped");
        return Path.of(value);
    }

    public static ImageSamples mnistTrain() throws Exception {
        Path dir = folder().resolve("mnist");
        return IdxReader.read(
                dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"),
                DIGITS);
    }

    public static ImageSamples mnistTest() throws Exception {
        Path dir = folder().resolve("mnist");
        return IdxReader.read(
                dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"),
                DIGITS);
    }

    /** The first {@code n} indices of a seeded permutation of {@code 0..size-1}. */
    public static int[] sample(int size, int n, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return java.util.Arrays.copyOf(order, n);
    }

    /** Seeded MNIST splits of the given sizes (train and validation from the training file). */
    public static DataSplits mnist(int trainSize, int validationSize, int testSize)
            throws Exception {
        ImageSamples train = mnistTrain();
        ImageSamples test = mnistTest();
        int[] picked = sample(train.size(), trainSize + validationSize, 7);
        int[] t = java.util.Arrays.copyOfRange(picked, 0, trainSize);
        int[] v = java.util.Arrays.copyOfRange(picked, trainSize, picked.length);
        return new DataSplits(
                "MNIST",
                train.subset(t),
                train.subset(v),
                test.subset(sample(test.size(), testSize, 11)),
                Map.of());
    }
}
