package org.dnw.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.dnw.train.SweepSetting;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sweep panel in a real (headless) stage, driven by a fake starter. */
@ExtendWith(ApplicationExtension.class)
class SweepViewUiTest {

    static {
        HeadlessFx.configure();
    }

    private final SweepFakes.Starter starter = new SweepFakes.Starter();
    private SweepViewModel model;
    private SweepView view;

    @Start
    void start(Stage stage) {
        model = new SweepViewModel(starter, SweepFakes::base, Runnable::run, null, null);
        view = new SweepView(model);
        Scene scene = new Scene(view, 760, 900);
        scene.getStylesheets().add(WorkbenchView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aSweepFillsTheTableAndTheChart(FxRobot robot) {
        robot.interact(() -> model.first().settingProperty().set(SweepSetting.KERNEL_SIZE));
        robot.clickOn("#sweep-values-first").eraseText(7).write("3, 5, 13");
        robot.clickOn("#sweep-second-enabled");
        robot.interact(() -> model.second().settingProperty().set(SweepSetting.LEARNING_RATE));
        assertThat(robot.lookup("#sweep-values-second").queryTextInputControl().getText())
                .isEqualTo("0.0001, 0.001, 0.01");
        assertThat(robot.lookup("#sweep-preview").queryAs(Label.class).getText())
                .startsWith("9 runs: kernel=3 lr=0.0001, kernel=3 lr=0.001");
        assertThat(robot.lookup("#sweep-problems").queryAs(Label.class).getText())
                .startsWith("3 cannot work and will be skipped: kernel=13 lr=0.0001");

        robot.clickOn("#sweep-run");
        assertThat(starter.plans).hasSize(1);
        assertThat(view.table().getItems()).hasSize(9);
        assertThat(view.runButton().isDisabled()).isTrue();
        assertThat(view.cancelButton().isDisabled()).isFalse();

        robot.interact(
                () ->
                        SweepFakes.events(starter.plans.get(0), 9, 0.95, 0.97, 0.96)
                                .forEach(starter.listener));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.table().getItems())
                .extracting(SweepRow::state)
                .containsExactly(
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SAVED,
                        SweepRow.State.SKIPPED,
                        SweepRow.State.SKIPPED,
                        SweepRow.State.SKIPPED);
        assertThat(robot.lookup(".table-cell").queryAllAs(TableCell.class))
                .extracting(c -> c.getText())
                .contains("saved", "skipped", "95.0 %", "97.0 %");
        // kernels 3, 5, 13 sit on a number line; one series per learning rate, two points each
        assertThat(view.visibleChart().getData()).hasSize(3);
        assertThat(view.plottedPointCount()).isEqualTo(6);
        assertThat(view.visibleChart().getXAxis()).isInstanceOf(NumberAxis.class);
        assertThat(view.progressBar().getProgress()).isEqualTo(1.0);
        assertThat(view.runButton().isDisabled()).isFalse();

        robot.clickOn("#sweep-metric-time");
        assertThat(model.chartMetricProperty().get()).isEqualTo(ChartMetric.TIME);
        assertThat(view.visibleChart().getYAxis().getLabel()).isEqualTo("training time (s)");
        assertThat(view.plottedPointCount()).isEqualTo(6);
    }

    @Test
    void aFailedStartShowsItsSentence(FxRobot robot) {
        starter.failure = new IllegalStateException("load a data set in the Data tab first");
        robot.clickOn("#sweep-run");

        assertThat(view.errorLabel().isVisible()).isTrue();
        assertThat(view.errorLabel().getText())
                .isEqualTo("The sweep did not start: Load a data set in the Data tab first.");
        assertThat(view.cancelButton().isDisabled()).isTrue();
    }
}
