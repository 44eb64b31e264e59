package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dnw.data.DataSplits;
import org.dnw.data.Standardizer;
import org.dnw.data.TableSamples;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    /**
     * 100 rows of 2 features of 2 classes; feature 0 is the row number + 1000 (so rows can be told
     * apart after standardising and the mean is far from 0), feature 1 is 5 + 3·class + noise.
     */
    private static TableSamples table() {
        Random r = new Random(4);
        float[] v = new float[200];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i % 2;
            v[2 * i] = 1000 + i;
            v[2 * i + 1] = (float) (5 + 3 * labels[i] + 0.3 * r.nextGaussian());
        }
        return new TableSamples(2, v, labels, List.of("a", "b"), List.of("row", "signal"));
    }

    private static ModelSpec spec() {
        return new ModelSpec(
                "cv",
                Shape.flat(2),
                List.of(DenseSpec.of(4), ActivationSpec.relu(), OutputSpec.softmax(2)));
    }

    private static Hyperparameters hp(double validationShare) {
        return Hyperparameters.defaults()
                .withOptimizer(OptimizerKind.SGD)
                .withLearningRate(0.1)
                .withBatchSize(8)
                .withEpochCount(5)
                .withValidationShare(validationShare)
                .withSeed(5);
    }

    /** Records each fold's request and finishes it with accuracy 0.6, 0.7, ... by fold. */
    private static final class FakeLoop implements TrainingLoop {
        final List<TrainingRequest> requests = new ArrayList<>();
        Integer failAt;
        Integer cancelAfter;

        @Override
        public void run(
                TrainingRequest request,
                RunControl control,
                java.util.function.Consumer<TrainingEvent> events) {
            requests.add(request);
            int fold = requests.size();
            if (failAt != null && fold == failAt) {
                events.accept(
                        new TrainingEvent.RunFailed(
                                request.runName(),
                                "the loss became NaN at" + " epoch 1, batch 2",
                                "lower the learning rate, e.g. to 0.01",
                                1,
                                2));
                return;
            }
            if (cancelAfter != null && fold == cancelAfter) {
                control.requestCancel();
            }
            int n = request.splits().test().size();
            int[] labels = request.splits().test().labels();
            TrainingEvent.TestEvaluation test =
                    new TrainingEvent.TestEvaluation(
                            0.5 + 0.1 * fold,
                            0.3,
                            ClassificationReport.of(labels, labels, 2),
                            labels,
                            labels,
                            new float[n * 2]);
            events.accept(
                    new TrainingEvent.RunFinished(
                            request.runName(), test, 1, 10, null, List.of(), Instant.now()));
        }
    }

    @Test
    void everyRowIsTestedOnceAndValidationComesFromTheTrainingFolds() {
        FakeLoop loop = new FakeLoop();
        CrossValidationRequest request =
                CrossValidationRequest.of("cv", spec(), table(), hp(0.25)).withStandardize(false);
        CrossValidationResult result = new CrossValidation(loop).run(request, null, null);

        assertThat(result.status()).isEqualTo(CrossValidationResult.Status.COMPLETED);
        assertThat(loop.requests).hasSize(5);
        List<Integer> tested = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            TrainingRequest r = loop.requests.get(f);
            assertThat(r.runName()).isEqualTo("cv-fold-" + (f + 1));
            Set<Integer> train = rows(r.splits().train());
            Set<Integer> validation = rows(r.splits().validation());
            Set<Integer> test = rows(r.splits().test());
            // a quarter of the 80 training rows held out for validation
            assertThat(test).hasSize(20);
            assertThat(validation).hasSize(20);
            assertThat(train).hasSize(60);
            assertThat(train)
                    .doesNotContainAnyElementsOf(validation)
                    .doesNotContainAnyElementsOf(test);
            assertThat(validation).doesNotContainAnyElementsOf(test);
            tested.addAll(test);
        }
        assertThat(new HashSet<>(tested)).hasSize(100);
        assertThat(tested).hasSize(100);
    }

    @Test
    void theStandardiserIsFittedOnEachFoldsTrainingRowsOnly() {
        FakeLoop raw = new FakeLoop();
        FakeLoop standardised = new FakeLoop();
        CrossValidationRequest request = CrossValidationRequest.of("cv", spec(), table(), hp(0.25));
        new CrossValidation(raw).run(request.withStandardize(false), null, null);
        new CrossValidation(standardised).run(request, null, null);

        for (int f = 0; f < 5; f++) {
            DataSplits plain = raw.requests.get(f).splits();
            DataSplits done = standardised.requests.get(f).splits();
            Standardizer expected = Standardizer.fit((TableSamples) plain.train());
            assertThat(((TableSamples) done.train()).values())
                    .containsExactly(expected.apply((TableSamples) plain.train()).values());
            assertThat(((TableSamples) done.validation()).values())
                    .containsExactly(expected.apply((TableSamples) plain.validation()).values());
            assertThat(((TableSamples) done.test()).values())
                    .containsExactly(expected.apply((TableSamples) plain.test()).values());
            // fitted on the 60 training rows, not on all 100: the held-out rows would shift it
            Standardizer everything = Standardizer.fit(table());
            assertThat(expected.means()[0]).isNotEqualTo(everything.means()[0]);
        }
    }

    @Test
    void meanAndSampleStandardDeviationOfTheFolds() {
        CrossValidationResult result =
                new CrossValidation(new FakeLoop())
                        .run(CrossValidationRequest.of("cv", spec(), table(), hp(0)), null, null);

        assertThat(result.accuracies())
                .containsExactly(new double[] {0.6, 0.7, 0.8, 0.9, 1.0}, within(1e-12));
        assertThat(result.meanAccuracy()).isCloseTo(0.8, within(1e-12));
        // √((0.04 + 0.01 + 0 + 0.01 + 0.04) / 4)
        assertThat(result.accuracyStd()).isCloseTo(Math.sqrt(0.025), within(1e-12));
        assertThat(result.folds()).extracting(FoldResult::validationSize).containsOnly(0);
        assertThat(result.message())
                .isEqualTo(
                        "5-fold cross-validation: test accuracy 80.0 % ±"
                                + " 15.8 % (mean ± sample std over 5 folds)");
    }

    @Test
    void cancelBetweenFoldsStopsWithTheFoldsDone() {
        FakeLoop loop = new FakeLoop();
        loop.cancelAfter = 2;
        CrossValidationResult result =
                new CrossValidation(loop)
                        .run(
                                CrossValidationRequest.of("cv", spec(), table(), hp(0)),
                                new RunControl(),
                                null);

        assertThat(result.status()).isEqualTo(CrossValidationResult.Status.CANCELLED);
        assertThat(loop.requests).hasSize(2);
        assertThat(result.folds()).hasSize(2);
        assertThat(result.meanAccuracy()).isCloseTo(0.65, within(1e-12));
        assertThat(result.message()).startsWith("cancelled before fold 3 of 5");
    }

    @Test
    void aFailingFoldStopsWithItsReason() {
        FakeLoop loop = new FakeLoop();
        loop.failAt = 3;
        CrossValidationResult result =
                new CrossValidation(loop)
                        .run(CrossValidationRequest.of("cv", spec(), table(), hp(0)), null, null);

        assertThat(result.status()).isEqualTo(CrossValidationResult.Status.FAILED);
        assertThat(result.folds()).hasSize(2);
        assertThat(result.message())
                .startsWith(
                        "fold 3 of 5 failed: the loss became NaN at epoch"
                                + " 1, batch 2 — lower the learning rate");
    }

    @Test
    void impossibleFoldCountsAreReportedNotThrown() {
        CrossValidationResult result =
                new CrossValidation(new FakeLoop())
                        .run(
                                CrossValidationRequest.of("cv", spec(), table(), hp(0))
                                        .withFoldCount(1),
                                null,
                                null);

        assertThat(result.status()).isEqualTo(CrossValidationResult.Status.FAILED);
        assertThat(result.message()).contains("needs from 2 to 100 folds");
        assertThat(result.meanAccuracy()).isNaN();
    }

    @Test
    void withTheScratchEngineEveryFoldLearnsAndProgressIsTaggedByFold() {
        List<FoldProgress> progress = new ArrayList<>();
        CrossValidationResult result =
                new CrossValidation(ScratchEngine.loop(1))
                        .run(
                                CrossValidationRequest.of("cv", spec(), table(), hp(0.1)),
                                null,
                                progress::add);

        assertThat(result.status()).isEqualTo(CrossValidationResult.Status.COMPLETED);
        assertThat(result.meanAccuracy()).isGreaterThan(0.95);
        assertThat(progress).allMatch(p -> p.foldCount() == 5);
        assertThat(progress.get(0).event()).isInstanceOf(TrainingEvent.RunStarted.class);
        List<Integer> startedFolds =
                progress.stream()
                        .filter(p -> p.event() instanceof TrainingEvent.RunStarted)
                        .map(FoldProgress::fold)
                        .toList();
        assertThat(startedFolds).containsExactly(1, 2, 3, 4, 5);
        assertThat(progress.stream().filter(p -> p.event().isTerminal()).map(FoldProgress::fold))
                .containsExactly(1, 2, 3, 4, 5);
        // fold numbers never go back
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i).fold()).isGreaterThanOrEqualTo(progress.get(i - 1).fold());
        }
    }

    @Test
    void cancelWithinAFoldEndsTheWholeCrossValidation() {
        RunControl control = new RunControl();
        List<FoldProgress> progress = new ArrayList<>();
        CrossValidationResult result =
                new CrossValidation(ScratchEngine.loop(1))
                        .run(
                                CrossValidationRequest.of("cv", spec(), table(), hp(0)),
                                control,
                                p -> {
                                    progress.add(p);
                                    if (p.fold() == 2
                                            && p.event() instanceof TrainingEvent.BatchCompleted b
                                            && b.batch() == 3) {
                                        control.requestCancel();
                                    }
                                });

        assertThat(result.status()).isEqualTo(CrossValidationResult.Status.CANCELLED);
        assertThat(result.folds()).hasSize(1);
        assertThat(result.message()).startsWith("cancelled during fold 2 of 5");
        assertThat(progress.get(progress.size() - 1).event())
                .isInstanceOf(TrainingEvent.RunCancelled.class);
    }

    /** Original row numbers of unstandardised samples (feature 0 is 1000 + row). */
    private static Set<Integer> rows(org.dnw.data.Samples samples) {
        TableSamples t = (TableSamples) samples;
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(Math.round(t.values()[2 * i]) - 1000);
        }
        return out;
    }
}
