package org.dnw.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dnw.data.DataSplits;
import org.dnw.engine.TrainingServices;
import org.dnw.spec.Presets;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.train.Hyperparameters;
import org.dnw.train.RealData;
import org.dnw.train.SweepPlan;
import org.dnw.train.SweepSetting;
import org.dnw.train.TrainingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep of two values on real MNIST produces two saved runs. */
class SweepRunnerIT {

    @TempDir Path root;

    @Test
    void aSweepOfTwoValuesSavesTwoRuns() throws Exception {
        DataSplits splits = RealData.mnist(3_000, 300, 500);
        RunStore store = new RunStore(root);
        List<SweepEvent> events = new CopyOnWriteArrayList<>();
        try (TrainingService service = TrainingServices.withDjl()) {
            SweepRunner runner = new SweepRunner(new RunLauncher(store, service, Runnable::run));
            SweepPlan plan =
                    new SweepPlan(
                            Presets.load("mlp"),
                            Hyperparameters.defaults().withEpochCount(1),
                            List.of(
                                    new SweepPlan.Axis(
                                            SweepSetting.UNITS, List.of("16", "64"), 0)));
            SweepResult result =
                    SweepRunner.await(
                            runner.start(plan, splits, "sweep-units", 0, events::add),
                            Duration.ofMinutes(5));
            assertThat(result.cancelled()).isFalse();
            assertThat(result.rows())
                    .extracting(SweepResult.Row::outcome)
                    .containsExactly(SweepResult.Outcome.SAVED, SweepResult.Outcome.SAVED);
            assertThat(result.rows().get(0).parameterCount())
                    .isEqualTo(784 * 16 + 16 + 16 * 10 + 10);
            assertThat(result.rows().get(1).testAccuracy()).isGreaterThan(0.8);
            List<RunSummary> saved = store.list();
            assertThat(saved).hasSize(2);
            assertThat(saved)
                    .extracting(RunSummary::runName)
                    .containsExactlyInAnyOrder("sweep-units-units16", "sweep-units-units64");
            assertThat(events.get(events.size() - 1)).isInstanceOf(SweepEvent.SweepEnded.class);
            assertThat(events).filteredOn(e -> e instanceof SweepEvent.PointDone).hasSize(2);
        }
    }
}
