package org.dnw.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;

/** A tiny learnable image set and a dense network that every engine can train in a second. */
public final class TrainingFixtures {

    private TrainingFixtures() {}

    /**
     * 1 × 6 × 6 grey images of {@code classes} classes: class c lights rows 2c and 2c + 1 (values
     * 150–255), the rest is faint noise (0–40, half the pixels 0).
     */
    public static ImageSamples bands(int count, int classes, long seed) {
        return bands(count, classes, seed, 0);
    }

    /**
     * {@link #bands(int, int, long)} where every {@code mislabelEvery}-th image (0: none) carries
     * the next class's label: a split no network can fit, whose loss rises once training grows
     * confident.
     */
    public static ImageSamples bands(int count, int classes, long seed, int mislabelEvery) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 36];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(classes);
            labels[i] = c;
            for (int p = 0; p < 36; p++) {
                int row = p / 6;
                int v =
                        row / 2 == c
                                ? 150 + random.nextInt(106)
                                : random.nextBoolean() ? 0 : random.nextInt(41);
                pixels[i * 36 + p] = (byte) v;
            }
            if (mislabelEvery > 0 && i % mislabelEvery == 0) {
                labels[i] = (c + 1) % classes;
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("band " + c);
        }
        return new ImageSamples(1, 6, 6, pixels, labels, names);
    }

    /** 240 training, 60 validation and 90 test {@link #bands} images. */
    public static DataSplits imageSplits(int classes) {
        return new DataSplits(
                "bands",
                bands(240, classes, 1),
                bands(60, classes, 2),
                bands(90, classes, 3),
                Map.of("bands.bin", "00"));
    }

    /**
     * {@link #imageSplits} with every third validation image mislabelled: the validation loss falls
     * at first, then rises as training grows confident (for early stopping).
     */
    public static DataSplits overfittingSplits(int classes) {
        return new DataSplits(
                "bands",
                bands(240, classes, 1),
                bands(60, classes, 2, 3),
                bands(90, classes, 3),
                Map.of("bands.bin", "00"));
    }

    /** Flatten, Dense 8, ReLU, Output (softmax over {@code classes}). */
    public static ModelSpec imageNet(int classes) {
        return new ModelSpec(
                "bands-net",
                Shape.image(1, 6, 6),
                List.of(
                        new FlattenSpec(),
                        DenseSpec.of(8),
                        ActivationSpec.relu(),
                        OutputSpec.softmax(classes)));
    }

    /** Plain SGD at a fixed rate, cross-entropy, no validation share, seed 42. */
    public static Hyperparameters sgd(double learningRate, int batch, int epochs) {
        return Hyperparameters.defaults()
                .withOptimizer(OptimizerKind.SGD)
                .withLearningRate(learningRate)
                .withSchedule(ScheduleKind.FIXED)
                .withBatchSize(batch)
                .withEpochCount(epochs)
                .withValidationShare(0)
                .withLoss(LossKind.CROSS_ENTROPY)
                .withSeed(42);
    }
}
