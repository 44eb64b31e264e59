package org.dnw.ui.hyperparams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dnw.spec.Presets;
import org.dnw.train.EngineKind;
import org.dnw.train.ScheduleKind;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.common.SliderField;
import org.dnw.ui.data.DataView;
import org.dnw.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hyperparameters panel in a real (headless) stage. */
@ExtendWith(ApplicationExtension.class)
class HyperparametersUiTest {

    static {
        HeadlessFx.configure();
    }

    private HyperparametersViewModel model;
    private HyperparametersView view;

    @Start
    void start(Stage stage) {
        model = new HyperparametersViewModel(() -> 5);
        view = new HyperparametersView(model);
        Scene scene = new Scene(view, 440, 760);
        scene.getStylesheets().addAll(WorkbenchView.STYLESHEET, DataView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void draggingTheLearningRateSliderShowsTheValueAndChangesTheRecord(FxRobot robot) {
        LogSliderField field = node("learning-rate", LogSliderField.class);
        Slider slider = field.slider();
        Node thumb = slider.lookup(".thumb");
        double track = slider.getWidth();
        assertThat(field.textField().getText()).isEqualTo("0.001");

        // A fifth of the track is one decade: about ten times the rate.
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(track * 0.2, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double rate = model.getHyperparameters().learningRate();
        assertThat(rate).isBetween(3e-3, 3e-2);
        assertThat(field.scale().snap(rate)).isEqualTo(rate);
        assertThat(field.textField().getText()).isEqualTo(LogScale.format(rate));
        assertThat(slider.getValue()).isCloseTo(field.scale().toPosition(rate), within(1e-9));

        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-track * 2, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getHyperparameters().learningRate()).isEqualTo(1e-5);
        assertThat(field.textField().getText()).isEqualTo("1e-5");
    }

    @Test
    void aTypedLearningRateIsKeptExactlyAndMovesTheSlider(FxRobot robot) {
        LogSliderField field = node("learning-rate", LogSliderField.class);
        TextField text = field.textField();

        retype(robot, text, "3e-4");

        assertThat(model.getHyperparameters().learningRate()).isEqualTo(3e-4);
        assertThat(field.slider().getValue())
                .isCloseTo(field.scale().toPosition(3e-4), within(1e-9));

        retype(robot, text, "0.00071");
        assertThat(model.getHyperparameters().learningRate()).isEqualTo(7.1e-4);
        assertThat(text.getText()).isEqualTo("7.1e-4");

        retype(robot, text, "fast");
        assertThat(model.getHyperparameters().learningRate()).isEqualTo(7.1e-4);
        assertThat(text.getText()).isEqualTo("7.1e-4");

        retype(robot, text, "12");
        assertThat(model.getHyperparameters().learningRate()).isEqualTo(1.0);

        robot.clickOn(text).type(KeyCode.DOWN);
        assertThat(model.getHyperparameters().learningRate()).isEqualTo(0.5);
    }

    @Test
    void aTypedValueOutOfRangeIsClampedWithASentenceBesideTheField(FxRobot robot) {
        LogSliderField rate = node("learning-rate", LogSliderField.class);
        SliderField batch = node("batch-size", SliderField.class);
        SliderField epochs = node("epochs", SliderField.class);
        SliderField validation = node("validation-share", SliderField.class);
        retype(robot, rate.textField(), "12");
        assertThat(model.getHyperparameters().learningRate()).isEqualTo(1.0);
        assertThat(rate.getNote()).isEqualTo("12 is above the maximum of 1: set to 1.");
        retype(robot, rate.textField(), "fast");
        assertThat(rate.getNote()).isEqualTo("\u201cfast\u201d is not a positive number: kept 1.");
        retype(robot, rate.textField(), "0.01");
        assertThat(rate.getNote()).isEmpty();

        retype(robot, batch.textField(), "5000");
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(1024);
        assertThat(batch.getNote()).isEqualTo("5000 is above the maximum of 1024: set to 1024.");
        assertThat(batch.note().isVisible()).isTrue();
        retype(robot, epochs.textField(), "0");
        assertThat(epochs.getNote()).isEqualTo("0 is below the minimum of 1: set to 1.");
        retype(robot, epochs.textField(), "2.6");
        assertThat(epochs.getNote()).isEqualTo("2.6 is not a whole number: set to 3.");
        retype(robot, validation.textField(), "80");
        assertThat(validation.getNote()).isEqualTo("80 is above the maximum of 50: set to 50.");
        robot.clickOn(batch.textField()).type(KeyCode.DOWN);
        assertThat(batch.getNote()).isEmpty();
        assertThat(batch.note().isVisible()).isFalse();
    }

    @Test
    void theBatchSizeSliderStepsThroughPowersOfTwo(FxRobot robot) {
        TextField batch = node("batch-size", SliderField.class).textField();
        robot.clickOn(batch).type(KeyCode.UP);
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(128);
        robot.type(KeyCode.UP);
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(256);
        retype(robot, batch, "100");
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(100);
    }

    @Test
    void theDependentFieldShowsOnlyForItsSchedule(FxRobot robot) {
        Node step = node("step-epochs", SliderField.class);
        Node decay = node("decay-rate", LogSliderField.class);
        assertThat(step.getParent().isVisible()).isFalse();
        assertThat(step.getParent().isManaged()).isFalse();
        assertThat(decay.isVisible()).isFalse();

        robot.clickOn("#schedule").clickOn("Per-epoch decay");
        assertThat(model.getHyperparameters().schedule()).isEqualTo(ScheduleKind.DECAY);
        assertThat(decay.isVisible()).isTrue();
        assertThat(step.getParent().isVisible()).isFalse();

        robot.clickOn("#schedule").clickOn("Step (÷10 every few epochs)");
        assertThat(step.getParent().isVisible()).isTrue();
        assertThat(decay.isVisible()).isFalse();
        robot.clickOn(node("step-epochs", SliderField.class).textField()).type(KeyCode.UP);
        assertThat(model.getHyperparameters().stepEpochs()).isEqualTo(3);
    }

    @Test
    void weightDecaySeedLossAndResetReachTheRecord(FxRobot robot) {
        robot.clickOn("#weight-decay-on");
        assertThat(model.getHyperparameters().weightDecay()).isEqualTo(1e-4);
        assertThat(node("weight-decay", LogSliderField.class).slider().isDisabled()).isFalse();

        robot.clickOn("#loss-squared-error");
        assertThat(model.getHyperparameters().loss())
                .isEqualTo(org.dnw.train.LossKind.SQUARED_ERROR);

        retype(robot, "#seed", "2024");
        assertThat(model.getHyperparameters().seed()).isEqualTo(2024);
        robot.clickOn("#new-seed");
        assertThat(model.getHyperparameters().seed()).isEqualTo(5);
        assertThat(node("seed", TextField.class).getText()).isEqualTo("5");

        robot.clickOn("#reset-hyperparameters");
        assertThat(model.getHyperparameters()).isEqualTo(org.dnw.train.Hyperparameters.defaults());
        assertThat(node("weight-decay-on", CheckBox.class).isSelected()).isFalse();
        assertThat(node("seed", TextField.class).getText()).isEqualTo("42");
    }

    @Test
    void thePatienceFieldSetsEarlyStoppingAndIsDisabledWithoutValidation(FxRobot robot) {
        SliderField patience = node("patience-field", SliderField.class);
        assertThat(patience.textField().getText()).isEqualTo("0");

        retype(robot, patience.textField(), "3");
        assertThat(model.getHyperparameters().patience()).isEqualTo(3);

        retype(robot, node("validation-share", SliderField.class).textField(), "0");
        assertThat(model.getHyperparameters().patience()).isZero();
        assertThat(patience.isDisabled()).isTrue();
        assertThat(patience.textField().getText()).isEqualTo("0");
    }

    /** The panel's node with this id. */
    private <T extends Node> T node(String id, Class<T> type) {
        return type.cast(view.lookup("#" + id));
    }

    /** Clicks into a field, replaces all its text and presses Enter, as a user would. */
    private static void retype(FxRobot robot, Object field, String text) {
        TextField target =
                field instanceof TextField f
                        ? f
                        : robot.lookup((String) field).queryAs(TextField.class);
        robot.clickOn(target);
        robot.interact(target::selectAll);
        robot.write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyControlExplainsItselfInASentence() {
        for (Control control : view.explainedControls()) {
            assertThat(control.getTooltip())
                    .as("tooltip of %s", control.getId() == null ? control : control.getId())
                    .isNotNull();
            String text = control.getTooltip().getText();
            assertThat(text).hasSizeGreaterThan(15).endsWith(".");
        }
    }

    @Test
    void theScratchEngineIsDisabledWithTheReasonForAConvolutionalNetwork(FxRobot robot) {
        robot.interact(() -> model.networkProperty().set(Presets.load("seed-cnn")));
        assertThat(node("engine-scratch", ToggleButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#engine-note").queryLabeled().getText())
                .contains("this network has convolution and pooling layers");

        robot.interact(() -> model.networkProperty().set(Presets.load("mlp")));
        assertThat(node("engine-scratch", ToggleButton.class).isDisabled()).isFalse();
        robot.clickOn("#engine-scratch");
        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.SCRATCH);
        assertThat(node("optimizer", ComboBox.class).isDisabled()).isTrue();
        assertThat(node("optimizer", ComboBox.class).getValue())
                .isEqualTo(org.dnw.train.OptimizerKind.SGD);
        assertThat(robot.lookup("#engine-note").queryLabeled().getText()).contains("plain SGD");
    }

    @Test
    void lockingDisablesTheControlsButNotTheDeviceLine(FxRobot robot) {
        robot.interact(
                () -> {
                    model.deviceTextProperty().set("GPU 0: NVIDIA H200");
                    model.setLocked(true);
                });

        assertThat(node("learning-rate", LogSliderField.class).slider().isDisabled()).isTrue();
        assertThat(node("batch-size", SliderField.class).textField().isDisabled()).isTrue();
        assertThat(node("reset-hyperparameters", Button.class).isDisabled()).isTrue();
        assertThat(node("device", Label.class).isDisabled()).isFalse();
        assertThat(node("device", Label.class).getText()).isEqualTo("GPU 0: NVIDIA H200");
        assertThat(robot.lookup("#hyperparams-locked").query().isVisible()).isTrue();
    }
}
