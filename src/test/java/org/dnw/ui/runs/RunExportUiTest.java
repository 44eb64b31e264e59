package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
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
 * The Runs tab's Export menu in a real (headless) stage: disabled with the reason for a damaged
 * run, and Export ▸ PyTorch… on a complete one saying what was written where. The exporter records
 * instead of writing; the store and its background thread are real.
 */
@ExtendWith(ApplicationExtension.class)
class RunExportUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir Path root;
    @TempDir Path exports;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final RunExportViewModelTest.RecordingExporter exporter =
            new RunExportViewModelTest.RecordingExporter();
    private Path good;
    private Path broken;

    @Start
    void start(Stage stage) throws IOException {
        RunStore store = new RunStore(root, ZoneOffset.UTC);
        good = SavedRuns.save(store, RunsViewModelTest.BEST);
        broken = SavedRuns.save(store, RunsViewModelTest.BROKEN);
        Files.delete(broken.resolve("metrics.csv"));
        exporter.withWeights.add(good);
        RunsViewModel model =
                new RunsViewModel(
                        store,
                        new ChartsViewModel(),
                        dialogs,
                        io,
                        Platform::runLater,
                        ZoneOffset.UTC);
        RunExportViewModel export =
                new RunExportViewModel(
                        model.selection(), exporter, dialogs, root, io, Platform::runLater);
        Scene scene = new Scene(new RunsView(model, export), 1280, 800);
        scene.getStylesheets().add(getClass().getResource(RunsView.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stopIo() {
        io.shutdownNow();
    }

    @Test
    void exportIsOfferedForACompleteRunAndSaysWhatItWrote(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<RunSummary> table = robot.lookup("#runs-table").queryAs(TableView.class);
        waitFor("two runs", () -> table.getItems().size() == 2);
        MenuButton menu = robot.lookup("#runs-export").queryAs(MenuButton.class);
        Node holder = robot.lookup("#runs-export-holder").query();
        assertThat(menu.isDisabled()).isTrue();
        assertThat(tip(holder)).isEqualTo("Select a saved run to export it as PyTorch or ONNX.");

        robot.clickOn(rowOf(robot, broken));
        waitFor("the reason", () -> tip(holder).contains("damaged"));
        assertThat(menu.isDisabled()).isTrue();
        assertThat(tip(holder)).startsWith("broken is damaged and cannot be exported: ");

        robot.clickOn(rowOf(robot, good));
        waitFor("Export to be enabled", () -> !menu.isDisabled());
        assertThat(tip(holder)).isEqualTo(RunExportControls.ENABLED_TIP);
        Node open = robot.lookup("#runs-export-open").query();
        assertThat(open.isVisible()).isFalse();

        dialogs.foldersToChoose.add(exports);
        robot.clickOn(menu);
        robot.clickOn("PyTorch…");
        waitFor("the export", () -> !exporter.pyTorch.isEmpty() && open.isVisible());

        assertThat(exporter.pyTorch)
                .containsExactly(new RunExportViewModelTest.Call(exports, false));
        Labeled status = robot.lookup("#runs-export-status").queryLabeled();
        assertThat(status.getText())
                .startsWith("Exported wider as PyTorch to " + exports + ": model.py (");
        assertThat(status.isVisible()).isTrue();
        assertThat(robot.lookup("#runs-export-error").queryLabeled().isVisible()).isFalse();
    }

    private static String tip(Node holder) {
        Object tip = holder.getProperties().get("javafx.scene.control.Tooltip");
        if (tip == null && holder instanceof Control c) {
            tip = c.getTooltip();
        }
        return tip == null ? "" : ((Tooltip) tip).getText();
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

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
