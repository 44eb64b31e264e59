package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnw.store.FakeRun;
import org.dnw.store.RunDraft;
import org.dnw.store.RunEvents;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs tab follows the folder: a run training in it (a draft with a live log, as any process
 * writes it) shows as running, its epochs grow with each poll, and a run saved meanwhile appears.
 * Writes target/screenshots/runs-live.png (1280×800) to look at.
 */
@ExtendWith(ApplicationExtension.class)
class RunsLiveUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir Path root;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ChartsViewModel charts = new ChartsViewModel();
    private RunStore store;
    private RunsViewModel model;
    private RunEvents.Writer log;
    private Scene scene;
    private final List<TrainingEvent> epochs = FakeRun.epochs();

    @Start
    void start(Stage stage) throws IOException {
        store = new RunStore(root, ZoneOffset.UTC);
        SavedRuns.save(store, RunsViewModelTest.ADAM);
        RunDraft draft = store.begin("live one");
        log = RunEvents.appendTo(draft.folder());
        log.accept(FakeRun.started());
        log.accept(epochs.get(0));
        log.accept(epochs.get(1));
        model =
                new RunsViewModel(
                        store,
                        charts,
                        new FakeDialogService(),
                        io,
                        Platform::runLater,
                        ZoneOffset.UTC);
        scene = new Scene(new RunsView(model), 1280, 800);
        scene.getStylesheets().add(getClass().getResource(RunsView.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stopIo() {
        log.close();
        io.shutdownNow();
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableCell<?, ?> stateCell(FxRobot robot, String text) {
        for (Node n : robot.lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && text.equals(c.getText())) {
                return c;
            }
        }
        throw new AssertionError("no cell says " + text);
    }

    @Test
    void aRunningRunShowsAsRunningItsEpochsGrowAndNewRunsAppear(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<RunSummary> table = robot.lookup("#runs-table").queryAs(TableView.class);
        waitFor("two runs", () -> table.getItems().size() == 2);
        assertThat(stateCell(robot, "running").getStyleClass()).contains("run-running");
        assertThat(stateCell(robot, "1 / 3")).isNotNull();

        robot.clickOn(stateCell(robot, "running"));
        robot.interact(model::openSelected);
        waitFor("the curves", () -> charts.epochs().size() == 1);

        log.accept(epochs.get(2));
        log.accept(epochs.get(3));
        SavedRuns.save(store, RunsViewModelTest.BEST);
        robot.interact(model::poll);
        waitFor(
                "a third run and epoch 2",
                () ->
                        table.getItems().size() == 3
                                && table.getItems().stream()
                                        .anyMatch(
                                                r ->
                                                        r.status() == RunStatus.RUNNING
                                                                && r.epochsCompleted() == 2));
        waitFor("the curves to grow", () -> charts.epochs().size() == 2);
        assertThat(charts.overlays()).as("drawn as the charts' own curves, not overlaid").isEmpty();
        assertThat(stateCell(robot, "2 / 3")).isNotNull();
        assertThat(robot.lookup("#runs-status").queryLabeled().getText()).contains("Following");

        Path shot = Path.of("target", "screenshots", "runs-live.png");
        Files.createDirectories(shot.getParent());
        robot.interact(
                () -> {
                    try {
                        ImageIO.write(
                                SwingFXUtils.fromFXImage(scene.snapshot(null), null),
                                "png",
                                shot.toFile());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertThat(shot).isRegularFile();
    }
}
