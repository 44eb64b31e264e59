package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dnw.data.DataSplits;
import org.dnw.engine.LoadedNetwork;
import org.dnw.engine.TrainingServices;
import org.dnw.runs.RunLauncher;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.Presets;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.ModelEvaluation;
import org.dnw.train.RealData;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.train.TrainingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run trained on real MNIST is saved, listed, loaded back and gives its recorded figures. */
class RunRoundTripIT {

    @TempDir Path root;

    @Test
    void aSavedRunReloadsToTheSameTestAccuracy() throws Exception {
        DataSplits splits = RealData.mnist(5_000, 500, 1_000);
        RunStore store = new RunStore(root);
        try (TrainingService service = TrainingServices.withDjl()) {
            RunLauncher launcher = new RunLauncher(store, service, Runnable::run);
            RunLauncher.LaunchedRun launched =
                    launcher.launch(
                            "round-trip",
                            Presets.load("seed-cnn"),
                            splits,
                            Hyperparameters.defaults().withEpochCount(1),
                            50,
                            e -> {});
            TrainingEvent terminal = launched.run().await(Duration.ofMinutes(5));
            assertThat(terminal).isInstanceOf(TrainingEvent.RunFinished.class);
            RunSaveOutcome outcome = launched.saved().get();
            assertThat(outcome.isSaved()).as(outcome.message()).isTrue();

            assertThat(store.list()).hasSize(1);
            RunSummary summary = store.list().get(0);
            assertThat(summary.status()).isEqualTo(RunStatus.OK);
            SavedRun saved = store.load(outcome.folder());
            double recorded = saved.manifest().results().testAccuracy();
            assertThat(recorded)
                    .isEqualTo(((TrainingEvent.RunFinished) terminal).test().accuracy());
            assertThat(saved.firstLayer().shape()).containsExactly(32, 1, 5, 5);
            assertThat(Files.size(outcome.folder().resolve("weights.npz")))
                    .isGreaterThan(1_000_000);
            assertThat(Files.exists(outcome.folder().resolve("first-layer.png"))).isTrue();

            try (LoadedNetwork network =
                    LoadedNetwork.load(saved.manifest().spec(), outcome.folder())) {
                TestEvaluation again =
                        ModelEvaluation.evaluate(network, splits.test(), LossKind.CROSS_ENTROPY);
                assertThat(again.accuracy()).isEqualTo(recorded);
                assertThat(again.predicted()).isEqualTo(saved.test().predicted());
                assertThat(again.loss())
                        .isCloseTo(
                                saved.manifest().results().testLoss(),
                                org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }
}
