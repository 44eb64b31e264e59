package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnw.data.AugmentationSpec;
import org.junit.jupiter.api.Test;

class TrainingDefaultsTest {

    @Test
    void everyPresetAndDataSetStartsFromUsableDefaults() {
        for (String preset : new String[] {"seed-cnn", "mlp", "cifar-cnn", "cifar-fast", null}) {
            for (String dataset :
                    new String[] {"mnist", "fashion-mnist", "cifar10", "mnist-sample", null}) {
                Hyperparameters hp = TrainingDefaults.forPreset(preset, dataset);
                assertThat(hp.problems()).as(preset + " on " + dataset).isEmpty();
                assertThat(hp.seed()).isEqualTo(42);
            }
        }
    }

    @Test
    void theSeedCnnOnMnistTrainsOneEpochOfOneCycle() {
        // issue 13: 99.0 % in about 30 s; the README's Defaults section
        for (String name : new String[] {"mnist", "MNIST", " Mnist "}) {
            Hyperparameters hp = TrainingDefaults.forPreset("seed-cnn", name);
            assertThat(hp.optimizer()).isEqualTo(OptimizerKind.ADAM);
            assertThat(hp.learningRate()).isEqualTo(0.002);
            assertThat(hp.schedule()).isEqualTo(ScheduleKind.ONE_CYCLE);
            assertThat(hp.batchSize()).isEqualTo(96);
            assertThat(hp.epochCount()).isEqualTo(1);
            assertThat(hp.validationShare()).isEqualTo(0.1);
        }
        assertThat(TrainingDefaults.augmentationFor("seed-cnn", "mnist").isActive()).isFalse();
    }

    @Test
    void cifarFastOnCifar10IsTheFastTrainersRecipeWithShiftsAndFlips() {
        Hyperparameters hp = TrainingDefaults.forPreset("cifar-fast", "CIFAR-10");
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(hp.schedule()).isEqualTo(ScheduleKind.ONE_CYCLE);
        assertThat(hp.batchSize()).isEqualTo(128);
        assertThat(hp.epochCount()).isEqualTo(TrainingDefaults.CIFAR_FAST_EPOCHS);
        AugmentationSpec a = TrainingDefaults.augmentationFor("cifar-fast", "cifar10");
        assertThat(a.maxShiftPixels()).isEqualTo(4);
        assertThat(a.flipProbability()).isEqualTo(0.5);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void otherPairsGetTheGeneralDefaults() {
        assertThat(TrainingDefaults.forPreset("seed-cnn", "fashion-mnist"))
                .isEqualTo(Hyperparameters.defaults());
        assertThat(TrainingDefaults.forPreset("mlp", "mnist"))
                .isEqualTo(Hyperparameters.defaults());
        assertThat(TrainingDefaults.forPreset("seed-cnn", "/data/my-mnist"))
                .isEqualTo(Hyperparameters.defaults());
        assertThat(TrainingDefaults.forPreset(null, null)).isEqualTo(Hyperparameters.defaults());
        assertThat(TrainingDefaults.augmentationFor("cifar-fast", "mnist").isActive()).isFalse();
        assertThat(TrainingDefaults.describe("seed-cnn", "mnist")).contains("seed-cnn", "MNIST");
        assertThat(TrainingDefaults.describe(null, null)).contains("general defaults");
    }
}
