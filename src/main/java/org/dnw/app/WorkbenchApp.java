package org.dnw.app;

import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.augment.AugmentationView;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.DialogService;
import org.dnw.ui.common.FxDialogService;
import org.dnw.ui.confusion.ConfusionView;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.data.DataView;
import org.dnw.ui.data.DataViewModel;
import org.dnw.ui.filters.FiltersView;
import org.dnw.ui.filters.FiltersViewModel;
import org.dnw.ui.inside.InsideView;
import org.dnw.ui.inside.InsideViewModel;
import org.dnw.ui.training.TrainingViewModel;
import org.dnw.ui.tryit.TryItView;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;
import org.slf4j.LoggerFactory;

/**
 * The workbench window: builds the shared services and the features from them, links the features
 * through the {@link WorkbenchViewModel} and shows the stage. With {@code --screenshot FILE} it
 * writes the laid-out window as a PNG and exits (after training first, with {@code --train}).
 */
public final class WorkbenchApp extends Application {

    /** Stylesheets of the feature views, besides the window's own. */
    private static final List<String> STYLESHEETS =
            List.of(
                    "/org/dnw/ui/experiments.css",
                    "/org/dnw/ui/live-views.css",
                    "/org/dnw/ui/data-hyperparams.css",
                    "/org/dnw/ui/augment.css",
                    "/org/dnw/ui/inspect.css");

    private WorkbenchOptions options;
    private ExperimentsFeature experiments;
    private Stage stage;
    private WorkbenchServices services;
    private WorkbenchViewModel workbench;
    private WorkbenchView view;
    private SetupFeature setup;
    private TrainingFeature training;
    private TryItViewModel tryIt;
    private WindowScreenshots screenshots;
    private WindowLinks links;
    private RunsFeature runs;
    private boolean closing;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        try {
            options = WorkbenchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            Console.err(e.getMessage() + "\n" + WorkbenchOptions.USAGE);
            Platform.exit();
            return;
        }
        Scene scene = createScene(stage, options);
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, error) -> {
                    LoggerFactory.getLogger(WorkbenchApp.class)
                            .error("Unexpected error on {}", thread.getName(), error);
                    Platform.runLater(() -> workbench.unexpectedError(error));
                });
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        if (options.screenshot() != null && !options.train()) {
            screenshots.afterLoading(setup.data());
        }
        if (options.benchmark()) {
            setup.whenFirstLoaded(
                    () -> {
                        // the Training tab, unless --tab names another (e.g. Inside, to
                        // measure the activation view following the run)
                        view.selectTab(
                                options.tab() == WorkbenchTab.DATA
                                        ? WorkbenchTab.TRAINING
                                        : options.tab());
                        training.startBenchmark(services.training());
                    });
        } else if (options.train()) {
            if (options.screenshotIsFolder()) {
                screenshots.whileTraining(training.charts(), setup.hyper(), training.model());
            }
            // press Train once the data set is loaded
            setup.whenFirstLoaded(() -> Platform.runLater(training.model()::onTrain));
        }
    }

    /** Builds the view models, services and window content for {@code stage}; FX thread. */
    Scene createScene(Stage stage, WorkbenchOptions options) {
        return createScene(stage, options, new FxDialogService(() -> stage));
    }

    /**
     * As {@link #createScene(Stage, WorkbenchOptions)}, with the window's dialogs given (tests).
     */
    Scene createScene(Stage stage, WorkbenchOptions options, DialogService dialogs) {
        this.stage = stage;
        this.options = options;
        services = WorkbenchServices.create(dialogs);
        WorkbenchExecutors executors = services.executors();
        setup = SetupFeature.create(services, options);
        workbench = new WorkbenchViewModel(setup.editor(), dialogs, executors.io(), services.fx());
        view = new WorkbenchView(workbench);
        setup.data().loadedProperty().addListener((obs, old, now) -> workbench.dataLoaded(now));
        tryIt =
                new TryItViewModel(
                        new RunClassifiers(), dialogs, executors.predictions(), services.fx());
        training =
                new TrainingFeature(
                        services,
                        setup,
                        workbench::runSaved,
                        () -> {
                            // a finished run shows its confusion matrix; the benchmark's runs
                            // keep the tab it measures
                            if (!options.benchmark()) {
                                view.selectTab(WorkbenchTab.CONFUSION);
                            }
                        });
        runs = new RunsFeature(services, setup, training, workbench, view, dialogs);
        experiments = new ExperimentsFeature(services, setup, folder -> links.runListed(folder));
        experiments.sweep().slurm().onSlurmProperty().set(options.sweepOnSlurm());
        screenshots = new WindowScreenshots(stage, options, view, experiments.tabs());
        links =
                new WindowLinks(
                        services,
                        setup,
                        training,
                        experiments,
                        runs.model(),
                        tryIt,
                        view,
                        screenshots::runSettled);
        workbench.setLinks(links);

        view.setTabContent(WorkbenchTab.DATA, new DataView(setup.data()));
        view.setTabContent(WorkbenchTab.AUGMENT, new AugmentationView(setup.augment()));
        view.setTabContent(WorkbenchTab.TRAINING, training.tab());
        view.setTabContent(WorkbenchTab.FILTERS, new FiltersView(training.filters()));
        view.setTabContent(WorkbenchTab.INSIDE, new InsideView(training.inside(), dialogs));
        GalleryWhy.link(training.confusion(), tryIt, executors.predictions(), services.fx());
        view.setTabContent(WorkbenchTab.CONFUSION, new ConfusionView(training.confusion()));
        view.setTabContent(WorkbenchTab.TRY_IT, new TryItView(tryIt));
        view.setTabContent(WorkbenchTab.RUNS, runs.tab());
        view.setTabContent(WorkbenchTab.EXPERIMENTS, experiments.tabs());
        view.setOnQuit(this::closeWindow);
        InsideLinks.link(training.inside(), tryIt, training.confusion(), view);
        screenshots.setInsideReady(training.inside()::isSettled);
        RunReports reports =
                new RunReports(
                        services, runs.model(), view, uri -> getHostServices().showDocument(uri));
        WorkbenchMenus.addMenus(view, training.model(), reports::write);
        RunExportWiring.link(
                runs.export(), view, workbench, uri -> getHostServices().showDocument(uri));
        view.tabPane()
                .getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now == view.tab(WorkbenchTab.EXPERIMENTS)) {
                                experiments.refreshRuns();
                            }
                        });
        view.selectTab(options.tab());
        stage.titleProperty().bind(workbench.titleBinding());
        stage.setOnCloseRequest(
                e -> {
                    e.consume();
                    closeWindow();
                });

        Scene scene = new Scene(view, options.width(), options.height());
        for (String sheet : STYLESHEETS) {
            scene.getStylesheets().add(WorkbenchApp.class.getResource(sheet).toExternalForm());
        }
        WorkbenchMenus.addKeys(scene, setup.editor(), training.model());

        runs.startFollowing();
        setup.data().choose(options.dataset());
        setup.showDevice(executors.checks(), services.fx());
        return scene;
    }

    /** Stops a running training first (its draft is discarded), then closes. */
    private void closeWindow() {
        if (closing) {
            return;
        }
        if (options.screenshot() == null && !workbench.requestQuit()) {
            return;
        }
        closing = true;
        runs.stopFollowing();
        experiments.stopFollowing();
        if (training.controller().isTraining()) {
            workbench.showStatus("Stopping the training before closing …");
        }
        training.stopThen(stage::close);
    }

    // ---- for the window's integration tests (same package)

    ArchitectureViewModel editorModel() {
        return setup.editor();
    }

    DataViewModel dataModel() {
        return setup.data();
    }

    TrainingViewModel trainingModel() {
        return training.model();
    }

    ChartsViewModel chartsModel() {
        return training.charts();
    }

    FiltersViewModel filtersModel() {
        return training.filters();
    }

    ConfusionViewModel confusionModel() {
        return training.confusion();
    }

    InsideViewModel insideModel() {
        return training.inside();
    }

    TryItViewModel tryItModel() {
        return tryIt;
    }

    WorkbenchView window() {
        return view;
    }

    @Override
    public void stop() {
        if (runs != null) {
            runs.stopFollowing();
        }
        if (experiments != null) {
            experiments.stopFollowing();
        }
        if (training != null) {
            training.controller().stopAndWait(Duration.ofSeconds(10));
        }
        if (tryIt != null) {
            tryIt.dispose();
        }
        if (training != null) {
            training.inside().dispose();
        }
        if (services != null) {
            services.close();
        }
    }
}
