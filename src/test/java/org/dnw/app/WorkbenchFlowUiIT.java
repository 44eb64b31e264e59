package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.architecture.LayerCardView;
import org.dnw.ui.training.TrainingState;
import org.dnw.ui.tryit.ClassProbability;
import org.dnw.ui.workbench.WorkbenchTab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window on the real engine and the MNIST sample shipped in assets/ (no WORKBENCH_DATA
 * needed), headless on Monocle: shapes follow the controls, an impossible network disables Train
 * with the core's sentence, one epoch trains with the charts gaining points, the filters show 32
 * kernels, the confusion matrix is 10 × 10 and adds up to the test size, and a digit drawn on the
 * canvas gets a prediction.
 */
class WorkbenchFlowUiIT {

    static {
        HeadlessFx.configure();
        // a busy 2-core machine builds the window and starts PyTorch slowly
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir Path runs;

    private static void waitFor(String what, long seconds, Callable<Boolean> condition)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    seconds,
                    TimeUnit.SECONDS,
                    () -> {
                        WaitForAsyncUtils.waitForFxEvents();
                        return condition.call();
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what + " in vain", e);
        }
    }

    /** Scrolls the editor so that {@code node} is in view, as a user would. */
    private static void reveal(javafx.scene.Node node) throws Exception {
        FxToolkit.setupFixture(
                () -> {
                    javafx.scene.Node n = node;
                    while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                        n = n.getParent();
                    }
                    if (n instanceof javafx.scene.control.ScrollPane pane) {
                        double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
                        double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                        double room = contentHeight - pane.getViewportBounds().getHeight();
                        pane.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
                    }
                });
        // the scroll position reaches the screen at the next layout pulse; a click computed before
        // it lands where the card used to be
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void buildTrainAndLookInside() throws Exception {
        System.setProperty("workbench.runs", runs.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchApp app = new WorkbenchApp();
        WorkbenchOptions options =
                WorkbenchOptions.parse(
                        List.of("--size", "1280x800", "--epochs", "1", "--tab", "Data"));
        long t0 = System.nanoTime();
        FxToolkit.setupFixture(
                () -> {
                    Scene scene = app.createScene(stage, options);
                    stage.setScene(scene);
                    stage.show();
                });
        System.out.printf("window built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        FxRobot robot = new FxRobot();
        waitFor("the sample to load", 60, () -> app.dataModel().getLoaded() != null);
        assertThat(app.dataModel().getLoaded().test().size()).isEqualTo(1_000);

        // a slider's typed value and a padding choice change the shapes below the card
        Label shape = robot.lookup("#output-shape-1").queryAs(Label.class);
        assertThat(shape.getText()).isEqualTo("32 × 28 × 28");
        robot.clickOn("#padding-valid-1");
        robot.doubleClickOn("#kernel-field-1").write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shape.getText()).isEqualTo("32 × 26 × 26");

        // an impossible network: Train is disabled and the card says why
        robot.doubleClickOn("#kernel-field-1").write("11").type(KeyCode.ENTER);
        // on a busy machine the scroll that reveals card 4 can land after the click was aimed (the
        // click then hits the card's old place): aim again, as a user would, until it took
        javafx.scene.control.ToggleButton valid4 =
                robot.lookup("#padding-valid-4").queryAs(javafx.scene.control.ToggleButton.class);
        for (int attempt = 0; attempt < 3 && !valid4.isSelected(); attempt++) {
            reveal(robot.lookup("#layer-card-4").query());
            robot.clickOn(valid4);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(valid4.isSelected()).as("padding 'valid' chosen on card 4").isTrue();
        robot.doubleClickOn("#kernel-field-4").write("11").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // the network's checks run off the FX thread (never blocking it): wait for their verdict
        waitFor(
                "Train to be disabled; the network is now " + app.editorModel().getSpec().layers(),
                30,
                () -> app.trainingModel().buttonsProperty().get().trainDisabled());
        LayerCardView card4 = robot.lookup("#layer-card-4").queryAs(LayerCardView.class);
        assertThat(robot.from(card4).lookup(".layer-problem").queryAs(Label.class).getText())
                .startsWith("layer 4: ")
                .contains("does not fit");

        // back to the reference network, and train one epoch from the Training tab
        FxToolkit.setupFixture(
                () -> app.editorModel().reset(org.dnw.spec.Presets.load("seed-cnn")));
        waitFor(
                "Train to be enabled",
                10,
                () -> !app.trainingModel().buttonsProperty().get().trainDisabled());
        FxToolkit.setupFixture(() -> app.window().selectTab(WorkbenchTab.TRAINING));
        robot.clickOn(robot.lookup("#training-train-button").queryAs(Button.class));
        waitFor("batches to arrive", 120, () -> !app.chartsModel().batchLoss().isEmpty());
        assertThat(app.trainingModel().getState()).isIn(TrainingState.RUNNING, TrainingState.IDLE);
        waitFor(
                "the run to finish",
                600,
                () ->
                        app.trainingModel().getState() == TrainingState.IDLE
                                && app.confusionModel().getMatrix() != null);

        assertThat(app.chartsModel().trainLoss()).hasSize(1);
        assertThat(app.chartsModel().validationAccuracyPercent()).hasSize(1);
        assertThat(app.chartsModel().batchLoss().size()).isGreaterThan(10);
        assertThat(app.filtersModel().getGrid().kernels()).hasSize(32);
        assertThat(app.confusionModel().getMatrix().classCount()).isEqualTo(10);
        assertThat(app.confusionModel().getMatrix().total()).isEqualTo(1_000);
        assertThat(app.confusionModel().getMatrix().accuracy()).isGreaterThan(0.9);
        assertThat(app.trainingModel().statusTextProperty().get()).contains("test accuracy");

        // draw a "1" on the canvas and get a prediction from the network just trained
        waitFor(
                "the run to be saved and opened",
                60,
                () -> app.tryItModel().classifierProperty().get() != null);
        FxToolkit.setupFixture(() -> app.window().selectTab(WorkbenchTab.TRY_IT));
        WaitForAsyncUtils.waitForFxEvents();
        var pad = robot.lookup("#try-it-pad").query();
        var bounds = pad.localToScreen(pad.getBoundsInLocal());
        double x = bounds.getMinX() + bounds.getWidth() / 2;
        robot.moveTo(new javafx.geometry.Point2D(x, bounds.getMinY() + bounds.getHeight() * 0.2))
                .press(javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(x, bounds.getMinY() + bounds.getHeight() * 0.5))
                .moveTo(new javafx.geometry.Point2D(x, bounds.getMinY() + bounds.getHeight() * 0.8))
                .release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor("a prediction", 30, () -> !app.tryItModel().predictions().isEmpty());
        List<ClassProbability> predictions = app.tryItModel().predictions();
        assertThat(predictions).hasSize(10);
        ClassProbability top =
                predictions.stream().filter(ClassProbability::top).findFirst().orElseThrow();
        System.out.println(
                "a drawn vertical stroke was read as " + top.className() + " " + top.percentText());
        assertThat(top.className()).isEqualTo("1");
        FxToolkit.setupFixture(stage::hide);
        System.clearProperty("workbench.runs");
    }

    @Test
    void closingTheWindowDuringTrainingStopsTheRunAndLeavesNoPartlyWrittenRun() throws Exception {
        System.setProperty("workbench.runs", runs.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchApp app = new WorkbenchApp();
        WorkbenchOptions options =
                WorkbenchOptions.parse(List.of("--epochs", "5", "--tab", "Training"));
        FxToolkit.setupFixture(
                () -> {
                    stage.setScene(app.createScene(stage, options));
                    stage.show();
                });
        waitFor("the sample to load", 60, () -> app.dataModel().getLoaded() != null);
        FxToolkit.setupFixture(app.trainingModel()::onTrain);
        waitFor("twenty batches", 180, () -> app.chartsModel().batchLoss().size() >= 20);
        assertThat(java.nio.file.Files.list(runs).toList())
                .as("the run's draft exists while it trains")
                .anyMatch(p -> p.getFileName().toString().startsWith(".tmp-"));

        FxToolkit.setupFixture(
                () ->
                        stage.fireEvent(
                                new javafx.stage.WindowEvent(
                                        stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor("the window to close", 30, () -> !stage.isShowing());
        assertThat(app.trainingModel().getState()).isNotEqualTo(TrainingState.RUNNING);
        try (var left = java.nio.file.Files.list(runs)) {
            assertThat(left.toList()).as("nothing of the stopped run is left").isEmpty();
        }
        System.clearProperty("workbench.runs");
    }
}
