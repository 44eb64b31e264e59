package org.dnw.engine.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;

/** Small learnable data sets and networks for the engine's tests. */
final class ScratchFixtures {

    private ScratchFixtures() {}

    /**
     * 1 × 6 × 6 grey images of {@code classes} classes: class c lights rows 2c and 2c + 1 (values
     * 150–255), the rest is faint noise (0–40, half the pixels 0).
     */
    static ImageSamples bands(int count, int classes, long seed) {
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
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("band " + c);
        }
        return new ImageSamples(1, 6, 6, pixels, labels, names);
    }

    /** Rows of 4 features around a centre per class (class c: feature c is 3, others 0; σ 0.5). */
    static TableSamples blobs(int count, int classes, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * 4];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(classes);
            labels[i] = c;
            for (int f = 0; f < 4; f++) {
                values[i * 4 + f] = (float) ((f == c ? 3 : 0) + 0.5 * random.nextGaussian());
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class " + c);
        }
        return new TableSamples(4, values, labels, names, List.of("a", "b", "c", "d"));
    }

    static DataSplits imageSplits(int classes) {
        return new DataSplits(
                "bands",
                bands(240, classes, 1),
                bands(60, classes, 2),
                bands(90, classes, 3),
                Map.of("bands.bin", "00"));
    }

    /** Flatten, Dense 8, ReLU, Output (softmax over {@code classes}). */
    static ModelSpec imageNet(int classes) {
        return new ModelSpec(
                "bands-net",
                Shape.image(1, 6, 6),
                List.of(
                        new FlattenSpec(),
                        DenseSpec.of(8),
                        ActivationSpec.relu(),
                        OutputSpec.softmax(classes)));
    }

    /** Dense 6, sigmoid, one sigmoid output unit, on 4 features. */
    static ModelSpec tableSigmoidNet() {
        return new ModelSpec(
                "blob-net",
                Shape.flat(4),
                List.of(
                        DenseSpec.of(6),
                        ActivationSpec.of(ActivationType.SIGMOID),
                        new OutputSpec(2, OutputActivation.SIGMOID, true)));
    }

    static Hyperparameters sgd(double learningRate, int batch, int epochs) {
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
