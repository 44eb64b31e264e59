package org.dnw.app;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.runs.RunExportViewModel;
import org.dnw.ui.training.TrainingViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;

/**
 * The menus the features add to the window's own (Runs, View) and the keys that work wherever the
 * focus is.
 */
final class WorkbenchMenus {

    private WorkbenchMenus() {}

    /** Adds the Runs and View menus to {@code view}. */
    static void addMenus(WorkbenchView view, TrainingViewModel training, Runnable writeReport) {
        view.addMenu(runsMenu(view, training, writeReport));
        view.addMenu(viewMenu(view));
    }

    /**
     * File ▸ Export run ▸ PyTorch… (Ctrl+E) and ONNX… (Shift+Ctrl+E): the run selected on the Runs
     * tab, which is the one just trained after a training. Always enabled: without a run to export
     * they bring the Runs tab forward and say why in the status line, which a disabled menu item
     * could not.
     */
    static void addExportMenu(WorkbenchView view, RunExportViewModel export) {
        MenuItem pyTorch = new MenuItem("_PyTorch…");
        pyTorch.setId("menu-export-pytorch");
        pyTorch.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        pyTorch.setOnAction(e -> exportWith(view, export, export::exportPyTorch));
        MenuItem onnx = new MenuItem("_ONNX…");
        onnx.setId("menu-export-onnx");
        onnx.setAccelerator(
                new KeyCodeCombination(
                        KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        onnx.setOnAction(e -> exportWith(view, export, export::exportOnnx));
        Menu menu = new Menu("_Export run", null, pyTorch, onnx);
        menu.setId("menu-export");
        menu.disableProperty().bind(export.job().runningProperty());
        view.addFileMenuItems(new SeparatorMenuItem(), menu);
    }

    private static void exportWith(WorkbenchView view, RunExportViewModel export, Runnable action) {
        if (!export.availableProperty().get()) {
            view.selectTab(WorkbenchTab.RUNS);
        }
        // later, so that the menu has closed before the modal chooser opens over it
        Platform.runLater(action);
    }

    /** Shift+Ctrl+Z redoes, F5 trains, Esc stops a run. */
    static void addKeys(Scene scene, ArchitectureViewModel editor, TrainingViewModel training) {
        // Redo has a second, common shortcut besides the menu's Ctrl+Y.
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(
                                KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        editor::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), training::onTrain);
        // Esc stops a run wherever the focus is: a filter sees the key before any control (a
        // text field, a combo box, a scroll pane) can take it for itself. Idle, Esc is theirs.
        scene.addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE
                            && !training.buttonsProperty().get().stopDisabled()) {
                        training.onStop();
                        e.consume();
                    }
                });
    }

    private static Menu runsMenu(
            WorkbenchView view, TrainingViewModel training, Runnable writeReport) {
        MenuItem report = new MenuItem("Write a _report of the selected runs…");
        report.setId("menu-report");
        report.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        report.setOnAction(e -> writeReport.run());
        MenuItem show = new MenuItem("_Saved runs");
        show.setOnAction(e -> view.selectTab(WorkbenchTab.RUNS));
        MenuItem stop = new MenuItem("_Stop training");
        stop.setAccelerator(new KeyCodeCombination(KeyCode.ESCAPE));
        stop.setOnAction(e -> training.onStop());
        stop.disableProperty()
                .bind(training.buttonsProperty().map(TrainingViewModel.Buttons::stopDisabled));
        MenuItem pause = new MenuItem("_Pause / resume training");
        pause.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
        pause.setOnAction(e -> training.onPauseResume());
        pause.disableProperty()
                .bind(training.buttonsProperty().map(TrainingViewModel.Buttons::pauseDisabled));
        return new Menu("_Runs", null, pause, stop, new SeparatorMenuItem(), show, report);
    }

    /** Ctrl+1 … Ctrl+9 bring each tab forward. */
    private static Menu viewMenu(WorkbenchView view) {
        Menu menu = new Menu("_View");
        KeyCode[] digits = {
            KeyCode.DIGIT1,
            KeyCode.DIGIT2,
            KeyCode.DIGIT3,
            KeyCode.DIGIT4,
            KeyCode.DIGIT5,
            KeyCode.DIGIT6,
            KeyCode.DIGIT7,
            KeyCode.DIGIT8,
            KeyCode.DIGIT9
        };
        WorkbenchTab[] tabs = WorkbenchTab.values();
        for (int i = 0; i < tabs.length; i++) {
            WorkbenchTab tab = tabs[i];
            MenuItem item = new MenuItem(tab.title());
            item.setMnemonicParsing(false);
            if (i < digits.length) {
                item.setAccelerator(
                        new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN));
            }
            item.setOnAction(e -> view.selectTab(tab));
            menu.getItems().add(item);
        }
        return menu;
    }
}
