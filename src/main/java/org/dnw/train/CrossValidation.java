package org.dnw.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataSplits;
import org.dnw.data.KFold;
import org.dnw.data.Samples;
import org.dnw.data.Standardizer;
import org.dnw.data.TableSamples;
import org.dnw.spec.ModelSpec;

/**
 * k-fold cross-validation through any {@link TrainingLoop} (the from-scratch engine's or DJL's):
 * the samples are split with {@link KFold} (seeded by the hyperparameters' seed), and the folds are
 * trained one after the other on the calling thread. For fold {@code i}, a seeded {@code
 * validationShare} of its training rows is held out for validation; for a table the features are
 * standardised with the mean and std of the remaining training rows only ({@link Standardizer}), so
 * that nothing of the held-out rows leaks into training; the held-out fold is the test split.
 *
 * <p>Every training event of fold {@code i} is forwarded to the listener as a {@link FoldProgress}
 * ({@code i} of {@code k}). The {@link RunControl} is handed to every fold's loop, so pause and
 * cancel work within a fold, and cancel is also checked between folds. {@link #run} never throws
 * for a bad request or a failing fold: the {@link CrossValidationResult} says what happened.
 *
 * <p>Not thread-safe; one cross-validation at a time per instance (the loop runs one training at a
 * time).
 */
public final class CrossValidation {

    private final TrainingLoop loop;

    /**
     * @param loop the engine's loop that trains each fold
     */
    public CrossValidation(TrainingLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /**
     * Runs every fold and returns per-fold test accuracies with their mean and sample standard
     * deviation.
     *
     * @param control pause and cancel requests, honoured between batches and between folds
     * @param listener receives every fold's training events; called on this thread, must not block
     */
    public CrossValidationResult run(
            CrossValidationRequest request, RunControl control, Consumer<FoldProgress> listener) {
        RunControl ctl = control == null ? new RunControl() : control;
        Consumer<FoldProgress> out = listener == null ? p -> {} : listener;
        int k = request.foldCount();
        List<FoldResult> done = new ArrayList<>();
        Samples samples = request.samples();
        List<KFold.Fold> folds;
        try {
            folds = KFold.split(samples, k, request.hyperparameters().seed(), request.stratified());
        } catch (IllegalArgumentException e) {
            return CrossValidationResult.of(
                    CrossValidationResult.Status.FAILED,
                    k,
                    done,
                    "cannot split: " + e.getMessage());
        }
        ModelSpec spec = request.spec().adaptTo(samples.inputShape(), samples.classCount());
        Hyperparameters hp = request.hyperparameters();
        for (KFold.Fold fold : folds) {
            int number = fold.index() + 1;
            if (ctl.isCancelRequested()) {
                return CrossValidationResult.of(
                        CrossValidationResult.Status.CANCELLED,
                        k,
                        done,
                        "cancelled before fold " + number + " of " + k);
            }
            DataSplits splits = splits(request, fold);
            TrainingRequest training =
                    new TrainingRequest(
                            request.runName() + "-fold-" + number,
                            spec,
                            splits,
                            hp,
                            null,
                            0,
                            AugmentationSpec.NONE,
                            request.engine());
            TrainingEvent[] terminal = new TrainingEvent[1];
            try {
                loop.run(
                        training,
                        ctl,
                        e -> {
                            if (e.isTerminal()) {
                                terminal[0] = e;
                            }
                            out.accept(new FoldProgress(number, k, e));
                        });
            } catch (RuntimeException e) {
                // a loop must not throw; if one does, this fold failed like any other
                return CrossValidationResult.of(
                        CrossValidationResult.Status.FAILED,
                        k,
                        done,
                        "fold " + number + " of " + k + " failed: " + e.getMessage());
            }
            if (terminal[0] instanceof TrainingEvent.RunFinished f) {
                done.add(
                        new FoldResult(
                                number,
                                splits.train().size(),
                                splits.validation().size(),
                                splits.test().size(),
                                f.test().accuracy(),
                                f.test().loss(),
                                f.durationMillis()));
            } else if (terminal[0] instanceof TrainingEvent.RunCancelled) {
                return CrossValidationResult.of(
                        CrossValidationResult.Status.CANCELLED,
                        k,
                        done,
                        "cancelled during fold " + number + " of " + k);
            } else {
                String reason =
                        terminal[0] instanceof TrainingEvent.RunFailed failed
                                ? failed.reason() + " — " + failed.advice()
                                : "the training ended without a result";
                return CrossValidationResult.of(
                        CrossValidationResult.Status.FAILED,
                        k,
                        done,
                        "fold " + number + " of " + k + " failed: " + reason);
            }
        }
        return CrossValidationResult.of(CrossValidationResult.Status.COMPLETED, k, done, null);
    }

    /**
     * Fold {@code fold}'s splits: validation drawn from its training rows with a generator seeded
     * by the seed and the fold, the standardiser fitted on what remains for training.
     */
    static DataSplits splits(CrossValidationRequest request, KFold.Fold fold) {
        Samples samples = request.samples();
        int[] train = fold.trainIndices();
        Random random = new Random(request.hyperparameters().seed() * 31 + fold.index());
        for (int i = train.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = train[i];
            train[i] = train[j];
            train[j] = t;
        }
        int validationCount =
                (int) Math.round(train.length * request.hyperparameters().validationShare());
        validationCount = Math.max(0, Math.min(train.length - 1, validationCount));
        int[] validation = java.util.Arrays.copyOfRange(train, 0, validationCount);
        int[] fit = java.util.Arrays.copyOfRange(train, validationCount, train.length);
        java.util.Arrays.sort(validation);
        java.util.Arrays.sort(fit);
        Samples trainSet = samples.subset(fit);
        Samples validationSet = samples.subset(validation);
        Samples testSet = samples.subset(fold.testIndices());
        if (request.standardize() && trainSet instanceof TableSamples rows) {
            Standardizer standardizer = Standardizer.fit(rows);
            trainSet = standardizer.apply(rows);
            validationSet = standardizer.apply((TableSamples) validationSet);
            testSet = standardizer.apply((TableSamples) testSet);
        }
        return new DataSplits(
                request.datasetName(), trainSet, validationSet, testSet, request.fileSha256());
    }
}
