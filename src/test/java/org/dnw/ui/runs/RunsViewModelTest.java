package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.dnw.store.RunManifest;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
import org.dnw.ui.charts.ChartOverlay;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.charts.EpochPoint;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsViewModelTest {

    static final SavedRuns.Plan ADAM =
            new SavedRuns.Plan(
                    "adam baseline",
                    Instant.parse("2026-03-01T10:00:00Z"),
                    new double[] {0.90, 0.95, 0.97},
                    0.96,
                    0.001);
    static final SavedRuns.Plan SLOW =
            new SavedRuns.Plan(
                    "slow lr",
                    Instant.parse("2026-03-02T11:30:00Z"),
                    new double[] {0.80, 0.85},
                    0.88,
                    0.0001);
    static final SavedRuns.Plan BEST =
            new SavedRuns.Plan(
                    "wider",
                    Instant.parse("2026-03-03T09:15:00Z"),
                    new double[] {0.91, 0.985},
                    0.99,
                    0.002);
    static final SavedRuns.Plan BROKEN =
            new SavedRuns.Plan(
                    "broken", Instant.parse("2026-03-04T08:00:00Z"), new double[] {0.5}, 0.5, 0.1);

    @TempDir Path root;
    RunStore store;
    ChartsViewModel charts;
    FakeDialogService dialogs;
    RunsViewModel vm;
    final List<SavedRun> opened = new ArrayList<>();
    final List<RunManifest> trainAgain = new ArrayList<>();
    Path adam;
    Path slow;
    Path best;
    Path broken;

    @BeforeEach
    void setUp() throws IOException {
        store = new RunStore(root, ZoneOffset.UTC);
        adam = SavedRuns.save(store, ADAM);
        slow = SavedRuns.save(store, SLOW);
        best = SavedRuns.save(store, BEST);
        broken = SavedRuns.save(store, BROKEN);
        Files.delete(broken.resolve("manifest.json"));
        charts = new ChartsViewModel();
        dialogs = new FakeDialogService();
        vm =
                new RunsViewModel(
                        store, charts, dialogs, Runnable::run, Runnable::run, ZoneOffset.UTC);
        vm.setOnOpen(opened::add);
        vm.setOnTrainAgain(trainAgain::add);
        vm.refresh();
    }

    private RunSummary row(Path folder) {
        return vm.runs().stream().filter(r -> r.folder().equals(folder)).findFirst().orElseThrow();
    }

    @Test
    void everySavedRunIsListedNewestFirstAndTheDamagedOneSaysWhy() {
        assertThat(vm.runs())
                .extracting(RunSummary::folder)
                .containsExactly(broken, best, slow, adam);
        RunSummary damaged = row(broken);
        assertThat(damaged.isDamaged()).isTrue();
        assertThat(damaged.problem()).endsWith("manifest.json: is missing");
        assertThat(vm.statusProperty().get())
                .isEqualTo("4 saved runs in " + root + " (1 damaged: hover for the reason).");
        assertThat(RunColumn.TEST_ACCURACY.text(row(best), ZoneOffset.UTC)).isEqualTo("99.00 %");
        assertThat(RunColumn.BEST_VALIDATION.text(row(best), ZoneOffset.UTC)).isEqualTo("98.50 %");
        assertThat(RunColumn.DATE.text(row(adam), ZoneOffset.UTC)).isEqualTo("2026-03-01 10:00");
        assertThat(RunColumn.DURATION.text(row(adam), ZoneOffset.UTC)).isEqualTo("1 min 01 s");
        assertThat(RunColumn.PARAMETERS.text(row(adam), ZoneOffset.UTC)).isEqualTo("15.77 K");
        assertThat(RunColumn.TEST_ACCURACY.text(damaged, ZoneOffset.UTC)).isEqualTo("—");
        assertThat(RunColumn.NAME.text(damaged, ZoneOffset.UTC))
                .isEqualTo(broken.getFileName().toString());
    }

    @Test
    void sortingByTestAccuracyPutsTheBestFirstAndTheUnknownLast() {
        vm.sortedRuns().setComparator(RunColumn.TEST_ACCURACY.comparator().reversed());

        assertThat(vm.sortedRuns())
                .extracting(RunSummary::folder)
                .containsExactly(best, adam, slow, broken);

        vm.sortedRuns().setComparator(RunColumn.TEST_ACCURACY.comparator());
        assertThat(vm.sortedRuns())
                .extracting(RunSummary::folder)
                .containsExactly(broken, slow, adam, best);

        vm.sortedRuns().setComparator(RunColumn.NAME.comparator());
        assertThat(vm.sortedRuns())
                .extracting(RunSummary::runName)
                .containsExactly(
                        broken.getFileName().toString(), "adam baseline", "slow lr", "wider");

        vm.sortedRuns().setComparator(RunColumn.DATE.comparator().reversed());
        assertThat(vm.sortedRuns())
                .extracting(RunSummary::folder)
                .containsExactly(best, slow, adam, broken);
    }

    @Test
    void selectingARunShowsItsDetails() {
        vm.select(List.of(row(adam)));

        RunDetails d = vm.detailsProperty().get();
        assertThat(d.title()).isEqualTo("adam baseline");
        assertThat(d.problem()).isNull();
        assertThat(d.value("Results", "Test accuracy")).isEqualTo("96.00 %");
        assertThat(d.value("Results", "Best validation")).isEqualTo("97.00 % at epoch 3");
        assertThat(d.value("Hyperparameters", "Optimizer")).isEqualTo("Adam");
        assertThat(d.value("Hyperparameters", "Learning rate")).isEqualTo("0.001");
        assertThat(d.value("Hyperparameters", "Batch size")).isEqualTo("64");
        assertThat(d.value("Data", "Data set")).isEqualTo("MNIST");
        assertThat(d.value("Data", "Training samples")).isEqualTo("54,000");
        assertThat(d.value("Data", "Validation samples")).isEqualTo("6,000");
        assertThat(d.value("Data", "Test samples")).isEqualTo("200");
        assertThat(d.value("Environment", "PyTorch")).isEqualTo("2.7.1");
        assertThat(d.value("Environment", "Device")).isEqualTo("CPU (2 threads)");
        assertThat(d.value("Network", "Input")).isEqualTo("1 × 28 × 28");
        assertThat(d.section("Network").lines()).hasSize(5);
        assertThat(d.section("Network").lines().get(0))
                .contains("Conv2d")
                .contains("8 × 28 × 28")
                .contains("(80)");
        assertThat(vm.selection()).hasSize(1);

        vm.select(List.of(row(adam), row(slow)));
        assertThat(vm.detailsProperty().get().title()).as("the last selected").isEqualTo("slow lr");
        assertThat(vm.selection()).hasSize(2);
    }

    @Test
    void aDamagedRunShowsWhatIsKnownAndWhyWithoutThrowing() {
        vm.select(List.of(row(broken)));

        RunDetails d = vm.detailsProperty().get();
        assertThat(d.problem()).contains("manifest.json: is missing");
        assertThat(d.sections())
                .extracting(RunDetails.Section::title)
                .containsExactly("What is known");
        assertThat(d.subtitle()).endsWith("· damaged");
    }

    @Test
    void openLoadsTheRunAndCallsBack() {
        vm.select(List.of(row(best)));

        vm.openSelected();

        assertThat(opened).hasSize(1);
        SavedRun run = opened.get(0);
        assertThat(run.folder()).isEqualTo(best);
        assertThat(run.manifest().runName()).isEqualTo("wider");
        assertThat(run.epochs())
                .extracting(e -> e.validationAccuracy())
                .containsExactly(0.91, 0.985);
        assertThat(run.test().accuracy()).isCloseTo(0.99, within(1e-9));
        assertThat(run.firstLayer().shape()).containsExactly(8, 1, 3, 3);
        assertThat(vm.statusProperty().get()).startsWith("Opened wider:");
    }

    @Test
    void openingADamagedRunSaysWhyAndCallsNothing() {
        vm.select(List.of(row(broken)));

        vm.openSelected();

        assertThat(opened).isEmpty();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0))
                .startsWith("Cannot open the run: " + broken.getFileName())
                .contains("manifest.json: is missing");
    }

    @Test
    void overlayDrawsTheSelectedRunsCurvesOnTheCharts() {
        List<String> overlaid = new ArrayList<>();
        vm.setOnOverlaid(() -> overlaid.add("charts"));
        vm.select(List.of(row(adam), row(slow)));

        vm.overlaySelected();

        assertThat(charts.overlays())
                .extracting(ChartOverlay::name)
                .containsExactly("adam baseline (2026-03-01 10:00)", "slow lr (2026-03-02 11:30)");
        assertThat(charts.overlays().get(0).points())
                .extracting(EpochPoint::validationAccuracy)
                .containsExactly(0.90, 0.95, 0.97);
        assertThat(charts.overlays().get(1).points())
                .extracting(EpochPoint::validationLoss)
                .containsExactly(1.0 - 0.80, 1.0 - 0.85);
        assertThat(charts.epochCountProperty().get()).isEqualTo(3);
        assertThat(overlaid).containsExactly("charts");
        assertThat(vm.statusProperty().get())
                .isEqualTo("The curves of 2 runs are drawn dashed over the live charts.");

        vm.clearOverlays();
        assertThat(charts.overlays()).isEmpty();
    }

    @Test
    void deleteAsksFirstAndRemovesTheFolder() {
        vm.select(List.of(row(slow)));
        dialogs.confirmations.add(false);

        vm.deleteSelected();

        assertThat(slow).isDirectory();
        assertThat(dialogs.questions.get(0)).contains("\"slow lr\"").contains("removed for good");

        dialogs.confirmations.add(true);
        vm.deleteSelected();

        assertThat(slow).doesNotExist();
        assertThat(vm.runs()).extracting(RunSummary::folder).containsExactly(broken, best, adam);
        assertThat(vm.selection()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Deleted 1 run. 3 saved runs in");
    }

    @Test
    void aDamagedRunCanBeDeletedToo() {
        vm.select(List.of(row(broken), row(adam)));
        dialogs.confirmations.add(true);

        vm.deleteSelected();

        assertThat(broken).doesNotExist();
        assertThat(adam).doesNotExist();
        assertThat(dialogs.questions.get(0)).startsWith("Delete 2 runs from");
        assertThat(vm.runs()).hasSize(2);
    }

    @Test
    void trainAgainHandsOverTheManifest() {
        vm.select(List.of(row(slow)));

        vm.trainAgainSelected();

        assertThat(trainAgain).hasSize(1);
        RunManifest m = trainAgain.get(0);
        assertThat(m.spec()).isEqualTo(SavedRuns.spec());
        assertThat(m.hyperparameters().learningRate()).isEqualTo(0.0001);
        assertThat(m.hyperparameters().epochCount()).isEqualTo(2);
        assertThat(m.dataset().name()).isEqualTo("MNIST");
    }

    @Test
    void aNewlySavedRunIsListedAndSelected() throws IOException {
        vm.select(List.of(row(adam)));
        Path fresh =
                SavedRuns.save(
                        store,
                        new SavedRuns.Plan(
                                "fresh",
                                Instant.parse("2026-03-05T12:00:00Z"),
                                new double[] {0.7},
                                0.7,
                                0.01));

        vm.runSaved(fresh);

        assertThat(vm.runs()).hasSize(5);
        assertThat(vm.selection()).extracting(RunSummary::folder).containsExactly(fresh);
        assertThat(vm.detailsProperty().get().title()).isEqualTo("fresh");
    }

    @Test
    void refreshKeepsTheSelection() {
        vm.select(List.of(row(best), row(adam)));

        vm.refresh();

        assertThat(vm.selection()).extracting(RunSummary::folder).containsExactly(best, adam);
    }

    @Test
    void onlyTheLatestSelectionsDetailsAreShown() {
        ArrayDeque<Runnable> queued = new ArrayDeque<>();
        RunsViewModel slowStore =
                new RunsViewModel(
                        store, charts, dialogs, queued::add, Runnable::run, ZoneOffset.UTC);
        slowStore.refresh();
        queued.poll().run();
        RunSummary first = slowStore.runs().get(3);
        RunSummary second = slowStore.runs().get(2);

        slowStore.select(List.of(first));
        slowStore.select(List.of(second));
        assertThat(slowStore.detailsProperty().get().subtitle()).startsWith("Loading");
        while (!queued.isEmpty()) {
            queued.poll().run();
        }

        assertThat(slowStore.detailsProperty().get().title()).isEqualTo(second.runName());
    }
}
