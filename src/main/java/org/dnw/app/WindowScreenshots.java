package org.dnw.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.data.DataViewModel;
import org.dnw.ui.hyperparams.HyperparametersViewModel;
import org.dnw.ui.training.TrainingViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;

/**
 * {@code --screenshot FILE|DIR/}: the window written as PNGs, then the application exits. Without
 * {@code --train} once the data set has loaded; with it after the run, and with a folder also in
 * the middle of the run (into DIR/mid-training/).
 */
final class WindowScreenshots {

    private final Stage stage;
    private final WorkbenchOptions options;
    private final WorkbenchView view;
    private final TabPane experimentTabs;

    /** Mid-training screenshots are being written; the final ones wait for them. */
    private boolean midTrainingShots;

    private boolean finalShotsWaiting;

    /** True once the Inside tab shows what it waits for; its shot waits for it. */
    private BooleanSupplier insideReady = () -> true;

    WindowScreenshots(
            Stage stage, WorkbenchOptions options, WorkbenchView view, TabPane experimentTabs) {
        this.stage = stage;
        this.options = options;
        this.view = view;
        this.experimentTabs = experimentTabs;
    }

    /** The Inside tab's shots wait (up to 10 s) until {@code ready}. */
    void setInsideReady(BooleanSupplier ready) {
        insideReady = ready;
    }

    /** Waits (up to a minute) for the data set to load, lets the views draw, then shoots. */
    void afterLoading(DataViewModel data) {
        Thread wait =
                new Thread(
                        () -> {
                            long until = System.currentTimeMillis() + 60_000;
                            sleep(500);
                            while (System.currentTimeMillis() < until && loading(data)) {
                                sleep(200);
                            }
                            sleep(800);
                            Platform.runLater(this::take);
                        },
                        "screenshot-delay");
        wait.setDaemon(true);
        wait.start();
    }

    /** A trained run was handed on: with {@code --train}, the final screenshots. */
    void runSettled() {
        if (options.screenshot() != null && options.train()) {
            if (midTrainingShots) {
                finalShotsWaiting = true;
            } else {
                take();
            }
        }
    }

    /**
     * With {@code --screenshot DIR/ --train}: every tab once more into DIR/mid-training/, taken in
     * the second epoch (the first when there is one), while the figures and curves change.
     */
    void whileTraining(
            ChartsViewModel charts, HyperparametersViewModel hyper, TrainingViewModel training) {
        Path folder = options.screenshot().resolve("mid-training");
        boolean[] taken = {false};
        charts.batchLoss()
                .addListener(
                        (ListChangeListener<Point2D>)
                                c -> {
                                    int epochs = hyper.getHyperparameters().epochCount();
                                    if (taken[0]
                                            || charts.trainLoss().size() < (epochs > 1 ? 1 : 0)
                                            || charts.batchLoss().size() < 10
                                            || training.figuresProperty()
                                                    .get()
                                                    .timeLeft()
                                                    .isEmpty()) {
                                        return;
                                    }
                                    taken[0] = true;
                                    midTrainingShots = true;
                                    Platform.runLater(
                                            () ->
                                                    ScreenshotWriter.every(
                                                            stage.getScene(),
                                                            shots(),
                                                            folder,
                                                            this::midTrainingDone));
                                });
    }

    private void midTrainingDone() {
        midTrainingShots = false;
        if (finalShotsWaiting) {
            take();
        }
    }

    /** Every tab, and each of the Experiments tab's own tabs, as screenshots to write. */
    private List<ScreenshotWriter.Shot> shots() {
        List<ScreenshotWriter.Shot> shots = new ArrayList<>();
        for (WorkbenchTab tab : WorkbenchTab.values()) {
            if (tab != WorkbenchTab.EXPERIMENTS) {
                shots.add(
                        new ScreenshotWriter.Shot(
                                ScreenshotWriter.fileName(tab.title()),
                                () -> view.selectTab(tab),
                                tab == WorkbenchTab.INSIDE ? insideReady : () -> true));
                continue;
            }
            for (Tab sub : experimentTabs.getTabs()) {
                // the first keeps the plain name that the README and older pictures use
                String name =
                        sub == experimentTabs.getTabs().get(0)
                                ? ScreenshotWriter.fileName(tab.title())
                                : ScreenshotWriter.fileName(tab.title() + " " + sub.getText());
                shots.add(
                        new ScreenshotWriter.Shot(
                                name,
                                () -> {
                                    view.selectTab(tab);
                                    experimentTabs.getSelectionModel().select(sub);
                                }));
            }
        }
        return shots;
    }

    /** A PNG of the chosen tab, or of every tab when the screenshot path is a folder. */
    private void take() {
        Path target = options.screenshot();
        if (options.screenshotIsFolder()) {
            ScreenshotWriter.every(stage.getScene(), shots(), target, Platform::exit);
        } else {
            view.selectTab(options.tab());
            ScreenshotWriter.afterPulses(
                    stage.getScene(),
                    target,
                    10,
                    options.tab() == WorkbenchTab.INSIDE ? insideReady : () -> true,
                    Platform::exit);
        }
    }

    /** True while the Data tab is still loading, read from any thread. */
    private static boolean loading(DataViewModel data) {
        CompletableFuture<Boolean> busy = new CompletableFuture<>();
        Platform.runLater(() -> busy.complete(data.loadingProperty().get()));
        try {
            return busy.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
