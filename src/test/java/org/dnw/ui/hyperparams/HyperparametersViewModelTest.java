package org.dnw.ui.hyperparams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.dnw.spec.Presets;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingDefaults;
import org.junit.jupiter.api.Test;

/** The hyperparameters panel's state: every edit lands in the record, clamped. */
class HyperparametersViewModelTest {

    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults();

    private final PrimitiveIterator.OfLong seeds = LongStream.of(42, 42, 7, 99).iterator();
    private final HyperparametersViewModel model = new HyperparametersViewModel(seeds::nextLong);
    private final List<Hyperparameters> published = new ArrayList<>();

    {
        model.hyperparametersProperty().addListener((obs, old, now) -> published.add(now));
    }

    private Hyperparameters now() {
        return model.getHyperparameters();
    }

    @Test
    void itStartsAtTheDefaults() {
        assertThat(now()).isEqualTo(DEFAULTS);
        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.DJL);
        assertThat(model.getHyperparameters().weightDecay()).isZero();
        assertThat(model.getHyperparameters().validationShare()).isEqualTo(0.1);
    }

    @Test
    void eachControlChangesItsFieldOnly() {
        model.setOptimizer(OptimizerKind.RMSPROP);
        assertThat(now()).isEqualTo(DEFAULTS.withOptimizer(OptimizerKind.RMSPROP));

        model.setLearningRate(3e-4);
        model.setSchedule(ScheduleKind.STEP);
        model.setStepEpochs(4);
        model.setDecayRate(0.05);
        model.setWeightDecay(1e-3);
        model.setBatchSize(128);
        model.setEpochCount(12);
        model.setValidationShare(0.2);
        model.setSeed(1234);
        model.setLoss(LossKind.SQUARED_ERROR);

        assertThat(now())
                .isEqualTo(
                        new Hyperparameters(
                                OptimizerKind.RMSPROP,
                                3e-4,
                                ScheduleKind.STEP,
                                4,
                                0.05,
                                1e-3,
                                128,
                                12,
                                0.2,
                                1234,
                                LossKind.SQUARED_ERROR));
        assertThat(published).hasSize(11);
        assertThat(model.getHyperparameters().validationShare()).isEqualTo(0.2);
        assertThat(model.getHyperparameters().weightDecay()).isPositive();
    }

    @Test
    void valuesOutsideThePanelsRangesAreClampedSoTheRecordStaysValid() {
        model.setLearningRate(5);
        assertThat(now().learningRate()).isEqualTo(1.0);
        model.setLearningRate(1e-9);
        assertThat(now().learningRate()).isEqualTo(1e-5);
        model.setLearningRate(Double.NaN);
        assertThat(now().learningRate()).isEqualTo(1e-5);
        model.setBatchSize(0);
        assertThat(now().batchSize()).isEqualTo(1);
        model.setBatchSize(5_000);
        assertThat(now().batchSize()).isEqualTo(1024);
        model.setEpochCount(-3);
        assertThat(now().epochCount()).isEqualTo(1);
        model.setEpochCount(1_000);
        assertThat(now().epochCount()).isEqualTo(100);
        model.setValidationShare(0.8);
        assertThat(now().validationShare()).isEqualTo(0.5);
        model.setValidationShare(-0.1);
        assertThat(now().validationShare()).isEqualTo(0.0);
        model.setStepEpochs(0);
        assertThat(now().stepEpochs()).isEqualTo(1);
        model.setDecayRate(7);
        assertThat(now().decayRate()).isEqualTo(1.0);
        model.setWeightDecay(0.5);
        assertThat(now().weightDecay()).isEqualTo(0.1);
        model.setWeightDecay(1e-9);
        assertThat(now().weightDecay()).isEqualTo(1e-6);

        assertThat(now().problems()).isEmpty();
    }

    @Test
    void weightDecaySwitchesOffAndBackOnToItsLastValue() {
        model.setWeightDecayEnabled(true);
        assertThat(now().weightDecay()).isEqualTo(HyperparametersViewModel.DEFAULT_WEIGHT_DECAY);

        model.setWeightDecay(3e-3);
        model.setWeightDecayEnabled(false);
        assertThat(now().weightDecay()).isEqualTo(0.0);
        assertThat(model.getHyperparameters().weightDecay()).isZero();

        model.setWeightDecayEnabled(true);
        assertThat(now().weightDecay()).isEqualTo(3e-3);
        model.setWeightDecay(0);
        assertThat(model.getHyperparameters().weightDecay()).isZero();
    }

    @Test
    void patienceIsOffByDefaultClampedAndOnlyAvailableWithAValidationSet() {
        assertThat(now().patience()).isZero();
        assertThat(model.patienceAvailableProperty().get()).isTrue();

        model.setPatience(3);
        assertThat(now()).isEqualTo(DEFAULTS.withPatience(3));
        model.setPatience(500);
        assertThat(now().patience()).isEqualTo(HyperparametersViewModel.MAX_PATIENCE);
        model.setPatience(-2);
        assertThat(now().patience()).isZero();

        // no validation set, no validation loss to stop on: off, and it stays off
        model.setPatience(4);
        model.setValidationShare(0);
        assertThat(now().patience()).isZero();
        assertThat(now().problems()).isEmpty();
        assertThat(model.patienceAvailableProperty().get()).isFalse();
        model.setPatience(4);
        assertThat(now().patience()).isZero();
        model.setValidationShare(0.2);
        assertThat(model.patienceAvailableProperty().get()).isTrue();
        model.setPatience(4);
        assertThat(now().patience()).isEqualTo(4);

        // "train again" shows a saved run's patience; reset switches it off
        model.resetToDefaults();
        model.setFrom(DEFAULTS.withPatience(5));
        assertThat(now().patience()).isEqualTo(5);
        model.setFrom(DEFAULTS.withValidationShare(0).withPatience(5));
        assertThat(now().patience()).isZero();
        model.setFrom(DEFAULTS.withPatience(5));
        model.resetToDefaults();
        assertThat(now().patience()).isZero();

        model.setLocked(true);
        model.setPatience(2);
        assertThat(now().patience()).isZero();
    }

    @Test
    void newSeedDrawsASeedDifferentFromTheCurrentOne() {
        model.newSeed();
        // 42 is the current seed, so the next different draw (7) is taken.
        assertThat(now().seed()).isEqualTo(7);
        model.newSeed();
        assertThat(now().seed()).isEqualTo(99);
    }

    @Test
    void resetGoesBackToTheDefaults() {
        model.setOptimizer(OptimizerKind.SGD);
        model.setLearningRate(0.1);
        model.setWeightDecay(1e-2);
        model.setSeed(5);

        model.resetToDefaults();

        assertThat(now()).isEqualTo(DEFAULTS);
        assertThat(model.getHyperparameters().weightDecay()).isZero();
    }

    @Test
    void whileLockedTheControlsChangeNothingButSetFromStillWorks() {
        model.setLocked(true);

        model.setLearningRate(0.1);
        model.setBatchSize(8);
        model.setOptimizer(OptimizerKind.SGD);
        model.setEngine(EngineKind.SCRATCH);
        model.newSeed();
        model.resetToDefaults();
        assertThat(now()).isEqualTo(DEFAULTS);
        assertThat(published).isEmpty();

        Hyperparameters saved = DEFAULTS.withLearningRate(0.02).withEpochCount(3);
        model.setFrom(saved);
        assertThat(now()).isEqualTo(saved);

        model.setLocked(false);
        model.setBatchSize(8);
        assertThat(now().batchSize()).isEqualTo(8);
    }

    @Test
    void setFromClampsASavedConfigurationToThePanel() {
        Hyperparameters saved =
                new Hyperparameters(
                        OptimizerKind.NESTEROV,
                        5,
                        ScheduleKind.COSINE,
                        0,
                        -1,
                        -0.5,
                        0,
                        500,
                        0.9,
                        77,
                        LossKind.SQUARED_ERROR);

        model.setFrom(saved);

        assertThat(now())
                .isEqualTo(
                        new Hyperparameters(
                                OptimizerKind.NESTEROV,
                                1,
                                ScheduleKind.COSINE,
                                1,
                                1e-3,
                                0,
                                1,
                                100,
                                0.5,
                                77,
                                LossKind.SQUARED_ERROR));
        assertThat(model.getHyperparameters().validationShare()).isEqualTo(0.5);
    }

    @Test
    void theScratchEngineIsRefusedForAConvolutionalNetworkWithTheReason() {
        model.networkProperty().set(Presets.load("seed-cnn"));

        assertThat(model.scratchEngineReasonProperty().get())
                .isEqualTo(
                        "The from-scratch engine trains only dense layers, activations and the"
                                + " output; this network has convolution and pooling layers.");
        model.setEngine(EngineKind.SCRATCH);
        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.DJL);
    }

    @Test
    void theScratchEngineForcesPlainSgdAndGivesTheOptimizerBack() {
        model.networkProperty().set(Presets.load("mlp"));
        model.setSchedule(ScheduleKind.COSINE);
        assertThat(model.scratchEngineReasonProperty().get()).isEmpty();

        model.setEngine(EngineKind.SCRATCH);

        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.SCRATCH);
        assertThat(now().optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(now().schedule()).isEqualTo(ScheduleKind.FIXED);
        assertThat(model.isOptimizerChoosable()).isFalse();
        assertThat(model.allowedSchedules())
                .containsExactly(ScheduleKind.FIXED, ScheduleKind.DECAY);
        assertThat(model.engineNoteProperty().get()).contains("plain SGD");
        model.setOptimizer(OptimizerKind.ADAM);
        model.setSchedule(ScheduleKind.STEP);
        assertThat(now().optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(now().schedule()).isEqualTo(ScheduleKind.FIXED);
        model.setLearningRate(0.1);
        assertThat(now().learningRate()).isEqualTo(0.1);

        model.setEngine(EngineKind.DJL);

        assertThat(now().optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(now().schedule()).isEqualTo(ScheduleKind.COSINE);
        assertThat(now().learningRate()).isEqualTo(0.1);
        assertThat(model.engineNoteProperty().get()).isEmpty();
    }

    @Test
    void aNetworkTheScratchEngineCannotTrainSwitchesBackToPyTorch() {
        model.networkProperty().set(Presets.load("mlp"));
        model.setEngine(EngineKind.SCRATCH);

        model.networkProperty().set(Presets.load("simple-cnn"));

        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.DJL);
        assertThat(model.engineNoteProperty().get())
                .startsWith("Switched back to PyTorch (DJL): the from-scratch engine trains only");
    }

    @Test
    void theWindowsOwnRuleDecidesWhereTheScratchEngineMayRun() {
        model.networkProperty().set(Presets.load("mlp"));
        assertThat(model.scratchEngineReasonProperty().get()).isEmpty();

        model.setScratchEngineCheck(spec -> spec.layers().size() < 3);

        assertThat(model.scratchEngineReasonProperty().get()).isNotEmpty();
        assertThat(model.scratchEngineReasonProperty().get())
                .endsWith("it cannot train this network.");
        model.setScratchEngineCheck(null);
        assertThat(model.scratchEngineReasonProperty().get()).isEmpty();
    }

    @Test
    void setFromWithAnEngineRestoresARunOfTheScratchEngine() {
        model.networkProperty().set(Presets.load("mlp"));
        Hyperparameters saved =
                DEFAULTS.withOptimizer(OptimizerKind.SGD)
                        .withSchedule(ScheduleKind.DECAY)
                        .withLearningRate(0.5);

        model.setFrom(saved, EngineKind.SCRATCH);

        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.SCRATCH);
        assertThat(now()).isEqualTo(saved);
        model.setFrom(DEFAULTS, EngineKind.DJL);
        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.DJL);
        assertThat(now()).isEqualTo(DEFAULTS);
    }

    @Test
    void untouchedDefaultsFollowTheNetworkAndTheDataSet() {
        model.networkProperty().set(Presets.load("seed-cnn"));
        assertThat(now()).isEqualTo(DEFAULTS);
        model.datasetProperty().set("mnist");
        assertThat(now()).isEqualTo(TrainingDefaults.forPreset("seed-cnn", "mnist"));
        assertThat(now().epochCount()).isEqualTo(1);
        assertThat(model.defaultsNoteProperty().get()).contains("seed-cnn on MNIST");
        assertThat(model.followsDefaults()).isTrue();

        // a new seed is not an edit: the panel still follows, keeping the seed
        model.setSeed(5);
        model.datasetProperty().set("fashion-mnist");
        assertThat(now()).isEqualTo(DEFAULTS.withSeed(5));
        model.networkProperty().set(Presets.load("cifar-fast"));
        model.datasetProperty().set("CIFAR-10");
        assertThat(now())
                .isEqualTo(TrainingDefaults.forPreset("cifar-fast", "cifar10").withSeed(5));
    }

    @Test
    void aUsersChangeStaysWhenTheDataSetChangesUntilReset() {
        model.networkProperty().set(Presets.load("seed-cnn"));
        model.setBatchSize(32);
        // the same value again (a view echoing the model) is no edit, but 32 was
        assertThat(model.followsDefaults()).isFalse();
        assertThat(model.defaultsNoteProperty().get()).contains("Your settings");
        model.datasetProperty().set("mnist");
        assertThat(now()).isEqualTo(DEFAULTS.withBatchSize(32));

        model.resetToDefaults();
        assertThat(now()).isEqualTo(TrainingDefaults.forPreset("seed-cnn", "mnist"));
        assertThat(model.followsDefaults()).isTrue();

        model.setBatchSize(now().batchSize());
        assertThat(model.followsDefaults()).as("echoing the shown value is no edit").isTrue();

        // a saved run's settings shown ("train again") are not the defaults either
        model.setFrom(DEFAULTS.withEpochCount(3));
        model.datasetProperty().set("cifar10");
        assertThat(now().epochCount()).isEqualTo(3);
    }

    @Test
    void whileLockedTheDefaultsDoNotMoveUnderARun() {
        model.networkProperty().set(Presets.load("seed-cnn"));
        model.setLocked(true);
        model.datasetProperty().set("mnist");
        assertThat(now()).isEqualTo(DEFAULTS);
    }
}
