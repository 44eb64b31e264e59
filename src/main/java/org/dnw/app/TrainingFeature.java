package org.dnw.app;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingService;
import org.dnw.ui.charts.ChartsView;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.EventPump;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.filters.FiltersViewModel;
import org.dnw.ui.hyperparams.HyperparametersView;
import org.dnw.ui.inside.InsideViewModel;
import org.dnw.ui.runs.SavedRunViews;
import org.dnw.ui.training.TrainingEventPump;
import org.dnw.ui.training.TrainingState;
import org.dnw.ui.training.TrainingView;
import org.dnw.ui.training.TrainingViewModel;

/**
 * Training in the window: the controller that starts runs from the setup, the training panel, and
 * the live views (curves, filters, confusion matrix) fed by one event pump.
 */
final class TrainingFeature {

    /**
     * How often the live views follow the batches: once a second. On two cores every frame the
     * window draws is taken from PyTorch's two threads (which then also wait for each other): in
     * the window benchmark ({@code --benchmark}, medians of 4 × 579 batches) the window trained at
     * 0.66 of the command line's speed at 20 Hz, 0.89 at 5 Hz, 0.93 at 2 Hz and 0.95 at 1 Hz. Epoch
     * ends, pauses and the end of a run still show at once.
     */
    private static final Duration LIVE_VIEW_INTERVAL = Duration.ofMillis(1000);

    private static final double HYPERPARAMETERS_WIDTH = 432;

    private final SetupFeature setup;
    private final ChartsViewModel charts = new ChartsViewModel();
    private final FiltersViewModel filters = new FiltersViewModel();
    private final ConfusionViewModel confusion = new ConfusionViewModel();
    private final InsideViewModel inside;
    private final TrainingController controller;
    private final TrainingViewModel model;
    private final EventPump<TrainingEvent> pump;
    private DataSplits lastSplits;

    /**
     * @param onSaved told how each run ended (FX thread)
     * @param onFinished called when a run finished, after the views have its results
     */
    TrainingFeature(
            WorkbenchServices s,
            SetupFeature setup,
            Consumer<RunSaveOutcome> onSaved,
            Runnable onFinished) {
        this.setup = setup;
        inside =
                new InsideViewModel(
                        SavedNetworks::open,
                        s.executors().predictions(),
                        s.fx(),
                        new java.util.Random());
        controller =
                new TrainingController(
                        s.launcher(),
                        s.executors().io(),
                        s.fx(),
                        () ->
                                new TrainingController.Inputs(
                                        setup.editor().getSpec(),
                                        setup.data().getLoaded(),
                                        setup.hyper().getHyperparameters(),
                                        setup.hyper().engineProperty().get(),
                                        setup.augment().getEffectiveSpec()),
                        this::runStarting,
                        onSaved);
        model = new TrainingViewModel(controller);
        pump =
                TrainingEventPump.create(
                        s.fx(),
                        event -> {
                            model.accept(event);
                            charts.accept(event);
                            filters.accept(event);
                            confusion.accept(event);
                            inside.accept(event);
                            if (event instanceof TrainingEvent.RunFinished) {
                                onFinished.run();
                            }
                        },
                        LIVE_VIEW_INTERVAL,
                        System::nanoTime);
        controller.setEvents(pump);
        inside.setProbeSink(controller::setProbe);
        filters.setSavedRunReaders(s.executors().io(), s.fx());
        filters.watchedLayerProperty()
                .addListener((obs, was, now) -> controller.watchLayer(now.intValue()));
        model.readyToTrainProperty()
                .bind(
                        setup.editor()
                                .trainableProperty()
                                .and(setup.data().loadedProperty().isNotNull()));
        var active = model.stateProperty().isNotEqualTo(TrainingState.IDLE);
        setup.editor().busyProperty().bind(active);
        setup.editor().activityProperty().bind(model.activityTextProperty());
        setup.hyper().lockedProperty().bind(active);
        setup.editor().setOnTrain(spec -> model.onTrain());
    }

    /** A run's splits are made: the confusion gallery shows its test images. */
    void runStarting(DataSplits splits) {
        lastSplits = splits;
        confusion.setTestSamples(
                splits.test().classNames(),
                splits.test() instanceof ImageSamples images
                        ? SampleImages.of(images)
                        : SampleImages.none());
        inside.setTestSet(
                splits.test().classNames(),
                splits.test() instanceof ImageSamples images
                        ? SampleImages.of(images)
                        : SampleImages.none(),
                splits.test().labels());
    }

    /** A saved run's curves drawn dashed over the live run's. */
    void overlayRun(SavedRun run) {
        charts.overlay(run.manifest().runName(), SavedRunViews.points(run.epochs()));
    }

    /** The live views show a saved run. */
    void showRun(SavedRun run, SampleImages testImages) {
        SavedRunViews.show(run, charts, filters, confusion, testImages);
        if (run.test() != null) {
            inside.setTestSet(run.classNames(), testImages, run.test().actual());
            inside.setPredictions(run.test().predicted());
        }
    }

    /** The Training tab: the training panel over the hyperparameters and the curves. */
    BorderPane tab() {
        HyperparametersView panel = new HyperparametersView(setup.hyper());
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("hyperparams-scroll");
        // the panel's rows (label, slider, field; the two engine buttons) need about 430 px
        scroll.setMinWidth(HYPERPARAMETERS_WIDTH);
        SplitPane split = new SplitPane(scroll, new ChartsView(charts));
        split.setOrientation(Orientation.HORIZONTAL);
        split.widthProperty()
                .addListener(
                        (obs, old, width) -> {
                            if (old.doubleValue() == 0 && width.doubleValue() > 0) {
                                split.setDividerPositions(
                                        Math.min(0.5, HYPERPARAMETERS_WIDTH / width.doubleValue()));
                            }
                        });
        SplitPane.setResizableWithParent(scroll, false);
        BorderPane tab = new BorderPane(split);
        tab.setTop(new TrainingView(model));
        return tab;
    }

    /** The window benchmark ({@code --benchmark}) of the current setup; prints and exits. */
    void startBenchmark(TrainingService service) {
        WindowBenchmark.start(
                service,
                setup.editor().getSpec(),
                setup.hyper().getHyperparameters(),
                setup.data().getLoaded(),
                this::runStarting,
                pump,
                controller::alsoFollow);
    }

    /**
     * Runs {@code close} on the FX thread once no training runs: at once when none does, else after
     * stopping it (kept as interrupted when it has a checkpoint) on a thread of its own.
     */
    void stopThen(Runnable close) {
        if (!controller.isTraining()) {
            close.run();
            return;
        }
        Thread stopper =
                new Thread(
                        () -> {
                            controller.stopAndWait(Duration.ofSeconds(10));
                            Platform.runLater(close);
                        },
                        "close-after-training");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** The splits of the last run trained in this window; null before the first. */
    DataSplits lastSplits() {
        return lastSplits;
    }

    TrainingController controller() {
        return controller;
    }

    TrainingViewModel model() {
        return model;
    }

    EventPump<TrainingEvent> pump() {
        return pump;
    }

    ChartsViewModel charts() {
        return charts;
    }

    FiltersViewModel filters() {
        return filters;
    }

    ConfusionViewModel confusion() {
        return confusion;
    }

    InsideViewModel inside() {
        return inside;
    }
}
