package org.dnw.ui.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.dnw.data.CorruptionSpec;
import org.dnw.store.RunSummary;
import org.dnw.ui.HeadlessFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The robustness view in a real (headless) stage, the evaluation on a background thread as in the
 * application: tick two runs, press Check, and the table and the chart fill in.
 */
@ExtendWith(ApplicationExtension.class)
class RobustnessUiTest {

    static {
        HeadlessFx.configure();
    }

    private static final List<RunSummary> RUNS =
            List.of(
                    FakeEvaluator.run("seed-cnn-mnist", 0.991),
                    FakeEvaluator.run("seed-cnn-mnist-augmented", 0.989));

    private ExecutorService background;
    private RobustnessViewModel model;
    private RobustnessView view;

    /** What the evaluator does; each test sets it before pressing Check. */
    private volatile RobustnessEvaluator behaviour = new FakeEvaluator();

    @Start
    void start(Stage stage) {
        background =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "robustness-check");
                            t.setDaemon(true);
                            return t;
                        });
        RobustnessEvaluator delegate =
                (run, corruption, seed, progress, cancelled) ->
                        behaviour.accuracy(run, corruption, seed, progress, cancelled);
        model = new RobustnessViewModel(() -> RUNS, delegate, background, Platform::runLater);
        view = new RobustnessView(model);
        Scene scene = new Scene(view, 1280, 800);
        for (String sheet : List.of("/org/dnw/ui/workbench.css", "/org/dnw/ui/augment.css")) {
            scene.getStylesheets().add(getClass().getResource(sheet).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
        model.refreshRuns();
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void checkingTwoRunsFillsTheTableAndGivesTheChartALinePerRun(FxRobot robot) throws Exception {
        waitUntil(() -> model.runs().size() == 2);
        // the table's cells are laid out at a later pulse than the list changes
        waitUntil(() -> robot.lookup("#robustness-runs .check-box").queryAll().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> boxes = robot.lookup("#robustness-runs .check-box").queryAll();
        CheckBox second =
                boxes.stream()
                        .map(CheckBox.class::cast)
                        .filter(b -> !b.isSelected())
                        .findFirst()
                        .orElseThrow();
        robot.clickOn(second);
        assertThat(model.runs().get(1).isSelected()).isTrue();
        assertThat(view.plottedPointCount()).isZero();

        robot.clickOn("#robustness-check");
        waitUntil(() -> !model.job().runningProperty().get() && model.results().size() == 12);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.chart().getData()).hasSize(2);
        assertThat(view.chart().getData().get(0).getName()).isEqualTo("seed-cnn-mnist");
        assertThat(view.plottedPointCount()).isEqualTo(12);
        assertThat(view.chart().getData().get(1).getData().get(5).getXValue().doubleValue())
                .isEqualTo(0.5);
        assertThat(view.chart().getXAxis().getLabel()).isEqualTo("noise σ (salt & pepper = σ / 6)");
        assertThat(view.table().getItems()).hasSize(6);
        assertThat(view.table().getColumns())
                .extracting(TableColumn::getText)
                .containsExactly("Corruption", "seed-cnn-mnist", "seed-cnn-mnist-augmented");
        @SuppressWarnings("unchecked")
        TableColumn<RobustnessRow, String> plain =
                (TableColumn<RobustnessRow, String>) view.table().getColumns().get(1);
        assertThat(plain.getCellData(0)).isEqualTo("99.1 %");
        double dropped =
                FakeEvaluator.curve(RUNS.get(0), view.table().getItems().get(3).corruption());
        assertThat(plain.getCellData(3))
                .startsWith(String.format(java.util.Locale.ROOT, "%.1f %%", dropped * 100))
                .contains("(−");
        assertThat(view.progressBar().getProgress()).isEqualTo(1.0);
        assertThat(view.errorLabel().isVisible()).isFalse();
    }

    @Test
    void cancelStopsARunningCheck(FxRobot robot) throws Exception {
        behaviour =
                (RunSummary run,
                        CorruptionSpec corruption,
                        long seed,
                        DoubleConsumer progress,
                        BooleanSupplier cancelled) -> {
                    if (!corruption.isIdentity()) {
                        // A slow evaluation that honours the cancel flag, as a real one would.
                        for (int i = 0; i < 500 && !cancelled.getAsBoolean(); i++) {
                            progress.accept(i / 500.0);
                            Thread.sleep(10);
                        }
                    }
                    return 0.9;
                };
        waitUntil(() -> model.runs().size() == 2);
        robot.clickOn("#robustness-check");
        waitUntil(() -> model.results().size() == 1);
        assertThat(view.cancelButton().isDisabled()).isFalse();
        robot.clickOn("#robustness-cancel");
        waitUntil(() -> !model.job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.job().statusProperty().get())
                .isEqualTo("Cancelled: 1 of 6 accuracies measured.");
        assertThat(view.plottedPointCount()).isEqualTo(1);
        assertThat(view.checkButton().isDisabled()).isFalse();
        assertThat(view.cancelButton().isDisabled()).isTrue();
    }

    @Test
    void anEvaluatorErrorAppearsAsASentence(FxRobot robot) throws Exception {
        behaviour =
                (run, corruption, seed, progress, cancelled) -> {
                    throw new java.io.FileNotFoundException(
                            "the network's parameters are not in " + run.folderName());
                };
        waitUntil(() -> model.runs().size() == 2);
        robot.clickOn("#robustness-check");
        waitUntil(() -> !model.job().errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.errorLabel().isVisible()).isTrue();
        assertThat(view.errorLabel().getText())
                .isEqualTo(
                        "Could not check seed-cnn-mnist with clean: the network's parameters are"
                                + " not in 20260101-120000-seed-cnn-mnist.");
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> {
                    boolean[] ok = new boolean[1];
                    WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
                    return ok[0];
                });
    }
}
