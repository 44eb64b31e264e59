package org.dnw.app;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.dnw.cli.Installation;
import org.dnw.runs.ResumeProcess;
import org.dnw.ui.common.DialogService;
import org.dnw.ui.runs.RunExportViewModel;
import org.dnw.ui.runs.RunsView;
import org.dnw.ui.runs.RunsViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/**
 * The Runs tab, wired: its model over the store, what Open, Train again and Overlay do in the rest
 * of the window, and the folder followed live — listed again every 2 s (the listing runs on the io
 * thread), so that runs of this and other processes appear, grow and end by themselves. The timer
 * is a timeline on the FX thread rather than a thread of its own, so it stops with the toolkit.
 */
final class RunsFeature {

    /** How often the runs folder is listed again. */
    static final Duration FOLLOW_EVERY = Duration.seconds(2);

    private final RunsViewModel model;
    private final RunExportViewModel export;
    private final Timeline follow;

    RunsFeature(
            WorkbenchServices services,
            SetupFeature setup,
            TrainingFeature training,
            WorkbenchViewModel workbench,
            WorkbenchView view,
            DialogService dialogs) {
        model =
                new RunsViewModel(
                        services.store(),
                        training.charts(),
                        dialogs,
                        services.executors().io(),
                        services.fx());
        model.setTrainingHere(() -> training.controller().isTraining());
        model.setResumer(
                folder ->
                        ResumeProcess.start(
                                Installation.commandLine(), folder, services.store().root()));
        model.setOnOpen(
                run -> workbench.openRun(run, setup.data().getLoaded(), training.lastSplits()));
        model.setOnTrainAgain(manifest -> workbench.trainAgain(manifest, setup.data().getLoaded()));
        // overlaid and followed curves are drawn on the Training tab's charts: show them
        model.setOnOverlaid(() -> view.selectTab(WorkbenchTab.TRAINING));
        export =
                new RunExportViewModel(
                        model.selection(),
                        new RunExports(services.store()),
                        dialogs,
                        services.store().root(),
                        services.executors().io(),
                        services.fx());
        follow = new Timeline(new KeyFrame(FOLLOW_EVERY, e -> model.poll()));
        follow.setCycleCount(Animation.INDEFINITE);
    }

    RunsViewModel model() {
        return model;
    }

    /** Export ▸ PyTorch… / ONNX… of the selected run (the Runs tab's and the File menu's). */
    RunExportViewModel export() {
        return export;
    }

    RunsView tab() {
        return new RunsView(model, export);
    }

    /** Lists the folder now, then every {@link #FOLLOW_EVERY}; FX thread. */
    void startFollowing() {
        model.refresh();
        follow.play();
    }

    /** Stops following the folder; idempotent. */
    void stopFollowing() {
        follow.stop();
    }
}
