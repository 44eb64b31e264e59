package org.dnw.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dnw.eval.ClassificationReport;
import org.dnw.runs.RunRecorder;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Shape;
import org.dnw.train.Hyperparameters;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.TestEvaluation;

/** Synthetic events of a tiny, three-epoch run on 6×6 grey images of 3 classes; no DJL. */
public final class FakeRun {

    public static final String RUN_NAME = "tiny run/1";
    public static final Instant STARTED = Instant.parse("2026-03-04T05:06:07Z");
    public static final Instant FINISHED = Instant.parse("2026-03-04T05:07:08Z");
    // Class names that need CSV quoting.
    public static final List<String> CLASS_NAMES = List.of("cat, the first", "dog \"2\"", "bird");
    public static final DatasetInfo DATASET =
            new DatasetInfo(
                    "Toy", CLASS_NAMES, Map.of("test.idx", "bb", "train.idx", "aa"), 0, 0, 0);
    public static final String PARAMS_FILE = "tiny-cnn-0003.params";

    public static final int[] ACTUAL = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    public static final int[] PREDICTED = {0, 0, 1, 1, 1, 1, 2, 0, 2};

    private FakeRun() {}

    public static ModelSpec spec() {
        return new ModelSpec(
                "tiny-cnn",
                Shape.image(1, 6, 6),
                List.of(
                        Conv2dSpec.of(4, 3, 1, Padding.VALID),
                        ActivationSpec.relu(),
                        new FlattenSpec(),
                        OutputSpec.softmax(3)));
    }

    public static Hyperparameters hyperparameters() {
        return Hyperparameters.defaults().withEpochCount(3).withSeed(7);
    }

    public static TrainingEvent.RunStarted started() {
        return new TrainingEvent.RunStarted(
                RUN_NAME,
                spec(),
                hyperparameters(),
                "Toy",
                199,
                "CPU (2 threads)",
                30,
                6,
                9,
                4,
                Map.of("djl", "0.35.1", "pytorch", "2.7.1", "java", "17.0.15", "os", "Linux"),
                STARTED);
    }

    public static List<TrainingEvent> epochs() {
        double[] validation = {0.5, 0.8, 0.7};
        List<TrainingEvent> out = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            out.add(new TrainingEvent.BatchCompleted(RUN_NAME, e, 1, 4, 1.0 / e, 0.5, 100, 10));
            out.add(
                    new TrainingEvent.EpochCompleted(
                            RUN_NAME,
                            e,
                            3,
                            1.0 / e,
                            0.3 + 0.2 * e,
                            1.1 / e,
                            validation[e - 1],
                            1e-3,
                            1500 + e));
        }
        return out;
    }

    public static TestEvaluation test() {
        float[] probs = new float[ACTUAL.length * 3];
        for (int i = 0; i < ACTUAL.length; i++) {
            probs[i * 3 + PREDICTED[i]] = 0.75f;
            probs[i * 3 + (PREDICTED[i] + 1) % 3] = 0.25f;
        }
        return new TestEvaluation(
                7.0 / 9,
                0.61,
                ClassificationReport.of(ACTUAL, PREDICTED, 3),
                ACTUAL.clone(),
                PREDICTED.clone(),
                probs);
    }

    /** conv weight (4, 1, 3, 3) with values 0..35, conv bias, output weight (3, 64), bias. */
    public static List<ParameterValues> parameters() {
        return List.of(
                new ParameterValues("01Conv2d_weight", new int[] {4, 1, 3, 3}, ramp(36)),
                new ParameterValues("01Conv2d_bias", new int[] {4}, ramp(4)),
                new ParameterValues("04Linear_weight", new int[] {3, 64}, ramp(192)),
                new ParameterValues("04Linear_bias", new int[] {3}, ramp(3)));
    }

    public static TrainingEvent.RunFinished finished(Path artifacts) {
        return new TrainingEvent.RunFinished(
                RUN_NAME, test(), 3, 61_000, artifacts, parameters(), FINISHED);
    }

    /** Every event of a successful run, the engine's params written into the draft first. */
    public static void playFinished(RunRecorder recorder) throws IOException {
        recorder.accept(started());
        epochs().forEach(recorder);
        Files.writeString(recorder.draft().folder().resolve(PARAMS_FILE), "djl params");
        recorder.accept(finished(recorder.draft().folder()));
    }

    static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.5f - 3;
        }
        return v;
    }

    /** The names in {@code folder}, sorted. */
    public static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The manifest in {@code file}, read as the store reads it. */
    public static RunManifest readManifest(Path file) throws IOException {
        return ManifestJson.read(file);
    }
}
