package org.dnw.ui.hyperparams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dnw.spec.Presets;
import org.dnw.train.EngineKind;
import org.dnw.train.ScheduleKind;
import org.dnw.ui.HeadlessFx;
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
        LogSliderField field = view.learningRateField();
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
        TextField text = view.learningRateField().textField();

        retype(robot, text, "3e-4");

        assertThat(model.getHyperparameters().learningRate()).isEqualTo(3e-4);
        assertThat(view.learningRateField().slider().getValue())
                .isCloseTo(view.learningRateField().scale().toPosition(3e-4), within(1e-9));

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
        retype(robot, view.learningRateField().textField(), "12");
        assertThat(model.getHyperparameters().learningRate()).isEqualTo(1.0);
        assertThat(view.learningRateField().getNote())
                .isEqualTo("12 is above the maximum of 1: set to 1.");
        retype(robot, view.learningRateField().textField(), "fast");
        assertThat(view.learningRateField().getNote())
                .isEqualTo("\u201cfast\u201d is not a positive number: kept 1.");
        retype(robot, view.learningRateField().textField(), "0.01");
        assertThat(view.learningRateField().getNote()).isEmpty();

        retype(robot, view.batchSizeField().textField(), "5000");
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(1024);
        assertThat(view.batchSizeField().getNote())
                .isEqualTo("5000 is above the maximum of 1024: set to 1024.");
        assertThat(view.batchSizeField().note().isVisible()).isTrue();
        retype(robot, view.epochsField().textField(), "0");
        assertThat(view.epochsField().getNote())
                .isEqualTo("0 is below the minimum of 1: set to 1.");
        retype(robot, view.epochsField().textField(), "2.6");
        assertThat(view.epochsField().getNote()).isEqualTo("2.6 is not a whole number: set to 3.");
        retype(robot, view.validationField().textField(), "80");
        assertThat(view.validationField().getNote())
                .isEqualTo("80 is above the maximum of 50: set to 50.");
        robot.clickOn(view.batchSizeField().textField()).type(KeyCode.DOWN);
        assertThat(view.batchSizeField().getNote()).isEmpty();
        assertThat(view.batchSizeField().note().isVisible()).isFalse();
    }

    @Test
    void theBatchSizeSliderStepsThroughPowersOfTwo(FxRobot robot) {
        robot.clickOn(view.batchSizeField().textField()).type(KeyCode.UP);
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(128);
        robot.type(KeyCode.UP);
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(256);
        retype(robot, view.batchSizeField().textField(), "100");
        assertThat(model.getHyperparameters().batchSize()).isEqualTo(100);
    }

    @Test
    void theDependentFieldShowsOnlyForItsSchedule(FxRobot robot) {
        Node step = view.stepEpochsField();
        Node decay = view.decayRateField();
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
        robot.clickOn(view.stepEpochsField().textField()).type(KeyCode.UP);
        assertThat(model.getHyperparameters().stepEpochs()).isEqualTo(3);
    }

    @Test
    void weightDecaySeedLossAndResetReachTheRecord(FxRobot robot) {
        robot.clickOn("#weight-decay-on");
        assertThat(model.getHyperparameters().weightDecay()).isEqualTo(1e-4);
        assertThat(view.weightDecayField().slider().isDisabled()).isFalse();

        robot.clickOn("#loss-squared-error");
        assertThat(model.getHyperparameters().loss())
                .isEqualTo(org.dnw.train.LossKind.SQUARED_ERROR);

        retype(robot, "#seed", "2024");
        assertThat(model.getHyperparameters().seed()).isEqualTo(2024);
        robot.clickOn("#new-seed");
        assertThat(model.getHyperparameters().seed()).isEqualTo(5);
        assertThat(view.seedField().getText()).isEqualTo("5");

        robot.clickOn("#reset-hyperparameters");
        assertThat(model.getHyperparameters()).isEqualTo(org.dnw.train.Hyperparameters.defaults());
        assertThat(view.weightDecayCheckBox().isSelected()).isFalse();
        assertThat(view.seedField().getText()).isEqualTo("42");
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
        assertThat(view.engineButton(EngineKind.SCRATCH).isDisabled()).isTrue();
        assertThat(robot.lookup("#engine-note").queryLabeled().getText())
                .contains("this network has convolution and pooling layers");

        robot.interact(() -> model.networkProperty().set(Presets.load("mlp")));
        assertThat(view.engineButton(EngineKind.SCRATCH).isDisabled()).isFalse();
        robot.clickOn("#engine-scratch");
        assertThat(model.engineProperty().get()).isEqualTo(EngineKind.SCRATCH);
        assertThat(view.optimizerBox().isDisabled()).isTrue();
        assertThat(view.optimizerBox().getValue()).isEqualTo(org.dnw.train.OptimizerKind.SGD);
        assertThat(robot.lookup("#engine-note").queryLabeled().getText()).contains("plain SGD");
    }

    @Test
    void lockingDisablesTheControlsButNotTheDeviceLine(FxRobot robot) {
        robot.interact(
                () -> {
                    model.deviceTextProperty().set("GPU 0: NVIDIA H200");
                    model.setLocked(true);
                });

        assertThat(view.learningRateField().slider().isDisabled()).isTrue();
        assertThat(view.batchSizeField().textField().isDisabled()).isTrue();
        assertThat(view.resetButton().isDisabled()).isTrue();
        assertThat(view.deviceLabel().isDisabled()).isFalse();
        assertThat(view.deviceLabel().getText()).isEqualTo("GPU 0: NVIDIA H200");
        assertThat(robot.lookup("#hyperparams-locked").query().isVisible()).isTrue();
    }
}
