package org.dnw.engine.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dnw.data.DataFormatException;
import org.dnw.data.DataSplits;
import org.dnw.data.DigitPair;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;
import org.dnw.figures.CurvePicture;
import org.dnw.figures.TwoDigitPicture;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.store.EpochMetrics;
import org.dnw.train.CrossValidation;
import org.dnw.train.CrossValidationRequest;
import org.dnw.train.CrossValidationResult;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.RunControl;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The from-scratch engine on real data from {@code WORKBENCH_DATA}: the {@code mlp} preset on
 * MNIST, the two-digit task (3 vs 8) with one sigmoid unit, and 5-fold cross-validation on the
 * wheat-seeds table. Prints its figures and writes the pictures to {@code target/scratch-it/}.
 * Skipped, saying so, without {@code WORKBENCH_DATA}.
 */
class ScratchEngineIT {

    /** Measured 90.5 % (seed 42, 2 cores); the bar leaves room for another machine's threads. */
    static final double MLP_BAR = 0.87;

    /** Measured 98.2 % (seed 42). */
    static final double PAIR_BAR = 0.96;

    /** Measured 94.8 % ± 3.5 % (sigmoid) and 96.2 % ± 2.7 % (ReLU), seed 1. */
    static final double WHEAT_BAR = 0.90;

    private static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static Path data;
    private static final Path OUT = Path.of("target", "scratch-it");

    private static String skipReason;

    @BeforeAll
    static void findData() throws IOException {
        System.setProperty("java.awt.headless", "true");
        String root = System.getProperty("workbench.data");
        if (root == null || root.isBlank() || root.startsWith("${")) {
            root = System.getenv("WORKBENCH_DATA");
        }
        if (root == null || root.isBlank()) {
            skipReason =
                    "WORKBENCH_DATA is not set: skipping the from-scratch engine on real data (set"
                            + " it to the datasets folder, e.g. ../shared/datasets)";
        } else if (!Files.isDirectory(Path.of(root).resolve("mnist"))) {
            skipReason = "WORKBENCH_DATA (" + root + ") has no mnist folder: skipping";
        } else {
            data = Path.of(root);
            Files.createDirectories(OUT);
        }
    }

    /** Per test, so that each shows as skipped with the reason. */
    @BeforeEach
    void needsData() {
        assumeTrue(data != null, skipReason);
    }

    private static ImageSamples mnist(String prefix) throws DataFormatException {
        Path m = data.resolve("mnist");
        return IdxReader.read(
                m.resolve(prefix + "-images-idx3-ubyte.gz"),
                m.resolve(prefix + "-labels-idx1-ubyte.gz"),
                DIGITS);
    }

    private static Hyperparameters sgd(double rate, int batch, int epochs, long seed) {
        return Hyperparameters.defaults()
                .withOptimizer(OptimizerKind.SGD)
                .withLearningRate(rate)
                .withSchedule(ScheduleKind.FIXED)
                .withBatchSize(batch)
                .withEpochCount(epochs)
                .withValidationShare(0)
                .withSeed(seed)
                .withLoss(LossKind.CROSS_ENTROPY);
    }

    private static List<TrainingEvent> train(TrainingRequest request) {
        List<TrainingEvent> events = new ArrayList<>();
        ScratchEngine.loop()
                .run(request.withEngine(EngineKind.SCRATCH), new RunControl(), events::add);
        return events;
    }

    private static TrainingEvent.RunFinished finished(List<TrainingEvent> events) {
        TrainingEvent last = events.get(events.size() - 1);
        assertThat(last)
                .as("the run's terminal event")
                .isInstanceOf(TrainingEvent.RunFinished.class);
        return (TrainingEvent.RunFinished) last;
    }

    private static List<EpochMetrics> epochs(List<TrainingEvent> events) {
        return events.stream()
                .filter(TrainingEvent.EpochCompleted.class::isInstance)
                .map(e -> EpochMetrics.from((TrainingEvent.EpochCompleted) e))
                .toList();
    }

    @Test
    void mlpLearnsMnistInOneEpochFromScratch() throws Exception {
        ImageSamples all = mnist("train");
        ImageSamples test = mnist("t10k");
        int[] first = new int[10_000];
        java.util.Arrays.setAll(first, i -> i);
        ImageSamples train = all.subset(first);
        // a tenth for validation, so that the curves have both lines
        int[] validation = new int[1_000];
        java.util.Arrays.setAll(validation, i -> 10_000 + i);
        DataSplits splits = new DataSplits("MNIST", train, all.subset(validation), test, Map.of());
        TrainingRequest request =
                new TrainingRequest(
                        "mlp-scratch", Presets.load("mlp"), splits, sgd(0.1, 32, 1, 42), null, 100);

        List<TrainingEvent> events = train(request);

        TrainingEvent.RunFinished f = finished(events);
        TrainingEvent.RunStarted s = (TrainingEvent.RunStarted) events.get(0);
        TrainingEvent.EpochCompleted e =
                (TrainingEvent.EpochCompleted)
                        events.stream()
                                .filter(TrainingEvent.EpochCompleted.class::isInstance)
                                .findFirst()
                                .orElseThrow();
        double imagesPerSecond = 10_000 / (e.durationMillis() / 1000.0);
        report(
                String.format(
                        Locale.ROOT,
                        "mlp 784-128-10 from scratch, 1 epoch on 10,000 MNIST images (SGD 0.1, batch 32,"
                                + " seed 42) on %s: test accuracy %.2f %%, validation %.2f %%, %.0f"
                                + " images/s (epoch incl. validation)",
                        s.device(),
                        100 * f.test().accuracy(),
                        100 * e.validationAccuracy(),
                        imagesPerSecond));
        assertThat(f.test().accuracy()).isGreaterThan(MLP_BAR);
        assertThat(f.parameters().get(0).name()).isEqualTo("02Linear_weight");
        assertThat(f.parameters().get(0).shape()).containsExactly(128, 784);
        // 313 batches: weights every 100 batches (3) and at the epoch's end
        assertThat(events.stream().filter(TrainingEvent.WeightsCaptured.class::isInstance))
                .hasSize(4);
    }

    @Test
    void oneSigmoidUnitSeparatesThreesFromEights() throws Exception {
        ImageSamples train = DigitPair.select(mnist("train"), 3, 8);
        ImageSamples test = DigitPair.select(mnist("t10k"), 3, 8);
        ModelSpec spec =
                new ModelSpec(
                        "mlp-15-sigmoid",
                        Shape.image(1, 28, 28),
                        List.of(
                                new FlattenSpec(),
                                DenseSpec.of(15),
                                ActivationSpec.of(ActivationType.SIGMOID),
                                new OutputSpec(2, OutputActivation.SIGMOID, true)));
        assertThat(spec.analyse().isValid()).isTrue();
        // the course's quadratic cost, as in Nielsen's book: SGD 3.0, mini-batches of 10
        Hyperparameters hp =
                sgd(3.0, 10, 3, 42).withLoss(LossKind.SQUARED_ERROR).withValidationShare(0.1);
        int[] order = new int[train.size()];
        java.util.Arrays.setAll(order, i -> i);
        int cut = train.size() / 10;
        DataSplits splits =
                new DataSplits(
                        "MNIST 3 vs 8",
                        train.subset(java.util.Arrays.copyOfRange(order, cut, order.length)),
                        train.subset(java.util.Arrays.copyOfRange(order, 0, cut)),
                        test,
                        Map.of());

        List<TrainingEvent> events =
                train(new TrainingRequest("three-vs-eight", spec, splits, hp, null, 0));

        TrainingEvent.RunFinished f = finished(events);
        float[] outputs = TwoDigitPicture.secondColumn(f.test().probabilities());
        TwoDigitPicture.write(OUT.resolve("three-vs-eight.png"), test, outputs);
        CurvePicture.write(
                OUT.resolve("three-vs-eight-curves.png"),
                epochs(events),
                "3 vs 8, 784-15-1 sigmoid, squared error, from scratch");
        report(
                String.format(
                        Locale.ROOT,
                        "3 vs 8 (%,d training, %,d test images), 784-15-1 sigmoid, squared error, SGD 3.0,"
                                + " batch 10, 3 epochs: test accuracy %.2f %%",
                        splits.train().size(),
                        test.size(),
                        100 * f.test().accuracy()));
        assertThat(f.test().accuracy()).isGreaterThan(PAIR_BAR);
        assertThat(f.test().probabilities()).hasSize(2 * test.size());
    }

    @Test
    void wheatSeedsFiveFoldCrossValidation() throws Exception {
        TableSamples wheat = wheat(data.resolve("wheat-seeds").resolve("seeds_dataset.txt"));
        assertThat(wheat.size()).isEqualTo(210);
        for (ActivationType hidden : List.of(ActivationType.SIGMOID, ActivationType.RELU)) {
            ModelSpec spec =
                    new ModelSpec(
                            "seeds-10-" + hidden.label(),
                            Shape.flat(7),
                            List.of(
                                    DenseSpec.of(10),
                                    ActivationSpec.of(hidden),
                                    OutputSpec.softmax(3)));
            // the seeds course: one hidden layer of 10, rate 0.1 decayed by 0.01 per epoch
            Hyperparameters hp =
                    sgd(0.1, 1, 100, 1).withSchedule(ScheduleKind.DECAY).withDecayRate(0.01);
            CrossValidationResult r =
                    new CrossValidation(ScratchEngine.loop())
                            .run(CrossValidationRequest.of("seeds", spec, wheat, hp), null, null);

            StringBuilder folds = new StringBuilder();
            for (double a : r.accuracies()) {
                folds.append(String.format(Locale.ROOT, " %.1f", 100 * a));
            }
            report(
                    String.format(
                            Locale.ROOT,
                            "wheat seeds, 7-10-3 %s, SGD 0.1 decay 0.01/epoch, batch 1, 100 epochs,"
                                    + " standardised per fold, stratified, seed 1: folds %%:%s; %s",
                            hidden.label(),
                            folds,
                            r.message()));
            assertThat(r.status()).isEqualTo(CrossValidationResult.Status.COMPLETED);
            assertThat(r.folds()).hasSize(5);
            assertThat(r.meanAccuracy()).isGreaterThan(WHEAT_BAR);
        }
    }

    /**
     * The UCI seeds table: 7 numbers and the class 1–3 per line, separated by any whitespace (a few
     * lines use several tabs).
     */
    static TableSamples wheat(Path file) throws IOException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            float[] row = new float[7];
            for (int i = 0; i < 7; i++) {
                row[i] = Float.parseFloat(parts[i]);
            }
            rows.add(row);
            labels.add(Integer.parseInt(parts[7]) - 1);
        }
        float[] values = new float[rows.size() * 7];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * 7, 7);
        }
        return new TableSamples(
                7,
                values,
                labels.stream().mapToInt(Integer::intValue).toArray(),
                List.of("Kama", "Rosa", "Canadian"),
                List.of(
                        "area",
                        "perimeter",
                        "compactness",
                        "kernel length",
                        "kernel width",
                        "asymmetry coefficient",
                        "kernel groove length"));
    }

    private static synchronized void report(String line) throws IOException {
        System.out.println(line);
        Files.writeString(
                OUT.resolve("figures.txt"),
                line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
