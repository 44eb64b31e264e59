package org.dnw.ui.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.ImageSamples;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunStarted;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.train.TrainingEvent.WeightsCaptured;

/** A seeded, made-up training run of the seed CNN, for view tests and screenshots. */
public final class SyntheticRun {

    public static final String RUN = "seed-cnn-synthetic";
    public static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private SyntheticRun() {}

    public static RunStarted started(int epochCount, int batchesPerEpoch) {
        return started(epochCount, batchesPerEpoch, Presets.load("seed-cnn").input());
    }

    /** The seed CNN's start, with another input shape. */
    public static RunStarted started(int epochCount, int batchesPerEpoch, Shape input) {
        ModelSpec spec = Presets.load("seed-cnn").withInput(input);
        return new RunStarted(
                RUN,
                spec,
                Hyperparameters.defaults().withEpochCount(epochCount),
                "mnist",
                3_274_634,
                "CPU (2 threads)",
                54_000,
                6_000,
                1_000,
                batchesPerEpoch,
                Map.of("djl", "0.35.1", "java", "17"),
                Instant.parse("2026-01-01T10:00:00Z"));
    }

    /**
     * RunStarted, {@code epochs} epochs of {@code batchesPerEpoch} batches with a weight capture
     * every 50 batches, then RunFinished with a 10-class test of {@code testSize} samples.
     */
    public static List<TrainingEvent> events(
            int epochs, int batchesPerEpoch, int testSize, long seed) {
        Random random = new Random(seed);
        List<TrainingEvent> events = new ArrayList<>();
        events.add(started(epochs, batchesPerEpoch));
        for (int e = 1; e <= epochs; e++) {
            for (int b = 1; b <= batchesPerEpoch; b++) {
                double t = (e - 1) + (double) b / batchesPerEpoch;
                double loss =
                        0.08 + 2.2 * Math.exp(-4 * t) + 0.15 * random.nextGaussian() * Math.exp(-t);
                events.add(
                        new BatchCompleted(
                                RUN,
                                e,
                                b,
                                batchesPerEpoch,
                                Math.max(0.01, loss),
                                Math.min(0.99, 0.5 + 0.45 * (1 - Math.exp(-3 * t))),
                                1000 + 40 * random.nextGaussian(),
                                (long) b * 60));
                if (b % 50 == 0 || b == batchesPerEpoch) {
                    events.add(weights(e, b, seed + 31L * e + b));
                }
            }
            double trainLoss = 0.1 + 0.5 * Math.exp(-1.2 * e);
            double validationLoss = 0.09 + 0.45 * Math.exp(-1.1 * e) + 0.01 * e;
            events.add(
                    new EpochCompleted(
                            RUN,
                            e,
                            epochs,
                            trainLoss,
                            0.90 + 0.08 * (1 - Math.exp(-e)),
                            validationLoss,
                            0.92 + 0.06 * (1 - Math.exp(-e)) - 0.004 * Math.max(0, e - 3),
                            1e-3,
                            (long) batchesPerEpoch * 60 + 2_000));
        }
        events.add(finished(epochs, testSize, seed));
        return events;
    }

    /** 32 × 1 × 5 × 5 weights: oriented edges plus noise, so a picture shows structure. */
    public static WeightsCaptured weights(int epoch, int batch, long seed) {
        Random random = new Random(seed);
        int filters = 32;
        float[] values = new float[filters * 25];
        for (int f = 0; f < filters; f++) {
            double angle = Math.PI * f / filters;
            double scale = 0.05 + 0.2 * random.nextDouble();
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 5; x++) {
                    double along = (x - 2) * Math.cos(angle) + (y - 2) * Math.sin(angle);
                    values[f * 25 + y * 5 + x] =
                            (float)
                                    (scale * Math.sin(along * 1.3 + f)
                                            + 0.03 * random.nextGaussian());
                }
            }
        }
        return new WeightsCaptured(RUN, epoch, batch, new int[] {filters, 1, 5, 5}, values);
    }

    /** A test of {@code size} samples, about 93 % correct, with probabilities per sample. */
    public static RunFinished finished(int epochs, int size, long seed) {
        return new RunFinished(
                RUN,
                evaluation(size, seed),
                epochs,
                epochs * 62_000L,
                Path.of("saved-models", RUN),
                List.of(),
                Instant.parse("2026-01-01T10:05:00Z"));
    }

    public static TestEvaluation evaluation(int size, long seed) {
        int[] actual = new int[size];
        for (int i = 0; i < size; i++) {
            actual[i] = i % 10;
        }
        return evaluation(actual, seed);
    }

    /** Made-up predictions of 10 classes for samples whose true classes are {@code actual}. */
    public static TestEvaluation evaluation(int[] actual, long seed) {
        Random random = new Random(seed);
        int classes = 10;
        int size = actual.length;
        int[] predicted = new int[size];
        float[] probabilities = new float[size * classes];
        for (int i = 0; i < size; i++) {
            boolean right = random.nextDouble() < 0.93;
            // Mistakes go mostly to a "neighbour" class, as 4↔9 and 3↔5 do in MNIST.
            predicted[i] =
                    right
                            ? actual[i]
                            : random.nextDouble() < 0.6
                                    ? (actual[i] + 5) % classes
                                    : random.nextInt(classes);
            double top = right ? 0.6 + 0.4 * random.nextDouble() : 0.4 + 0.55 * random.nextDouble();
            double rest = 1 - top;
            double trueShare = predicted[i] == actual[i] ? 0 : rest * random.nextDouble();
            for (int c = 0; c < classes; c++) {
                double p =
                        c == predicted[i]
                                ? top
                                : c == actual[i]
                                        ? trueShare
                                        : (rest - trueShare)
                                                / (classes
                                                        - 1
                                                        - (predicted[i] == actual[i] ? 0 : 1));
                probabilities[i * classes + c] = (float) p;
            }
        }
        ClassificationReport report = ClassificationReport.of(actual, predicted, classes);
        return new TestEvaluation(
                report.accuracy(), 0.21, report, actual, predicted, probabilities);
    }

    /** 28 × 28 grey images whose class is drawn as a stroke pattern, one per test sample. */
    public static ImageSamples images(int size) {
        int h = 28;
        int w = 28;
        byte[] pixels = new byte[size * h * w];
        int[] labels = new int[size];
        Random random = new Random(7);
        for (int i = 0; i < size; i++) {
            int label = i % 10;
            labels[i] = label;
            double angle = Math.PI * label / 10 + 0.2 * random.nextGaussian();
            double radius = 6 + label * 0.6;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = x - 13.5;
                    double dy = y - 13.5;
                    double ring = Math.abs(Math.hypot(dx, dy) - radius);
                    double line = Math.abs(dx * Math.sin(angle) - dy * Math.cos(angle));
                    double v = Math.max(Math.exp(-ring * ring / 2), Math.exp(-line * line / 1.5));
                    pixels[i * h * w + y * w + x] = (byte) Math.min(255, (int) (255 * v));
                }
            }
        }
        return new ImageSamples(1, h, w, pixels, labels, DIGITS);
    }
}
