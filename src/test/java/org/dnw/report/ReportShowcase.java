package org.dnw.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.ImageSamples;
import org.dnw.eval.ClassificationReport;
import org.dnw.runs.RunRecorder;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ParameterValues;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * Writes example reports of synthetic runs (no engine, no data) to look at: {@code
 * one-run.html/.pdf} of a CIFAR-like CNN run with test pictures and {@code three-runs.html/.pdf}
 * comparing it with an SGD run and an MLP run on MNIST-like digits without validation data.
 *
 * <p>Run after {@code mvn -o -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}: {@code java -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) org.dnw.report.ReportShowcase target/report-showcase}. It prints the sizes and the
 * time each file took.
 */
public final class ReportShowcase {

    static final List<String> CIFAR =
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
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private ReportShowcase() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/report-showcase");
        Path saved = out.resolve("saved-models");
        Files.createDirectories(out);
        RunStore store = new RunStore(saved, ZoneOffset.UTC);

        Hyperparameters adam =
                Hyperparameters.defaults()
                        .withEpochCount(15)
                        .withSchedule(ScheduleKind.STEP)
                        .withStepEpochs(6);
        SavedRun cnn =
                run(
                        store,
                        "CIFAR-10 cnn <Adam> & step",
                        Presets.load("cifar-cnn"),
                        adam,
                        "CIFAR-10",
                        CIFAR,
                        0.78,
                        15,
                        true,
                        1);
        Hyperparameters sgd =
                Hyperparameters.defaults()
                        .withOptimizer(OptimizerKind.MOMENTUM)
                        .withLearningRate(0.01)
                        .withSchedule(ScheduleKind.COSINE)
                        .withEpochCount(12)
                        .withBatchSize(128);
        SavedRun cnnSgd =
                run(
                        store,
                        "CIFAR-10 cnn, SGD momentum",
                        Presets.load("cifar-cnn"),
                        sgd,
                        "CIFAR-10",
                        CIFAR,
                        0.71,
                        12,
                        true,
                        2);
        SavedRun mlp =
                run(
                        store,
                        "MNIST mlp without validation",
                        Presets.load("mlp").adaptTo(Presets.load("mlp").input(), 10),
                        Hyperparameters.defaults().withEpochCount(8).withValidationShare(0),
                        "MNIST",
                        DIGITS,
                        0.975,
                        8,
                        false,
                        3);

        Map<Path, ImageSamples> images = new HashMap<>();
        images.put(cnn.folder(), cifarImages(cnn));
        TestImageSource source =
                run ->
                        run.folder().equals(mlp.folder())
                                ? TestImages.missing(
                                        "the MNIST files were not found under WORKBENCH_DATA")
                                : TestImageSource.of(images).imagesFor(run);
        ReportWriter writer = new ReportWriter();
        long t0 = System.nanoTime();
        writer.writeHtml(List.of(cnn), source, out.resolve("one-run.html"));
        long t1 = System.nanoTime();
        writer.writePdf(List.of(cnn), source, out.resolve("one-run.pdf"));
        long t2 = System.nanoTime();
        writer.writeHtml(List.of(cnn, cnnSgd, mlp), source, out.resolve("three-runs.html"));
        writer.writePdf(List.of(cnn, cnnSgd, mlp), source, out.resolve("three-runs.pdf"));
        long t3 = System.nanoTime();
        System.out.printf(
                "one-run.html %,d bytes in %d ms; one-run.pdf %,d bytes in %d ms;"
                        + " three-runs.html %,d bytes, both three-run files in %d ms%n",
                Files.size(out.resolve("one-run.html")),
                (t1 - t0) / 1_000_000,
                Files.size(out.resolve("one-run.pdf")),
                (t2 - t1) / 1_000_000,
                Files.size(out.resolve("three-runs.html")),
                (t3 - t2) / 1_000_000);
    }

    static SavedRun run(
            RunStore store,
            String name,
            ModelSpec spec,
            Hyperparameters h,
            String dataset,
            List<String> classes,
            double accuracy,
            int epochs,
            boolean validation,
            long seed)
            throws IOException {
        Random random = new Random(seed);
        int k = classes.size();
        int testSize = 1000;
        int trainSize = validation ? 45_000 : 60_000;
        int validationSize = validation ? 5_000 : 0;
        long params = spec.analyse().totalParameters();
        Map<String, String> sums = new HashMap<>();
        sums.put(dataset.toLowerCase() + "-train.gz", hex(random, 64));
        sums.put(dataset.toLowerCase() + "-test.gz", hex(random, 64));
        RunRecorder recorder =
                new RunRecorder(
                        store, store.begin(name), new DatasetInfo(dataset, classes, sums, 0, 0, 0));
        Instant started = Instant.parse("2026-03-04T09:15:00Z").plusSeconds(seed * 3600);
        recorder.accept(
                new TrainingEvent.RunStarted(
                        name,
                        spec,
                        h,
                        dataset,
                        params,
                        "CPU (2 threads)",
                        trainSize,
                        validationSize,
                        testSize,
                        trainSize / h.batchSize(),
                        Map.of(
                                "djl",
                                "0.35.1",
                                "pytorch",
                                "2.7.1",
                                "java",
                                "17.0.15",
                                "os",
                                "Linux 6.1 amd64"),
                        started));
        long duration = 0;
        for (int e = 1; e <= epochs; e++) {
            double progress = 1 - Math.exp(-e / 3.0);
            double trainAcc =
                    0.3 + (accuracy + 0.08 - 0.3) * progress + random.nextGaussian() * 0.004;
            double valAcc =
                    0.28
                            + (accuracy - 0.28) * progress
                            - (e > epochs * 0.7 ? 0.004 * (e - epochs * 0.7) : 0)
                            + random.nextGaussian() * 0.006;
            double trainLoss = 2.1 * Math.exp(-e / 3.5) + 0.25 + random.nextGaussian() * 0.01;
            double valLoss = 2.0 * Math.exp(-e / 3.5) + 0.55 + Math.max(0, e - epochs * 0.6) * 0.02;
            long millis = 40_000 + random.nextInt(4000);
            duration += millis;
            recorder.accept(
                    new TrainingEvent.EpochCompleted(
                            name,
                            e,
                            epochs,
                            trainLoss,
                            Math.min(1, trainAcc),
                            validation ? valLoss : Double.NaN,
                            validation ? Math.min(1, valAcc) : Double.NaN,
                            h.learningRateAt(e - 1),
                            millis));
        }
        Files.writeString(recorder.draft().folder().resolve("model-0001.params"), "params");
        int[] actual = new int[testSize];
        int[] predicted = new int[testSize];
        float[] probs = new float[testSize * k];
        for (int i = 0; i < testSize; i++) {
            actual[i] = i % k;
            double classAccuracy = accuracy + (actual[i] == 3 || actual[i] == 5 ? -0.2 : 0.03);
            if (random.nextDouble() < classAccuracy) {
                predicted[i] = actual[i];
            } else {
                // cats and dogs, cars and trucks get confused most
                int partner =
                        switch (actual[i]) {
                            case 3 -> 5;
                            case 5 -> 3;
                            case 1 -> 9;
                            case 9 -> 1;
                            default -> -1;
                        };
                predicted[i] =
                        partner >= 0 && random.nextDouble() < 0.6
                                ? partner
                                : (actual[i] + 1 + random.nextInt(k - 1)) % k;
            }
            double top = 0.35 + 0.64 * random.nextDouble();
            double rest = 1 - top;
            for (int c = 0; c < k; c++) {
                probs[i * k + c] = (float) (c == predicted[i] ? top : rest / (k - 1));
            }
        }
        int correct = 0;
        for (int i = 0; i < testSize; i++) {
            correct += actual[i] == predicted[i] ? 1 : 0;
        }
        TestEvaluation test =
                new TestEvaluation(
                        correct / (double) testSize,
                        0.7 + random.nextDouble() * 0.1,
                        ClassificationReport.of(actual, predicted, k),
                        actual,
                        predicted,
                        probs);
        recorder.accept(
                new TrainingEvent.RunFinished(
                        name,
                        test,
                        epochs,
                        duration,
                        recorder.draft().folder(),
                        firstLayer(spec, random),
                        started.plusMillis(duration + 5000)));
        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        if (outcome == null || !outcome.isSaved()) {
            throw new IOException(outcome == null ? "not saved" : outcome.message());
        }
        return store.load(outcome.folder());
    }

    /** Smooth oriented patterns for a convolution, noisy digit-like blobs for a dense layer. */
    static List<ParameterValues> firstLayer(ModelSpec spec, Random random) {
        var first =
                spec.analyse().layers().stream()
                        .filter(l -> l.parameterCount() > 0)
                        .findFirst()
                        .orElseThrow();
        List<ParameterValues> out = new ArrayList<>();
        if (first.layer() instanceof org.dnw.spec.Conv2dSpec c) {
            int in = first.input().channels();
            int kh = c.kernelHeight();
            int kw = c.kernelWidth();
            float[] v = new float[c.filters() * in * kh * kw];
            for (int f = 0; f < c.filters(); f++) {
                double angle = random.nextDouble() * Math.PI;
                double phase = random.nextDouble() * Math.PI * 2;
                for (int ch = 0; ch < in; ch++) {
                    double gain = 0.5 + random.nextDouble();
                    for (int y = 0; y < kh; y++) {
                        for (int x = 0; x < kw; x++) {
                            double t =
                                    (x - kw / 2.0) * Math.cos(angle)
                                            + (y - kh / 2.0) * Math.sin(angle);
                            v[((f * in + ch) * kh + y) * kw + x] =
                                    (float)
                                            (gain * Math.cos(t * 1.8 + phase)
                                                    + random.nextGaussian() * 0.1);
                        }
                    }
                }
            }
            out.add(new ParameterValues("01Conv2d_weight", new int[] {c.filters(), in, kh, kw}, v));
        } else {
            int units = (int) first.output().size();
            int inputs = (int) first.input().size();
            float[] v = new float[units * inputs];
            for (int u = 0; u < units; u++) {
                double cx = 8 + random.nextDouble() * 12;
                double cy = 8 + random.nextDouble() * 12;
                for (int p = 0; p < inputs; p++) {
                    double dx = p % 28 - cx;
                    double dy = p / 28 - cy;
                    v[u * inputs + p] =
                            (float)
                                    (Math.exp(-(dx * dx + dy * dy) / 30)
                                            - 0.3 * Math.exp(-(dx * dx + dy * dy) / 120)
                                            + random.nextGaussian() * 0.05);
                }
            }
            out.add(new ParameterValues("02Linear_weight", new int[] {units, inputs}, v));
        }
        return out;
    }

    /** 32×32 colour pictures: a sky or grass background and a blob in the class's colour. */
    static ImageSamples cifarImages(SavedRun run) {
        int[] labels = run.test().actual();
        Random random = new Random(99);
        int n = labels.length;
        byte[] pixels = new byte[n * 3 * 32 * 32];
        int[][] backgrounds = {
            {120, 170, 230}, {90, 90, 95}, {140, 190, 235}, {160, 140, 120}, {70, 130, 60},
            {150, 130, 110}, {60, 120, 50}, {80, 140, 60}, {60, 110, 190}, {100, 100, 100}
        };
        for (int i = 0; i < n; i++) {
            int[] bg = backgrounds[labels[i]];
            double cx = 10 + random.nextDouble() * 12;
            double cy = 10 + random.nextDouble() * 12;
            double r = 5 + random.nextDouble() * 6;
            int[] fg = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r;
                    for (int c = 0; c < 3; c++) {
                        int value = (inside ? fg[c] : bg[c]) + random.nextInt(21) - 10;
                        pixels[((i * 3 + c) * 32 + y) * 32 + x] =
                                (byte) Math.max(0, Math.min(255, value));
                    }
                }
            }
        }
        return new ImageSamples(3, 32, 32, pixels, labels, run.classNames());
    }

    private static String hex(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
