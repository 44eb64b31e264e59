package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dnw.spec.Presets;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.tryit.TryItView;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Try-it and Runs tabs inside the workbench window, whose Edit menu binds Delete to "Remove
 * layer": in these tabs Delete must clear the pad or delete the run, and leave the network alone.
 */
@ExtendWith(ApplicationExtension.class)
class InspectTabsInWindowUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir Path root;
    private final FakeDialogService dialogs = new FakeDialogService();
    private ArchitectureViewModel editor;
    private WorkbenchView window;
    private TryItViewModel tryIt;
    private RunsViewModel runs;
    private Path saved;

    @Start
    void start(Stage stage) throws IOException {
        RunStore store = new RunStore(root, ZoneOffset.UTC);
        saved = SavedRuns.save(store, RunsViewModelTest.ADAM);
        editor = new ArchitectureViewModel(Presets.load("seed-cnn"));
        window =
                new WorkbenchView(
                        new WorkbenchViewModel(editor, dialogs, Runnable::run, Runnable::run));
        tryIt = new TryItViewModel(run -> null, dialogs, Runnable::run, Runnable::run);
        runs =
                new RunsViewModel(
                        store,
                        new ChartsViewModel(),
                        dialogs,
                        Runnable::run,
                        Runnable::run,
                        ZoneOffset.UTC);
        runs.refresh();
        window.setTabContent(WorkbenchTab.TRY_IT, new TryItView(tryIt));
        window.setTabContent(WorkbenchTab.RUNS, new RunsView(runs));
        window.selectTab(WorkbenchTab.TRY_IT);
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @Test
    void deleteOnThePadClearsTheDrawingNotALayer(FxRobot robot) {
        robot.interact(() -> editor.select(0));
        int layers = editor.getSpec().layers().size();
        Canvas pad = robot.lookup("#try-it-pad").queryAs(Canvas.class);
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        Point2D from =
                new Point2D(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() / 2);
        robot.drag(from, MouseButton.PRIMARY)
                .moveTo(from.add(b.getWidth() * 0.4, 0))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tryIt.strokes()).hasSize(1);

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tryIt.strokes()).isEmpty();
        assertThat(editor.getSpec().layers()).hasSize(layers);
    }

    @Test
    void deleteInTheRunsTableDeletesTheRunNotALayer(FxRobot robot) {
        robot.interact(
                () -> {
                    editor.select(0);
                    window.selectTab(WorkbenchTab.RUNS);
                });
        int layers = editor.getSpec().layers().size();
        TableRow<?> row = null;
        for (Node n : robot.lookup(".table-row-cell").queryAll()) {
            if (((TableRow<?>) n).getItem() instanceof RunSummary s && s.folder().equals(saved)) {
                row = (TableRow<?>) n;
            }
        }
        assertThat(row).isNotNull();
        robot.clickOn(row);
        dialogs.confirmations.add(true);

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(saved).doesNotExist();
        assertThat(runs.runs()).isEmpty();
        assertThat(editor.getSpec().layers()).hasSize(layers);
    }
}
