package org.dnw.report;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnw.data.ImageSamples;
import org.dnw.eval.ClassificationReport;
import org.dnw.runs.RunRecorder;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Shape;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * Saved runs for report tests, written through the store's own recorder: a tiny CNN on 6×6 grey
 * images of three classes whose names need escaping. No DJL.
 */
final class FakeRuns {

    static final List<String> CLASS_NAMES = List.of("cat & co", "dog <2>", "bird \"b\"");
    static final int[] ACTUAL = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    static final int[] PREDICTED = {0, 0, 1, 1, 1, 1, 2, 0, 2};
    static final Instant STARTED = Instant.parse("2026-03-04T05:06:07Z");

    /** conv 4×(1×3×3)+4 = 40, output 64×3+3 = 195. */
    static final long PARAMETERS = 235;

    private final RunStore store;
    private String name = "tiny run";
    private int[] actual = ACTUAL;
    private int[] predicted = PREDICTED;
    private double[] validationAccuracy = {0.5, 0.8, 0.7};
    private boolean withValidation = true;
    private boolean withProbabilities = true;
    private Hyperparameters hyperparameters =
            Hyperparameters.defaults().withEpochCount(3).withSeed(7);

    private ModelSpec network = spec();
    private List<ParameterValues> parameters = null;

    FakeRuns(RunStore store) {
        this.store = store;
    }

    FakeRuns name(String value) {
        name = value;
        return this;
    }

    FakeRuns predictions(int[] actualClasses, int[] predictedClasses) {
        actual = actualClasses.clone();
        predicted = predictedClasses.clone();
        return this;
    }

    FakeRuns validationAccuracy(double... values) {
        validationAccuracy = values.clone();
        return this;
    }

    FakeRuns withoutValidation() {
        withValidation = false;
        hyperparameters = hyperparameters.withValidationShare(0);
        return this;
    }

    FakeRuns withoutProbabilities() {
        withProbabilities = false;
        return this;
    }

    FakeRuns hyperparameters(Hyperparameters value) {
        hyperparameters = value;
        return this;
    }

    /** Another network and its parameters (as weights.npz holds them, in order). */
    FakeRuns network(ModelSpec spec, List<ParameterValues> values) {
        network = spec;
        parameters = List.copyOf(values);
        return this;
    }

    static ModelSpec spec() {
        return new ModelSpec(
                "tiny-cnn",
                Shape.image(1, 6, 6),
                List.of(
                        Conv2dSpec.of(4, 3, 1, Padding.VALID),
                        ActivationSpec.relu(),
                        new FlattenSpec(),
                        OutputSpec.softmax(3)));
    }

    /**
     * The probability sample {@code i} gives its predicted class: distinct per sample, so that the
     * order of the mistakes is defined.
     */
    static float confidence(int i) {
        return 0.5f + 0.05f * (i % 9);
    }

    /** Probabilities with {@link #confidence} on the prediction and the rest split evenly. */
    static float[] probabilities(int[] predicted) {
        float[] p = new float[predicted.length * 3];
        for (int i = 0; i < predicted.length; i++) {
            float c = confidence(i);
            for (int k = 0; k < 3; k++) {
                p[i * 3 + k] = k == predicted[i] ? c : (1 - c) / 2;
            }
        }
        return p;
    }

    static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.5f - 3;
        }
        return v;
    }

    /** Test images whose labels are {@code labels}; image i is filled with grey level 20·i. */
    static ImageSamples images(int[] labels) {
        byte[] pixels = new byte[labels.length * 36];
        for (int i = 0; i < labels.length; i++) {
            for (int p = 0; p < 36; p++) {
                pixels[i * 36 + p] = (byte) (20 * i + (p % 6));
            }
        }
        return new ImageSamples(1, 6, 6, pixels, labels.clone(), CLASS_NAMES);
    }

    /** Colour test images whose labels are {@code labels}: a red-green ramp, blue 30·i. */
    static ImageSamples colourImages(int[] labels) {
        byte[] pixels = new byte[labels.length * 3 * 36];
        for (int i = 0; i < labels.length; i++) {
            for (int p = 0; p < 36; p++) {
                pixels[(i * 3) * 36 + p] = (byte) (p * 7);
                pixels[(i * 3 + 1) * 36 + p] = (byte) (255 - p * 7);
                pixels[(i * 3 + 2) * 36 + p] = (byte) (30 * i);
            }
        }
        return new ImageSamples(3, 6, 6, pixels, labels.clone(), CLASS_NAMES);
    }

    /** Records the run and loads it back. */
    SavedRun save() throws IOException {
        int epochs = validationAccuracy.length;
        RunRecorder recorder =
                new RunRecorder(
                        store,
                        store.begin(name),
                        new DatasetInfo(
                                "Toy",
                                CLASS_NAMES,
                                Map.of(
                                        "train.idx",
                                        "aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00ee11ff22aa33bb44cc55dd66",
                                        "test.idx",
                                        "bb"),
                                0,
                                0,
                                0));
        recorder.accept(
                new TrainingEvent.RunStarted(
                        name,
                        network,
                        hyperparameters.withEpochCount(epochs),
                        "Toy",
                        PARAMETERS,
                        "CPU (2 threads)",
                        30,
                        withValidation ? 6 : 0,
                        actual.length,
                        4,
                        Map.of(
                                "djl", "0.35.1", "pytorch", "2.7.1", "java", "17.0.15", "os",
                                "Linux"),
                        STARTED));
        for (int e = 1; e <= epochs; e++) {
            recorder.accept(
                    new TrainingEvent.EpochCompleted(
                            name,
                            e,
                            epochs,
                            1.0 / e,
                            0.3 + 0.2 * e / epochs,
                            withValidation ? 1.1 / e : Double.NaN,
                            withValidation ? validationAccuracy[e - 1] : Double.NaN,
                            1e-3,
                            1500 + e));
        }
        Files.writeString(recorder.draft().folder().resolve("tiny-cnn-0003.params"), "params");
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            correct += actual[i] == predicted[i] ? 1 : 0;
        }
        TestEvaluation test =
                new TestEvaluation(
                        correct / (double) actual.length,
                        0.61,
                        ClassificationReport.of(actual, predicted, 3),
                        actual.clone(),
                        predicted.clone(),
                        withProbabilities ? probabilities(predicted) : new float[0]);
        List<ParameterValues> params = new ArrayList<>();
        params.add(new ParameterValues("01Conv2d_weight", new int[] {4, 1, 3, 3}, ramp(36)));
        params.add(new ParameterValues("01Conv2d_bias", new int[] {4}, ramp(4)));
        params.add(new ParameterValues("04Linear_weight", new int[] {3, 64}, ramp(192)));
        params.add(new ParameterValues("04Linear_bias", new int[] {3}, ramp(3)));
        if (parameters != null) {
            params = new ArrayList<>(parameters);
        }
        recorder.accept(
                new TrainingEvent.RunFinished(
                        name,
                        test,
                        epochs,
                        61_000,
                        recorder.draft().folder(),
                        params,
                        STARTED.plusSeconds(61)));
        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        if (outcome == null || !outcome.isSaved()) {
            throw new IllegalStateException(
                    "fake run not saved: " + (outcome == null ? "pending" : outcome.message()));
        }
        return store.load(outcome.folder());
    }
}
