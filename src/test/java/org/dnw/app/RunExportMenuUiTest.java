package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › Export run in the window as the application composes it, over an empty runs folder: the
 * items and their shortcuts, and Ctrl+E with no run to export bringing the Runs tab forward with
 * the reason in the status line, no chooser opened.
 */
class RunExportMenuUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir Path runs;
    private String runsBefore;
    private Stage stage;

    @AfterEach
    void restore() throws Exception {
        if (runsBefore == null) {
            System.clearProperty("workbench.runs");
        } else {
            System.setProperty("workbench.runs", runsBefore);
        }
        if (stage != null) {
            FxToolkit.setupFixture(stage::hide);
        }
    }

    @Test
    void fileExportRunSaysWhyWhenNoRunIsSelected() throws Exception {
        runsBefore = System.getProperty("workbench.runs");
        System.setProperty("workbench.runs", runs.toString());
        stage = FxToolkit.registerPrimaryStage();
        FakeDialogService dialogs = new FakeDialogService();
        WorkbenchOptions options =
                WorkbenchOptions.parse(List.of("--size", "1280x800", "--tab", "Data"));
        FxToolkit.setupFixture(
                () -> {
                    Scene scene = new WorkbenchApp().createScene(stage, options, dialogs);
                    stage.setScene(scene);
                    stage.show();
                });
        WorkbenchView view = (WorkbenchView) stage.getScene().getRoot();
        // the shipped sample loads at start and says so in the status line: wait, so that it
        // does not overwrite the sentence looked for below
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> view.viewModel().statusProperty().get().contains(" loaded"));
        WaitForAsyncUtils.waitForFxEvents();
        Menu file = ((MenuBar) view.getTop()).getMenus().get(0);
        Menu export =
                (Menu)
                        file.getItems().stream()
                                .filter(i -> "menu-export".equals(i.getId()))
                                .findFirst()
                                .orElseThrow();
        assertThat(export.getItems())
                .extracting(MenuItem::getId)
                .containsExactly("menu-export-pytorch", "menu-export-onnx");
        assertThat(export.getItems())
                .extracting(i -> i.getAccelerator().getDisplayText())
                .containsExactly("Ctrl+E", "Ctrl+Shift+E");
        assertThat(file.getItems().get(file.getItems().size() - 1).getId()).isEqualTo("menu-quit");

        FxRobot robot = new FxRobot();
        robot.clickOn(view.tab(WorkbenchTab.DATA).getContent());
        robot.push(KeyCode.CONTROL, KeyCode.E);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> view.viewModel().statusProperty().get().startsWith("Cannot export"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.tabPane().getSelectionModel().getSelectedItem())
                .isSameAs(view.tab(WorkbenchTab.RUNS));
        assertThat(robot.lookup("#status-message").queryAs(Labeled.class).getText())
                .isEqualTo(
                        "Cannot export as PyTorch: Select a saved run to export it as PyTorch or"
                                + " ONNX.");
        assertThat(dialogs.choosers).isEmpty();
    }
}
