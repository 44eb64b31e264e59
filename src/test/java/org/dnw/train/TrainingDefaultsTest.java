package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingDefaultsTest {

    @Test
    void everyPresetAndDataSetStartsFromUsableDefaults() {
        for (String preset : new String[] {"seed-cnn", "mlp", "cifar-cnn", null}) {
            for (String dataset :
                    new String[] {"mnist", "fashion-mnist", "cifar10", "mnist-sample", null}) {
                Hyperparameters hp = TrainingDefaults.forPreset(preset, dataset);
                assertThat(hp.problems()).as(preset + " on " + dataset).isEmpty();
                assertThat(hp.seed()).isEqualTo(42);
            }
        }
    }

    @Test
    void theSeedCnnOnMnistStartsFromTheDocumentedDefaults() {
        // the README's Defaults section: Adam 0.001, cosine, batch 64, 5 epochs, 10 % validation
        Hyperparameters hp = TrainingDefaults.forPreset("seed-cnn", "mnist");
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(hp.learningRate()).isEqualTo(1e-3);
        assertThat(hp.schedule()).isEqualTo(ScheduleKind.COSINE);
        assertThat(hp.batchSize()).isEqualTo(64);
        assertThat(hp.epochCount()).isEqualTo(5);
        assertThat(hp.validationShare()).isEqualTo(0.1);
    }
}
