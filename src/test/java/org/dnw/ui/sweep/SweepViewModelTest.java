package org.dnw.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnw.runs.SweepEvent;
import org.dnw.train.SweepPlan;
import org.dnw.train.SweepSetting;
import org.junit.jupiter.api.Test;

class SweepViewModelTest {

    private final SweepFakes.Starter starter = new SweepFakes.Starter();
    private final List<Path> saved = new ArrayList<>();
    private SweepSetting.Variant base = SweepFakes.base();
    private final SweepViewModel model =
            new SweepViewModel(starter, () -> base, Runnable::run, saved::add, null);

    /** kernel 3, 5, 13 in every convolution × lr 0.001, 0.01: kernel 13 cannot fit. */
    private void kernelByRate() {
        model.first().settingProperty().set(SweepSetting.KERNEL_SIZE);
        model.first().valuesTextProperty().set("3, 5, 13");
        model.second().enabledProperty().set(true);
        model.second().settingProperty().set(SweepSetting.LEARNING_RATE);
        model.second().valuesTextProperty().set("0.001, 0.01");
    }

    @Test
    void choosingASettingOffersItsTypicalValuesAndTheLayersItFits() {
        model.first().settingProperty().set(SweepSetting.KERNEL_SIZE);

        assertThat(model.first().valuesTextProperty().get()).isEqualTo("3, 5, 7");
        assertThat(model.first().networkSettingProperty().get()).isTrue();
        assertThat(model.first().layerChoices())
                .extracting(LayerChoice::position)
                .containsExactly(0, 1, 4);
        assertThat(model.first().layerChoices().get(0).text()).isEqualTo("every convolution layer");
        assertThat(model.first().layerChoices().get(1).text()).startsWith("layer 1: Conv2d 8");

        model.first().settingProperty().set(SweepSetting.UNITS);
        assertThat(model.first().layerChoices())
                .extracting(LayerChoice::position)
                .containsExactly(0, 8);
        model.first().settingProperty().set(SweepSetting.OPTIMIZER);
        assertThat(model.first().networkSettingProperty().get()).isFalse();
        assertThat(model.first().valuesTextProperty().get())
                .isEqualTo("adam, sgd, momentum, rmsprop");
    }

    @Test
    void thePreviewListsTheRunsAndNamesThoseThatCannotWork() {
        kernelByRate();

        assertThat(model.previewProperty().get())
                .isEqualTo(
                        "6 runs: kernel=3 lr=0.001, kernel=3 lr=0.01, kernel=5 lr=0.001,"
                                + " kernel=5 lr=0.01, kernel=13 lr=0.001, kernel=13 lr=0.01");
        assertThat(model.problemsProperty().get())
                .startsWith("2 cannot work and will be skipped: kernel=13 lr=0.001 — ")
                .contains("13×13 kernel does not fit")
                .contains("; kernel=13 lr=0.01 — ");
        assertThat(model.canRunBinding().get()).isTrue();

        // only the first convolution changes: a 13×13 kernel fits there
        model.first().layerProperty().set(model.first().layerChoices().get(1));
        assertThat(model.problemsProperty().get()).isEmpty();

        model.first().valuesTextProperty().set("13");
        model.first().layerProperty().set(model.first().layerChoices().get(0));
        assertThat(model.problemsProperty().get()).startsWith("None of these can work: ");
        assertThat(model.canRunBinding().get()).isFalse();

        model.first().valuesTextProperty().set(" , ");
        assertThat(model.problemsProperty().get())
                .isEqualTo("Give at least one value for kernel size.");
        assertThat(model.canRunBinding().get()).isFalse();

        model.first().valuesTextProperty().set("3, 5, 7, 9, 11, 2, 4");
        assertThat(model.previewProperty().get())
                .startsWith("14 runs: ")
                .endsWith(", … and 8 more");

        model.second().settingProperty().set(SweepSetting.KERNEL_SIZE);
        assertThat(model.problemsProperty().get()).contains("must differ");
        assertThat(model.canRunBinding().get()).isFalse();
    }

    @Test
    void withoutANetworkNothingCanRun() {
        base = null;
        model.refreshNetwork();

        assertThat(model.problemsProperty().get())
                .startsWith("Build a network and load a data set");
        assertThat(model.canRunBinding().get()).isFalse();
        model.run();
        assertThat(starter.plans).isEmpty();
        assertThat(model.job().errorProperty().get()).startsWith("Build a network");
    }

    @Test
    void eventsFillTheTableAndTheChartInOrder() {
        kernelByRate();
        model.run();

        assertThat(starter.names).containsExactly("sweep-kernel-lr");
        SweepPlan plan = starter.plans.get(0);
        assertThat(plan.axes()).extracting(SweepPlan.Axis::layer).containsExactly(0, 0);
        assertThat(model.job().runningProperty().get()).isTrue();
        assertThat(model.canRunBinding().get()).isFalse();
        assertThat(model.rows()).hasSize(6);
        assertThat(model.rows())
                .extracting(r -> r.outcomeProperty().get())
                .containsExactly(
                        "waiting", "waiting", "waiting", "waiting", "cannot work", "cannot work");
        assertThat(model.columnTitles()).containsExactly("kernel size", "learning rate");
        assertThat(model.seriesNames()).containsExactly("lr=0.001", "lr=0.01");
        assertThat(model.xCategories()).containsExactly("3", "5", "13");
        assertThat(model.numericXProperty().get()).isTrue();

        List<SweepEvent> events = SweepFakes.events(plan, 6, 0.97, 0.95, 0.98, 0.96);
        // the first point's events up to the end of its first epoch
        int firstEpoch = 0;
        while (!(events.get(firstEpoch) instanceof SweepEvent.PointTraining t
                && t.event() instanceof org.dnw.train.TrainingEvent.EpochCompleted)) {
            firstEpoch++;
        }
        events.subList(0, firstEpoch + 1).forEach(starter.listener);
        assertThat(model.rows().get(0).stateProperty().get()).isEqualTo(SweepRow.State.TRAINING);
        assertThat(model.rows().get(0).outcomeProperty().get()).isEqualTo("epoch 2/2…");
        assertThat(model.job().progressProperty().get()).isCloseTo(0.5 / 6, within(1e-9));
        assertThat(model.progressTextProperty().get()).startsWith("Run 1 of 6 (kernel=3 lr=0.001)");

        events.subList(firstEpoch + 1, events.size()).forEach(starter.listener);

        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.rows())
                .extracting(SweepRow::state)
                .containsExactly(
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SKIPPED,
                        SweepRow.State.SKIPPED);
        assertThat(model.rows().get(2).figuresProperty().get().testAccuracy()).isEqualTo(0.98);
        assertThat(model.rows().get(2).figuresProperty().get().durationMillis()).isEqualTo(3000);
        assertThat(model.rows().get(4).messageProperty().get()).contains("does not fit");
        assertThat(saved)
                .containsExactly(
                        Path.of("runs", "point-0"),
                        Path.of("runs", "point-1"),
                        Path.of("runs", "point-2"),
                        Path.of("runs", "point-3"));
        assertThat(model.chartPoints())
                .containsExactly(
                        new SweepChartPoint(0, "3", 3, 97),
                        new SweepChartPoint(1, "3", 3, 95),
                        new SweepChartPoint(0, "5", 5, 98),
                        new SweepChartPoint(1, "5", 5, 96));
        assertThat(model.job().progressProperty().get()).isEqualTo(1.0);
        assertThat(model.job().statusProperty().get())
                .isEqualTo(
                        "Sweep finished: 4 runs saved, 2 skipped. Best: kernel=5 lr=0.001 (98.0 %).");
        assertThat(model.canRunBinding().get()).isTrue();

        model.chartMetricProperty().set(ChartMetric.TIME);
        assertThat(model.chartPoints())
                .extracting(SweepChartPoint::y)
                .containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(model.yAxisLabelProperty().get()).isEqualTo("training time (s)");
        model.chartMetricProperty().set(ChartMetric.PARAMETERS);
        assertThat(model.chartPoints().get(0).y())
                .isEqualTo(plan.points().get(0).variant().spec().analyse().totalParameters());
    }

    @Test
    void cancelStopsTheSweepAndMarksThePointsNotReached() {
        model.first().settingProperty().set(SweepSetting.UNITS);
        model.first().valuesTextProperty().set("16, 64, 256");
        model.run();
        SweepPlan plan = starter.plans.get(0);
        assertThat(model.seriesNames()).containsExactly("runs");

        model.cancel();
        assertThat(starter.sweep.cancelled).isTrue();
        assertThat(model.job().statusProperty().get())
                .isEqualTo("Stopping after the current batch…");
        SweepFakes.events(plan, 1, 0.9).forEach(starter.listener);

        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.rows())
                .extracting(r -> r.outcomeProperty().get())
                .containsExactly("saved", "not run", "not run");
        assertThat(model.job().statusProperty().get())
                .isEqualTo(
                        "Sweep cancelled after 1 of 3 runs; the runs finished before are saved.");
        assertThat(model.chartPoints()).containsExactly(new SweepChartPoint(0, "16", 16, 90));
    }

    @Test
    void aStartThatFailsIsShownAsASentence() {
        starter.failure =
                new IllegalStateException(
                        "another run (seed-cnn-mnist) is still training — stop it or wait for it"
                                + " to finish");
        model.run();

        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.job().errorProperty().get())
                .isEqualTo(
                        "The sweep did not start: Another run (seed-cnn-mnist) is still training —"
                                + " stop it or wait for it to finish.");
        assertThat(model.canRunBinding().get()).isTrue();
    }

    @Test
    void eventsOfAnEarlierSweepAreIgnored() {
        model.first().settingProperty().set(SweepSetting.BATCH_SIZE);
        model.run();
        var firstListener = starter.listener;
        SweepPlan firstPlan = starter.plans.get(0);
        model.cancel();
        SweepFakes.events(firstPlan, 0).forEach(firstListener);
        model.run();
        SweepFakes.events(firstPlan, 3, 0.5).forEach(firstListener);

        assertThat(model.job().runningProperty().get()).isTrue();
        assertThat(model.rows()).extracting(SweepRow::state).containsOnly(SweepRow.State.WAITING);
        assertThat(model.chartPoints()).isEmpty();
    }

    @Test
    void numbersSpreadOverOrdersOfMagnitudeAreDrawnAsCategories() {
        assertThat(SweepViewModel.numeric(List.of("3", "5", "7"))).isTrue();
        assertThat(SweepViewModel.numeric(List.of("0", "1", "2"))).isTrue();
        assertThat(SweepViewModel.numeric(List.of("0.001", "0.002", "0.005"))).isTrue();
        assertThat(SweepViewModel.numeric(List.of("0.0001", "0.001", "0.01"))).isFalse();
        assertThat(SweepViewModel.numeric(List.of("valid", "same"))).isFalse();
        assertThat(SweepViewModel.numeric(List.of("5"))).isFalse();
    }
}
