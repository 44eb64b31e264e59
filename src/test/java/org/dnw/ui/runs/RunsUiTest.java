package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
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
 * The Runs tab in a real (headless) stage over a real store of three saved runs, one damaged: the
 * store is read on a background thread as in the application.
 */
@ExtendWith(ApplicationExtension.class)
class RunsUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir Path root;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final List<SavedRun> opened = new CopyOnWriteArrayList<>();
    private final FakeDialogService dialogs = new FakeDialogService();
    private RunsViewModel model;
    private Path best;
    private Path broken;

    @Start
    void start(Stage stage) throws IOException {
        RunStore store = new RunStore(root, ZoneOffset.UTC);
        SavedRuns.save(store, RunsViewModelTest.ADAM);
        best = SavedRuns.save(store, RunsViewModelTest.BEST);
        broken = SavedRuns.save(store, RunsViewModelTest.BROKEN);
        Files.delete(broken.resolve("metrics.csv"));
        model =
                new RunsViewModel(
                        store,
                        new ChartsViewModel(),
                        dialogs,
                        io,
                        Platform::runLater,
                        ZoneOffset.UTC);
        model.setOnOpen(opened::add);
        RunsView view = new RunsView(model);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(getClass().getResource(RunsView.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stopIo() {
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

    @SuppressWarnings("unchecked")
    private static TableView<RunSummary> table(FxRobot robot) {
        return robot.lookup("#runs-table").queryAs(TableView.class);
    }

    private static TableRow<?> rowOf(FxRobot robot, Path folder) {
        for (Node n : robot.lookup(".table-row-cell").queryAll()) {
            TableRow<?> row = (TableRow<?>) n;
            if (row.getItem() instanceof RunSummary s && s.folder().equals(folder)) {
                return row;
            }
        }
        throw new AssertionError("no row shows " + folder);
    }

    @Test
    void theTableListsEveryRunSortsByTestAccuracyAndOpensOne(FxRobot robot) {
        TableView<RunSummary> table = table(robot);
        waitFor("three runs", () -> table.getItems().size() == 3);

        TableRow<?> damaged = rowOf(robot, broken);
        assertThat(damaged.getStyleClass()).contains("damaged-run");
        assertThat(damaged.getTooltip().getText()).startsWith("Damaged: ").contains("metrics.csv");
        assertThat(rowOf(robot, best).getStyleClass()).doesNotContain("damaged-run");

        robot.clickOn("Test acc.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems())
                .extracting(RunSummary::runName)
                .as("ascending: the damaged run's recorded 50 % first")
                .containsExactly("broken", "adam baseline", "wider");
        robot.clickOn("Test acc.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().get(0).folder())
                .as("descending: the best first")
                .isEqualTo(best);

        robot.doubleClickOn(rowOf(robot, best), MouseButton.PRIMARY);
        waitFor("the run to open", () -> !opened.isEmpty());

        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).folder()).isEqualTo(best);
        assertThat(opened.get(0).epochs()).hasSize(2);
        assertThat(robot.lookup("#run-details-title").queryLabeled().getText()).isEqualTo("wider");
        assertThat(robot.lookup("#details-hyperparameters").tryQuery()).isPresent();
    }

    @Test
    void enterOpensAndTheDeleteKeyDeletesAfterConfirmation(FxRobot robot) {
        TableView<RunSummary> table = table(robot);
        waitFor("three runs", () -> table.getItems().size() == 3);

        robot.clickOn(rowOf(robot, best));
        robot.type(KeyCode.ENTER);
        waitFor("the run to open", () -> !opened.isEmpty());
        assertThat(opened.get(0).folder()).isEqualTo(best);

        robot.clickOn(rowOf(robot, broken));
        assertThat(robot.lookup("#run-details-problem").queryLabeled().getText())
                .contains("metrics.csv");
        dialogs.confirmations.add(true);
        robot.type(KeyCode.DELETE);
        waitFor("two runs", () -> table.getItems().size() == 2);

        assertThat(broken).doesNotExist();
        assertThat(dialogs.questions).hasSize(1);
        assertThat(robot.lookup("#runs-status").queryLabeled().getText())
                .startsWith("Deleted 1 run. 2 saved runs in");
    }
}
