package org.dnw.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.ui.confusion.GalleryItem;
import org.dnw.ui.confusion.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live views in a real (headless) stage, fed a synthetic run of the seed CNN: 2 epochs of
 * batches, 32 × 1 × 5 × 5 weights, and a test of 1,000 samples. Runs without a display through
 * Monocle; set -Dtestfx.headless=false to watch it on a screen.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewsUiTest {

    static {
        if (!"false".equals(System.getProperty("testfx.headless"))) {
            System.setProperty("testfx.robot", "glass");
            System.setProperty("testfx.headless", "true");
            System.setProperty("prism.order", "sw");
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("java.awt.headless", "true");
        }
    }

    private LiveViewsFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new LiveViewsFixture();
        stage.setScene(new Scene(fixture.root(), 1280, 800));
        stage.show();
    }

    @Test
    void aSyntheticRunFillsTheChartsTheFiltersAndTheConfusionMatrix(FxRobot robot)
            throws IOException {
        List<TrainingEvent> events = SyntheticRun.events(2, 300, 1_000, 3);
        robot.clickOn("#training-train-button");
        assertThat(fixture.actionCalls).containsExactly("train");
        assertThat(fixture.training.getState()).isEqualTo(TrainingState.RUNNING);

        robot.interact(
                () ->
                        fixture.feed(
                                events,
                                SyntheticRun.DIGITS,
                                SampleImages.of(SyntheticRun.images(1_000))));
        WaitForAsyncUtils.waitForFxEvents();

        // Charts: batch losses and two epochs on each curve, the best epoch ringed.
        LineChart<Number, Number> loss = fixture.chartsView.lossChart();
        LineChart<Number, Number> accuracy = fixture.chartsView.accuracyChart();
        assertThat(loss.getData().get(0).getData()).hasSizeGreaterThan(10);
        assertThat(loss.getData().get(1).getData()).hasSize(2);
        assertThat(loss.getData().get(2).getData()).hasSize(2);
        assertThat(loss.getData().get(3).getData()).hasSize(1);
        assertThat(accuracy.getData().get(0).getData()).hasSize(2);
        assertThat(accuracy.getData().get(1).getData()).hasSize(2);
        assertThat(robot.lookup("#best-epoch-text").queryLabeled().getText())
                .startsWith("Best validation: epoch 2");
        // the accuracy axis stops at 100 %, and the plot does not clip the best-epoch ring
        var percent = (javafx.scene.chart.NumberAxis) accuracy.getYAxis();
        assertThat(percent.getUpperBound()).isEqualTo(100);
        assertThat(percent.getLowerBound()).isLessThanOrEqualTo(percent.getUpperBound() - 10);
        Node plot = accuracy.lookup(".plot-content");
        assertThat(plot.getParent().getClip()).as("the plot area's clip").isNull();
        assertThat(robot.lookup("#training-progress").queryAs(ProgressBar.class).getProgress())
                .isEqualTo(1.0);
        assertThat(robot.lookup("#training-status").queryLabeled().getText())
                .startsWith("Finished:");
        snapshot(robot, "ui-test-train.png");

        // Filters: 32 kernels, each at least 40 px wide, with visible pixel structure.
        robot.interact(() -> fixture.select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.filtersView.drawnKernelCount()).isEqualTo(32);
        assertThat(fixture.filtersView.kernelPixelWidth()).isGreaterThanOrEqualTo(40);
        assertThat(robot.lookup("#filters-caption").queryLabeled().getText())
                .isEqualTo("32 filters, 5×5, 1 channel");
        assertThat(distinctColoursIn(fixture.filtersView.gridCanvas(), robot)).isGreaterThan(20);
        Point2D kernel = fixture.filtersView.kernelCentre(9);
        robot.clickOn(fixture.filtersView.gridCanvas().localToScreen(kernel));
        assertThat(fixture.filters.selectedIndexProperty().get()).isEqualTo(9);
        snapshot(robot, "ui-test-filters.png");

        // Confusion: a 10 × 10 matrix of 1,000 samples; a click lists the cell's samples.
        robot.interact(() -> fixture.select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.confusionView.drawnClassCount()).isEqualTo(10);
        assertThat(fixture.confusion.getMatrix().total()).isEqualTo(1_000);
        int actual = 4;
        int predicted = 9;
        long inCell = fixture.confusion.getMatrix().count(actual, predicted);
        assertThat(inCell).isPositive();
        robot.clickOn(fixture.confusionView.cellCentreOnScreen(actual, predicted));
        List<GalleryItem> gallery = fixture.confusion.gallery();
        assertThat(gallery).hasSize((int) inCell);
        assertThat(gallery).allMatch(g -> g.actual() == actual && g.predicted() == predicted);
        assertThat(fixture.confusionView.galleryPane().getChildren()).hasSize((int) inCell);
        assertThat(robot.lookup("#gallery-title").queryLabeled().getText())
                .startsWith(inCell + " samples of '4' predicted as '9'");
        assertThat(fixture.confusionView.metricsTable().getItems()).hasSize(12);
        snapshot(robot, "ui-test-confusion.png");
    }

    @Test
    void theBatchSeriesFollowsTheThinnedViewModelPointForPoint(FxRobot robot) {
        robot.interact(
                () -> {
                    fixture.charts.accept(SyntheticRun.started(4, 5_000));
                    for (int e = 1; e <= 4; e++) {
                        for (int b = 1; b <= 5_000; b++) {
                            fixture.charts.accept(
                                    new TrainingEvent.BatchCompleted(
                                            SyntheticRun.RUN, e, b, 5_000, 1.0 / b, 0.5, 900, b));
                        }
                    }
                });
        WaitForAsyncUtils.waitForFxEvents();
        var series = fixture.chartsView.lossChart().getData().get(0).getData();
        var points = fixture.charts.batchLoss();
        assertThat(series).hasSameSizeAs(points);
        assertThat(points.size()).isLessThanOrEqualTo(500);
        for (int i = 0; i < points.size(); i++) {
            assertThat(series.get(i).getXValue().doubleValue()).isEqualTo(points.get(i).getX());
            assertThat(series.get(i).getYValue().doubleValue()).isEqualTo(points.get(i).getY());
        }
        assertThat(series.get(series.size() - 1).getXValue().doubleValue()).isEqualTo(4.0);
    }

    @Test
    void pauseResumeAndStopCallTheActionsAndAFailureIsShownAsASentence(FxRobot robot) {
        robot.clickOn("#training-train-button");
        robot.interact(() -> fixture.pump.accept(SyntheticRun.started(2, 100)));
        robot.clickOn("#training-pause-button");
        assertThat(robot.lookup("#training-pause-button").queryButton().getText())
                .isEqualTo("Resume");
        robot.clickOn("#training-pause-button");
        robot.clickOn("#training-stop-button");
        assertThat(fixture.actionCalls).containsExactly("train", "pause", "resume", "stop");
        assertThat(robot.lookup("#training-train-button").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#training-stop-button").queryButton().isDisabled()).isTrue();

        robot.interact(
                () ->
                        fixture.pump.accept(
                                new RunFailed(
                                        SyntheticRun.RUN,
                                        "the loss became NaN at epoch 1, batch 37",
                                        "lower the learning rate, e.g. to 0.001",
                                        1,
                                        37)));
        Node error = robot.lookup("#training-error").query();
        assertThat(error.isVisible()).isTrue();
        assertThat(robot.lookup("#training-error").queryLabeled().getText())
                .isEqualTo("Training failed: The loss became NaN at epoch 1, batch 37.");
        assertThat(robot.lookup("#training-train-button").queryButton().isDisabled()).isFalse();
    }

    private static int distinctColoursIn(Node node, FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        PixelReader pixels = image[0].getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image[0].getHeight(); y += 2) {
            for (int x = 0; x < image[0].getWidth(); x += 2) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        return colours.size();
    }

    /** Leaves a picture in target/screenshots for a person (or CI artifacts) to look at. */
    private void snapshot(FxRobot robot, String name) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = fixture.root().getScene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name).toFile());
    }
}
