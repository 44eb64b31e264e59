package org.dnw.ui.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.dnw.data.LoadedDataset;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.train.CrossValidation;
import org.dnw.train.CrossValidationRequest;
import org.dnw.train.EngineKind;
import org.dnw.train.FoldResult;
import org.dnw.train.Hyperparameters;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;
import org.junit.jupiter.api.Test;

class CrossValidationViewModelTest {

    private final CourseFakes.ScriptedLoop loop =
            new CourseFakes.ScriptedLoop(0.6, 0.7, 0.8, 0.9, 1.0);
    private final List<CrossValidationRequest> requests = new ArrayList<>();
    private DatasetSupplier data = CourseFakes::seeds;
    private final CrossValidator validator =
            (request, control, listener) -> {
                requests.add(request);
                return new CrossValidation(loop).run(request, control, listener);
            };
    private final CrossValidationViewModel model =
            new CrossValidationViewModel(() -> data.get(), validator, Runnable::run, Runnable::run);

    @Test
    void theFoldsFillTheTableWithTheirMeanAndStandardDeviation() {
        model.run();

        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.folds()).extracting(FoldResult::fold).containsExactly(1, 2, 3, 4, 5);
        assertThat(model.folds())
                .extracting(FoldResult::testAccuracy)
                .containsExactly(0.6, 0.7, 0.8, 0.9, 1.0);
        // 150 rows in 5 stratified folds: 120 train, 30 test each
        assertThat(model.folds()).extracting(FoldResult::testSize).containsOnly(30);
        assertThat(model.folds()).extracting(FoldResult::trainSize).containsOnly(120);
        assertThat(model.summaryProperty().get().meanAccuracy()).isCloseTo(0.8, within(1e-12));
        // sample std of 0.6 … 1.0: sqrt(0.1 / 4)
        assertThat(model.summaryProperty().get().accuracyStd())
                .isCloseTo(Math.sqrt(0.025), within(1e-12));
        assertThat(model.summaryProperty().get().text()).isEqualTo("80.0 % ± 15.8 %");
        assertThat(model.dataTextProperty().get())
                .isEqualTo(
                        "Wheat seeds (UCI): 150 rows, 3 features, 3 classes (Kama, Rosa, Canadian)");
        assertThat(model.job().statusProperty().get())
                .isEqualTo(
                        "Done: every row was tested once, by a network trained on the other 4 folds.");
        assertThat(model.job().progressProperty().get()).isEqualTo(1.0);
        assertThat(model.job().errorProperty().get()).isEmpty();

        CrossValidationRequest request = requests.get(0);
        assertThat(request.samples().size()).isEqualTo(150);
        assertThat(request.foldCount()).isEqualTo(5);
        assertThat(request.stratified()).isTrue();
        assertThat(request.standardize()).isTrue();
        assertThat(request.engine()).isEqualTo(EngineKind.SCRATCH);
        assertThat(request.spec().layers())
                .containsExactly(
                        DenseSpec.of(10),
                        ActivationSpec.of(ActivationType.SIGMOID),
                        OutputSpec.softmax(3));
        Hyperparameters hp = request.hyperparameters();
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(hp.schedule()).isEqualTo(ScheduleKind.DECAY);
        assertThat(hp.learningRate()).isEqualTo(0.1);
        assertThat(hp.decayRate()).isEqualTo(0.01);
        assertThat(hp.epochCount()).isEqualTo(100);
        assertThat(hp.batchSize()).isEqualTo(1);
        assertThat(hp.validationShare()).isZero();
        // the loop saw each fold's rows standardised
        assertThat(loop.requests).hasSize(5);
    }

    @Test
    void theSettingsAsTypedReachTheRequest() {
        model.foldCountProperty().set(3);
        model.form().engineProperty().set(EngineKind.DJL);
        model.form().unitsTextProperty().set("6");
        model.activationProperty().set(ActivationType.RELU);
        model.form().learningRateTextProperty().set("0.05");
        model.decayTextProperty().set("0");
        model.form().epochsTextProperty().set("20");
        model.form().batchSizeTextProperty().set("8");
        model.run();

        CrossValidationRequest request = requests.get(0);
        assertThat(request.foldCount()).isEqualTo(3);
        assertThat(request.engine()).isEqualTo(EngineKind.DJL);
        assertThat(request.spec().layers().get(0)).isEqualTo(DenseSpec.of(6));
        assertThat(request.spec().layers().get(1)).isEqualTo(ActivationSpec.relu());
        assertThat(request.hyperparameters().learningRate()).isEqualTo(0.05);
        assertThat(request.hyperparameters().decayRate()).isZero();
        assertThat(request.hyperparameters().epochCount()).isEqualTo(20);
        assertThat(request.hyperparameters().batchSize()).isEqualTo(8);
        assertThat(model.folds()).hasSize(3);
        assertThat(model.summaryProperty().get().text()).isEqualTo("70.0 % ± 10.0 %");
    }

    @Test
    void settingsOutOfRangeAreSentencesAndRunStaysOff() {
        model.foldCountProperty().set(11);
        assertThat(model.form().problemProperty().get()).isEqualTo("Choose from 2 to 10 folds.");
        assertThat(model.canRunBinding().get()).isFalse();
        model.foldCountProperty().set(4);
        model.decayTextProperty().set("-0.5");
        assertThat(model.form().problemProperty().get())
                .startsWith("The decay must be 0 or a positive number");
        model.decayTextProperty().set("0.01");
        model.form().batchSizeTextProperty().set("0");
        assertThat(model.form().problemProperty().get()).startsWith("The batch size must be");
        model.form().batchSizeTextProperty().set("4");
        assertThat(model.form().problemProperty().get()).isEmpty();
        assertThat(model.canRunBinding().get()).isTrue();
    }

    @Test
    void imagesAndMissingFilesAreSentences() {
        data = CourseFakes::mnist;
        model.run();
        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.job().errorProperty().get())
                .startsWith("MNIST (sample) holds images; cross-validation here trains a dense")
                .endsWith("or use the wheat seeds.");
        assertThat(requests).isEmpty();

        data =
                () -> {
                    throw new org.dnw.data.DataFormatException(
                            java.nio.file.Path.of("/data/wheat-seeds/seeds_dataset.txt"),
                            "line 12 has 6 values, expected 8");
                };
        model.run();
        assertThat(model.job().errorProperty().get())
                .isEqualTo("seeds_dataset.txt: line 12 has 6 values, expected 8.");
    }

    @Test
    void aFailingFoldStopsWithItsSentenceAndKeepsTheFoldsDone() {
        loop.failAt = 3;
        model.run();

        assertThat(model.folds()).hasSize(2);
        assertThat(model.summaryProperty().get().text()).isEqualTo("65.0 % ± 7.1 %");
        assertThat(model.job().errorProperty().get())
                .startsWith("Fold 3 of 5 failed: the loss became NaN at epoch 3, batch 5")
                .contains("lower the learning rate");
        assertThat(model.job().statusProperty().get()).isEqualTo("The cross-validation stopped.");
    }

    @Test
    void cancelStopsBetweenBatches() {
        loop.cancelAt = 2;
        model.run();

        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.folds()).hasSize(1);
        assertThat(model.job().statusProperty().get()).startsWith("Cancelled during fold 2 of 5");
        assertThat(model.job().errorProperty().get()).isEmpty();
    }

    @Test
    void theFromScratchEngineSeparatesASimpleTable() {
        CrossValidationViewModel real =
                new CrossValidationViewModel(
                        CourseFakes::seeds,
                        (request, control, listener) ->
                                new CrossValidation(ScratchEngine.loop(1))
                                        .run(request, control, listener),
                        Runnable::run,
                        Runnable::run);
        real.form().epochsTextProperty().set("20");
        real.run();

        assertThat(real.folds()).hasSize(5);
        assertThat(real.summaryProperty().get().meanAccuracy()).isGreaterThan(0.9);
        assertThat(real.job().errorProperty().get()).isEmpty();
    }

    @Test
    void theTableInUseWinsOverTheFallback() throws Exception {
        LoadedDataset seeds = CourseFakes.seeds();
        LoadedDataset mnist = CourseFakes.mnist();
        DatasetSupplier fallback = () -> seeds;
        assertThat(DatasetSupplier.tableOr(() -> mnist, fallback).get()).isSameAs(seeds);
        assertThat(DatasetSupplier.tableOr(() -> null, fallback).get()).isSameAs(seeds);
        LoadedDataset other =
                new LoadedDataset(
                        "iris.csv", seeds.train(), seeds.test(), java.util.Map.of(), "", true);
        assertThat(DatasetSupplier.tableOr(() -> other, fallback).get()).isSameAs(other);
    }
}
