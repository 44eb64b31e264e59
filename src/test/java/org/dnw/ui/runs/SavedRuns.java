package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.eval.ClassificationReport;
import org.dnw.runs.RunRecorder;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Shape;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunStore;
import org.dnw.train.Hyperparameters;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent;

/**
 * Saves synthetic runs into a real {@link RunStore} through its own recorder, as the training
 * service does: a small CNN on 10 digit classes, its epochs' figures, a test evaluation with a
 * chosen accuracy, and 8 first-layer 3×3 kernels. No engine.
 */
public final class SavedRuns {

    public static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final String PARAMS = "small-cnn-0003.params";

    private SavedRuns() {}

    /**
     * One run to save.
     *
     * @param name the run's name
     * @param startedAt its start (names the folder)
     * @param validation validation accuracy per epoch
     * @param testAccuracy the share of the 200 test samples predicted right
     * @param learningRate to tell runs apart in their hyperparameters
     */
    public record Plan(
            String name,
            Instant startedAt,
            double[] validation,
            double testAccuracy,
            double learningRate) {}

    public static ModelSpec spec() {
        return new ModelSpec(
                "small-cnn",
                Shape.image(1, 28, 28),
                List.of(
                        Conv2dSpec.of(8, 3, 1, Padding.SAME),
                        ActivationSpec.relu(),
                        Pool2dSpec.max(2, 2),
                        new FlattenSpec(),
                        OutputSpec.softmax(10)));
    }

    /** Saves {@code plan} and returns its folder. */
    public static Path save(RunStore store, Plan plan) throws IOException {
        DatasetInfo dataset =
                new DatasetInfo(
                        "MNIST",
                        DIGITS,
                        Map.of(
                                "t10k-images-idx3-ubyte.gz",
                                "ab12",
                                "train-images-idx3-ubyte.gz",
                                "cd34"),
                        0,
                        0,
                        0);
        RunRecorder recorder = new RunRecorder(store, store.begin(plan.name()), dataset);
        int epochs = plan.validation().length;
        Hyperparameters h =
                Hyperparameters.defaults()
                        .withEpochCount(epochs)
                        .withLearningRate(plan.learningRate())
                        .withOptimizer(OptimizerKind.ADAM)
                        .withSeed(7);
        recorder.accept(
                new TrainingEvent.RunStarted(
                        plan.name(),
                        spec(),
                        h,
                        "MNIST",
                        15_770,
                        "CPU (2 threads)",
                        54_000,
                        6_000,
                        200,
                        844,
                        Map.of(
                                "djl", "0.35.1",
                                "pytorch", "2.7.1",
                                "java", "17.0.15",
                                "os", "Linux 6.1 amd64"),
                        plan.startedAt()));
        for (int e = 1; e <= epochs; e++) {
            double v = plan.validation()[e - 1];
            recorder.accept(
                    new TrainingEvent.EpochCompleted(
                            plan.name(),
                            e,
                            epochs,
                            0.9 / e,
                            v - 0.01,
                            1.0 - v,
                            v,
                            plan.learningRate(),
                            20_000 + e));
        }
        Files.writeString(recorder.draft().folder().resolve(PARAMS), "djl params");
        recorder.accept(
                new TrainingEvent.RunFinished(
                        plan.name(),
                        test(plan.testAccuracy()),
                        epochs,
                        epochs * 20_000L + 1_234,
                        recorder.draft().folder(),
                        parameters(),
                        plan.startedAt().plusSeconds(epochs * 20L + 5)));
        RunSaveOutcome outcome = recorder.outcome().join();
        if (!outcome.isSaved()) {
            throw new IOException(outcome.message());
        }
        return outcome.folder();
    }

    private static TrainingEvent.TestEvaluation test(double accuracy) {
        int n = 200;
        int right = (int) Math.round(accuracy * n);
        int[] actual = new int[n];
        int[] predicted = new int[n];
        float[] probabilities = new float[n * 10];
        for (int i = 0; i < n; i++) {
            actual[i] = i % 10;
            predicted[i] = i < right ? actual[i] : (actual[i] + 1) % 10;
            probabilities[i * 10 + predicted[i]] = 0.9f;
            probabilities[i * 10 + (predicted[i] + 5) % 10] = 0.1f;
        }
        return new TrainingEvent.TestEvaluation(
                (double) right / n,
                0.2 + (1 - accuracy),
                ClassificationReport.of(actual, predicted, 10),
                actual,
                predicted,
                probabilities);
    }

    private static List<ParameterValues> parameters() {
        Random random = new Random(3);
        float[] kernels = new float[8 * 9];
        for (int i = 0; i < kernels.length; i++) {
            kernels[i] = (float) random.nextGaussian();
        }
        List<ParameterValues> out = new ArrayList<>();
        out.add(new ParameterValues("01Conv2d_weight", new int[] {8, 1, 3, 3}, kernels));
        out.add(new ParameterValues("01Conv2d_bias", new int[] {8}, new float[8]));
        return out;
    }
}
