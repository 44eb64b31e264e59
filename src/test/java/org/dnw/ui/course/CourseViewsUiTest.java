package org.dnw.ui.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.dnw.train.CrossValidation;
import org.dnw.train.TrainingRequest;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Both course panels in a real (headless) stage, each in a tab, driven by fakes. */
@ExtendWith(ApplicationExtension.class)
class CourseViewsUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir static Path dir;

    private final CourseFakes.ScriptedLoop loop =
            new CourseFakes.ScriptedLoop(0.952, 0.976, 0.929, 0.952, 0.905);
    private final CourseFakes.Trainer trainer = new CourseFakes.Trainer();
    private CrossValidationViewModel crossval;
    private TwoDigitsViewModel digits;
    private CrossValidationView crossView;
    private TwoDigitsView digitsView;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        crossval =
                new CrossValidationViewModel(
                        CourseFakes::seeds,
                        (r, c, l) -> new CrossValidation(loop).run(r, c, l),
                        Runnable::run,
                        Runnable::run);
        digits = new TwoDigitsViewModel(CourseFakes::mnist, trainer, Runnable::run, Runnable::run);
        crossView = new CrossValidationView(crossval);
        digitsView = new TwoDigitsView(digits);
        tabs =
                new TabPane(
                        new Tab("Cross-validation", crossView), new Tab("Two digits", digitsView));
        Scene scene = new Scene(tabs, 760, 900);
        scene.getStylesheets().add(WorkbenchView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void crossValidationFillsTheFoldTableAndTheChart(FxRobot robot) {
        robot.clickOn("#crossval-units").eraseText(2).write("6");
        robot.clickOn("#crossval-run");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(loop.requests).hasSize(5);
        assertThat(robot.lookup("#crossval-table").queryTableView().getItems()).hasSize(5);
        assertThat(robot.lookup("#crossval-table .table-cell").queryAllAs(TableCell.class))
                .extracting(c -> c.getText())
                .contains("95.2 %", "97.6 %", "90.5 %", "120", "30", "0.20 s");
        assertThat(robot.lookup("#crossval-summary").queryLabeled().getText())
                .isEqualTo("94.3 % ± 2.7 %");
        assertThat(robot.lookup("#crossval-data").queryAs(Label.class).getText())
                .startsWith("Data: Wheat seeds (UCI): 150 rows");
        StackedBarChart<String, Number> chart = robot.lookup("#crossval-chart").query();
        XYChart.Series<String, Number> folds = chart.getData().get(0);
        XYChart.Series<String, Number> mean = chart.getData().get(1);
        assertThat(folds.getData()).hasSize(5);
        assertThat(folds.getData().get(1).getYValue().doubleValue()).isEqualTo(97.6);
        assertThat(mean.getData()).hasSize(1);
        assertThat(mean.getData().get(0).getXValue()).isEqualTo("mean");
        assertThat(robot.lookup("#crossval-run").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#crossval-error").query().isVisible()).isFalse();
    }

    @Test
    void twoDigitsShowsTheAccuracyAndThePictures(FxRobot robot) {
        robot.interact(() -> tabs.getSelectionModel().select(1));
        trainer.folder = CompletableFuture.completedFuture(dir.resolve("run"));
        robot.clickOn("#two-digits-train");
        assertThat(robot.lookup("#two-digits-stop").queryButton().isDisabled()).isFalse();
        TrainingRequest r = trainer.requests.get(0);
        robot.interact(
                () -> {
                    trainer.listener.accept(CourseFakes.started(r, 9));
                    trainer.listener.accept(CourseFakes.epoch(r, 1, 0.93));
                    trainer.listener.accept(CourseFakes.epoch(r, 2, 0.97));
                });
        LineChart<Number, Number> liveChart = robot.lookup("#two-digits-live-chart").query();
        assertThat(liveChart.isVisible()).isTrue();
        assertThat(liveChart.getData().get(0).getData()).hasSize(2);

        robot.interact(() -> trainer.listener.accept(CourseFakes.finished(r, 2)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#two-digits-accuracy").queryLabeled().getText())
                .isEqualTo("Test accuracy 95.0 % — 38 of 40 right");
        assertThat(robot.lookup("#two-digits-picture").queryAs(ImageView.class).getImage())
                .isNotNull();
        assertThat(robot.lookup("#two-digits-curves").queryAs(ImageView.class).getImage())
                .isNotNull();
        assertThat(liveChart.isVisible()).isFalse();
        assertThat(dir.resolve("run").resolve("two-digits.png")).isRegularFile();
        assertThat(robot.lookup("#two-digits-saved").queryAs(Label.class).getText())
                .contains("two-digits.png and curves.png");

        robot.interact(() -> digits.digitBProperty().set(3));
        assertThat(robot.lookup("#two-digits-train").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#two-digits-problem").queryAs(Label.class).getText())
                .isEqualTo("Choose two different digits, not 3 twice.");
    }
}
