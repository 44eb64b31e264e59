package org.dnw.ui.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drawing on the Try-it pad with the mouse, in a real (headless) stage, with predictions on a
 * background thread: the fake network answers "wide" or "tall" from the ink it is given, so the
 * answer proves the strokes reached it.
 */
@ExtendWith(ApplicationExtension.class)
class TryItUiTest {

    static {
        HeadlessFx.configure();
    }

    private final ExecutorService predictions = Executors.newSingleThreadExecutor();
    private final InkShapeClassifier network = new InkShapeClassifier();
    private TryItViewModel model;

    @Start
    void start(Stage stage) {
        model =
                new TryItViewModel(
                        run -> network, new FakeDialogService(), predictions, Platform::runLater);
        TryItView view = new TryItView(model);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(getClass().getResource(TryItView.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        predictions.shutdownNow();
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A point of the pad, as fractions of its side, on the screen. */
    private static Point2D onPad(Canvas pad, double fx, double fy) {
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        return new Point2D(b.getMinX() + fx * b.getWidth(), b.getMinY() + fy * b.getHeight());
    }

    private static void stroke(FxRobot robot, Canvas pad, double[] from, double[] to) {
        robot.drag(onPad(pad, from[0], from[1]), MouseButton.PRIMARY)
                .moveTo(onPad(pad, (from[0] + to[0]) / 2, (from[1] + to[1]) / 2))
                .moveTo(onPad(pad, to[0], to[1]))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String topClass() {
        return model.predictions().isEmpty() ? "" : model.predictions().get(0).className();
    }

    @Test
    void withoutANetworkTheTabSaysSo(FxRobot robot) {
        assertThat(robot.lookup("#try-it-placeholder").queryLabeled().getText())
                .isEqualTo("Train a network or open a saved run first.");
        assertThat(robot.lookup("#try-it-placeholder").queryLabeled().isVisible()).isTrue();
    }

    @Test
    void drawingAStrokeWithTheMouseIsClassifiedAndDeleteClearsIt(FxRobot robot) {
        robot.interact(() -> model.setClassifier(network));
        Canvas pad = robot.lookup("#try-it-pad").queryAs(Canvas.class);
        assertThat(pad.getWidth()).as("a pad worth drawing on").isGreaterThan(300);

        stroke(robot, pad, new double[] {0.2, 0.5}, new double[] {0.8, 0.5});
        waitFor("a prediction of the horizontal stroke", () -> topClass().equals("wide"));

        assertThat(model.strokes()).hasSize(1);
        assertThat(model.strokes().get(0).size()).isGreaterThan(2);
        assertThat(network.inputs()).isNotEmpty();
        assertThat(robot.lookup("#try-it-headline").queryLabeled().getText())
                .isEqualTo("wide  ·  80.0 %");
        assertThat(robot.lookup("#prediction-0").queryLabeled().getStyleClass())
                .contains("top-class");
        assertThat(robot.lookup("#try-it-placeholder").queryLabeled().isVisible()).isFalse();

        robot.type(KeyCode.DELETE);
        waitFor("the pad to clear", () -> model.strokes().isEmpty());
        assertThat(model.predictions()).isEmpty();
        assertThat(robot.lookup("#try-it-message").queryLabeled().getText())
                .isEqualTo("Draw a digit in the black square.");

        stroke(robot, pad, new double[] {0.5, 0.15}, new double[] {0.52, 0.85});
        waitFor("a prediction of the vertical stroke", () -> topClass().equals("tall"));

        robot.clickOn("#try-it-clear");
        waitFor("the pad to clear", () -> model.strokes().isEmpty());
        assertThat(model.getPrepared().pixels()).containsOnly(0);
    }
}
