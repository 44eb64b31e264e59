package org.dnw.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.dnw.spec.Presets;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.common.FxDialogService;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/**
 * The workbench window: builds the view models and services, wires them and shows the stage. With
 * {@code --screenshot FILE} it writes the laid-out window as a PNG and exits.
 */
public final class WorkbenchApp extends Application {

    private ExecutorService fileIo;
    private WorkbenchViewModel workbench;

    @Override
    public void start(Stage stage) {
        WorkbenchOptions options;
        try {
            options = WorkbenchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + WorkbenchOptions.USAGE);
            Platform.exit();
            return;
        }
        Scene scene = createScene(stage, options);
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, error) -> {
                    error.printStackTrace();
                    String sentence =
                            "Something went wrong ("
                                    + (error.getMessage() == null
                                            ? error.getClass().getSimpleName()
                                            : error.getMessage())
                                    + "). Your network is unchanged; you can go on or save it.";
                    Platform.runLater(() -> workbench.showStatus(sentence));
                });

        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();

        if (options.screenshot() != null) {
            ScreenshotWriter.afterPulses(scene, options.screenshot(), 3, Platform::exit);
        }
    }

    /** Builds the view models, services and window content for {@code stage}; FX thread. */
    Scene createScene(Stage stage, WorkbenchOptions options) {
        fileIo =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "workbench-file-io");
                            thread.setDaemon(true);
                            return thread;
                        });

        FxDialogService dialogs = new FxDialogService(() -> stage);
        ArchitectureViewModel editor = new ArchitectureViewModel(Presets.load(options.preset()));
        workbench = new WorkbenchViewModel(editor, dialogs, fileIo, Platform::runLater);
        WorkbenchView view = new WorkbenchView(workbench);
        view.setOnQuit(stage::close);
        view.selectTab(options.tab());
        // Wiring point for the other features: each tab's view goes in with view.setTabContent,
        // the training service behind editor.setOnTrain, its running state into
        // editor.busyProperty.
        stage.titleProperty().bind(workbench.titleBinding());
        stage.setOnCloseRequest(
                e -> {
                    if (options.screenshot() == null && !workbench.requestQuit()) {
                        e.consume();
                    }
                });

        Scene scene = new Scene(view, options.width(), options.height());
        // Redo has a second, common shortcut besides the menu's Ctrl+Y.
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(
                                KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        editor::redo);
        return scene;
    }

    @Override
    public void stop() {
        if (fileIo != null) {
            fileIo.shutdown();
        }
    }
}
