package org.dnw.ui.course;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.data.TableSamples;
import org.dnw.eval.ClassificationReport;
import org.dnw.train.RunControl;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingLoop;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingRun;

/** Data sets, a recording trainer and a scripted training loop for the course panels' tests. */
final class CourseFakes {

    private CourseFakes() {}

    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /**
     * {@code n} grey 28 × 28 images labelled {@code i % 10}, each a noisy bar at its digit's row.
     */
    static ImageSamples digits(int n, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * 28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    boolean on = Math.abs(y - (3 + 2 * labels[i])) <= 1;
                    pixels[(i * 28 + y) * 28 + x] =
                            (byte) (on ? 200 + random.nextInt(55) : random.nextInt(30));
                }
            }
        }
        return new ImageSamples(1, 28, 28, pixels, labels, DIGITS);
    }

    static LoadedDataset mnist() {
        return new LoadedDataset(
                "MNIST (sample)", digits(500, 1), digits(200, 2), Map.of(), "assets", false);
    }

    /**
     * 150 rows of 3 features of 3 classes; feature 0 is 10 + 5·class + noise (so the classes
     * separate), the others noise around 100.
     */
    static TableSamples seedsLike() {
        Random random = new Random(7);
        int n = 150;
        float[] v = new float[n * 3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            v[3 * i] = (float) (10 + 5 * labels[i] + random.nextGaussian());
            v[3 * i + 1] = (float) (100 + random.nextGaussian());
            v[3 * i + 2] = (float) (100 + 3 * random.nextGaussian());
        }
        return new TableSamples(
                3, v, labels, List.of("Kama", "Rosa", "Canadian"), List.of("a", "b", "c"));
    }

    static LoadedDataset seeds() {
        TableSamples all = seedsLike();
        int[] train = new int[120];
        int[] test = new int[30];
        for (int i = 0; i < 150; i++) {
            if (i < 120) {
                train[i] = i;
            } else {
                test[i - 120] = i;
            }
        }
        return new LoadedDataset(
                "Wheat seeds (UCI)", all.subset(train), all.subset(test), Map.of(), "", true);
    }

    /** A run that remembers cancel. */
    static final class FakeRun implements TrainingRun {
        boolean cancelled;
        final CompletableFuture<TrainingEvent> terminal = new CompletableFuture<>();

        @Override
        public String runName() {
            return "fake";
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isPaused() {
            return false;
        }

        @Override
        public CompletableFuture<TrainingEvent> terminal() {
            return terminal;
        }
    }

    /** Records each start; the run's pictures go to {@code folder}. */
    static final class Trainer implements CourseTrainer {
        final List<TrainingRequest> requests = new ArrayList<>();
        Consumer<TrainingEvent> listener;
        FakeRun run;
        CompletableFuture<Path> folder = new CompletableFuture<>();
        Exception failure;

        @Override
        public StartedTraining start(TrainingRequest request, Consumer<TrainingEvent> l)
                throws Exception {
            if (failure != null) {
                throw failure;
            }
            requests.add(request);
            listener = l;
            run = new FakeRun();
            return new StartedTraining(run, folder);
        }
    }

    static TrainingEvent.RunStarted started(TrainingRequest r, int batches) {
        return new TrainingEvent.RunStarted(
                r.runName(),
                r.spec(),
                r.hyperparameters(),
                r.splits().datasetName(),
                r.spec().analyse().totalParameters(),
                "CPU (plain Java, 2 threads)",
                r.splits().train().size(),
                r.splits().validation().size(),
                r.splits().test().size(),
                batches,
                Map.of(),
                Instant.EPOCH);
    }

    static TrainingEvent.EpochCompleted epoch(TrainingRequest r, int epoch, double accuracy) {
        return new TrainingEvent.EpochCompleted(
                r.runName(),
                epoch,
                r.hyperparameters().epochCount(),
                0.05 / epoch,
                accuracy,
                0.06 / epoch,
                accuracy - 0.01,
                r.hyperparameters().learningRate(),
                120);
    }

    /**
     * The run's end: the first {@code wrong} test images misclassified (output 0.9 for the first
     * digit, 0.1 for the second), every other one right (0.2 and 0.8).
     */
    static TrainingEvent.RunFinished finished(TrainingRequest r, int wrong) {
        int[] actual = r.splits().test().labels();
        int n = actual.length;
        int[] predicted = new int[n];
        float[] p = new float[2 * n];
        for (int i = 0; i < n; i++) {
            boolean right = i >= wrong;
            predicted[i] = right ? actual[i] : 1 - actual[i];
            float second = actual[i] == 1 ? (right ? 0.8f : 0.1f) : (right ? 0.2f : 0.9f);
            p[2 * i] = 1 - second;
            p[2 * i + 1] = second;
        }
        TrainingEvent.TestEvaluation test =
                new TrainingEvent.TestEvaluation(
                        (n - wrong) / (double) n,
                        0.02,
                        ClassificationReport.of(actual, predicted, 2),
                        actual,
                        predicted,
                        p);
        return new TrainingEvent.RunFinished(
                r.runName(),
                test,
                r.hyperparameters().epochCount(),
                1500,
                null,
                List.of(),
                Instant.EPOCH);
    }

    /**
     * Finishes fold {@code i} with test accuracy {@code accuracies[i - 1]}; fails fold {@code
     * failAt}; cancels through the control at fold {@code cancelAt}.
     */
    static final class ScriptedLoop implements TrainingLoop {
        final List<TrainingRequest> requests = new ArrayList<>();
        final double[] accuracies;
        Integer failAt;
        Integer cancelAt;

        ScriptedLoop(double... accuracies) {
            this.accuracies = accuracies;
        }

        @Override
        public void run(
                TrainingRequest request, RunControl control, Consumer<TrainingEvent> events) {
            requests.add(request);
            int fold = requests.size();
            events.accept(started(request, 12));
            if (failAt != null && fold == failAt) {
                events.accept(
                        new TrainingEvent.RunFailed(
                                request.runName(),
                                "the loss became NaN at epoch 3, batch 5",
                                "lower the learning rate, e.g. to 0.01",
                                3,
                                5));
                return;
            }
            events.accept(
                    new TrainingEvent.BatchCompleted(
                            request.runName(), 1, 6, 12, 0.9, 0.5, 900, 4));
            if (cancelAt != null && fold == cancelAt) {
                control.requestCancel();
                events.accept(new TrainingEvent.RunCancelled(request.runName(), 0, 1, 6));
                return;
            }
            int[] labels = request.splits().test().labels();
            events.accept(
                    new TrainingEvent.RunFinished(
                            request.runName(),
                            new TrainingEvent.TestEvaluation(
                                    accuracies[(fold - 1) % accuracies.length],
                                    0.25,
                                    ClassificationReport.of(labels, labels, 3),
                                    labels,
                                    labels,
                                    new float[labels.length * 3]),
                            request.hyperparameters().epochCount(),
                            200L * fold,
                            null,
                            List.of(),
                            Instant.EPOCH));
        }
    }
}
