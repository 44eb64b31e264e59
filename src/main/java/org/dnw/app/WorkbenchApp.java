package org.dnw.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.dnw.data.DataSplits;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.engine.DjlDatasetDownloader;
import org.dnw.engine.EngineSetup;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.store.RunLauncher;
import org.dnw.store.RunSaveOutcome;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingService;
import org.dnw.train.TrainingServices;
import org.dnw.train.scratch.ScratchTrainingLoop;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.augment.AugmentationView;
import org.dnw.ui.augment.AugmentationViewModel;
import org.dnw.ui.charts.ChartsView;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.DialogService;
import org.dnw.ui.common.EventPump;
import org.dnw.ui.common.FxDialogService;
import org.dnw.ui.confusion.ConfusionView;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.data.DataView;
import org.dnw.ui.data.DataViewModel;
import org.dnw.ui.data.DatasetPreview;
import org.dnw.ui.filters.FiltersView;
import org.dnw.ui.filters.FiltersViewModel;
import org.dnw.ui.hyperparams.HyperparametersView;
import org.dnw.ui.hyperparams.HyperparametersViewModel;
import org.dnw.ui.robustness.RobustnessView;
import org.dnw.ui.robustness.RobustnessViewModel;
import org.dnw.ui.runs.RunsView;
import org.dnw.ui.runs.RunsViewModel;
import org.dnw.ui.runs.SavedRunViews;
import org.dnw.ui.training.TrainingEventPump;
import org.dnw.ui.training.TrainingState;
import org.dnw.ui.training.TrainingView;
import org.dnw.ui.training.TrainingViewModel;
import org.dnw.ui.tryit.TryItView;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/**
 * The workbench window: builds the services (data catalog, training service, run store) and the
 * view models, wires them and shows the stage. With {@code --screenshot FILE} it writes the
 * laid-out window as a PNG and exits (after training first, with {@code --train}).
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

    private static final double HYPERPARAMETERS_WIDTH = 432;

    /**
     * How often the live views follow the batches: once a second. On two cores every frame the
     * window draws is taken from PyTorch's two threads (which then also wait for each other): in
     * the window benchmark ({@code --benchmark}, medians of 4 × 579 batches) the window trained at
     * 0.66 of the command line's speed at 20 Hz, 0.89 at 5 Hz, 0.93 at 2 Hz and 0.95 at 1 Hz. Epoch
     * ends, pauses and the end of a run still show at once.
     */
    private static final java.time.Duration LIVE_VIEW_INTERVAL = java.time.Duration.ofMillis(1000);

    private final List<ExecutorService> executors = new java.util.ArrayList<>();
    private WorkbenchViewModel workbench;
    private TrainingController training;
    private TrainingService service;
    private TryItViewModel tryIt;
    private WorkbenchOptions options;
    private Stage stage;
    private boolean closing;

    // view models the wiring methods share
    private ArchitectureViewModel editor;
    private DataViewModel data;
    private HyperparametersViewModel hyper;
    private AugmentationViewModel augment;
    private TrainingViewModel trainingModel;
    private ChartsViewModel charts;
    private FiltersViewModel filters;
    private ConfusionViewModel confusion;
    private RunsViewModel runs;
    private WorkbenchView view;
    private RunStore store;
    private DataSplits lastSplits;
    private RobustnessViewModel robustness;
    private DatasetCatalog catalog;
    private ExecutorService io;
    private EventPump<TrainingEvent> pump;
    private org.dnw.ui.sweep.SweepViewModel sweep;
    private TabPane experimentTabs;

    /** Mid-training screenshots are being written; the final ones wait for them. */
    private boolean midTrainingShots;

    private boolean finalShotsWaiting;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
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
                    System.err.println("Unexpected error on " + thread.getName() + ": " + error);
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

        if (options.screenshot() != null && !options.train()) {
            // wait (up to a minute) for the data set to load, then let the views draw
            Thread wait =
                    new Thread(
                            () -> {
                                long until = System.currentTimeMillis() + 60_000;
                                sleep(500);
                                while (System.currentTimeMillis() < until && loading()) {
                                    sleep(200);
                                }
                                sleep(800);
                                Platform.runLater(this::takeScreenshot);
                            },
                            "screenshot-delay");
            wait.setDaemon(true);
            wait.start();
        }
        if (options.benchmark()) {
            data.loadedProperty()
                    .addListener(
                            (obs, old, now) -> {
                                if (now != null && old == null) {
                                    view.selectTab(WorkbenchTab.TRAINING);
                                    startBenchmark(now);
                                }
                            });
        } else if (options.train()) {
            if (options.screenshotIsFolder()) {
                screenshotsWhileTraining();
            }
            // press Train once the data set is loaded
            data.loadedProperty()
                    .addListener(
                            (obs, old, now) -> {
                                if (now != null && old == null) {
                                    Platform.runLater(trainingModel::onTrain);
                                }
                            });
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
        io = executor("workbench-io");
        ExecutorService dataLoads = executor("workbench-data");
        ExecutorService predictions = executor("workbench-predict");
        ExecutorService checks = executor("workbench-checks");

        catalog = DatasetCatalog.fromEnvironment(new DjlDatasetDownloader());
        // tests point it elsewhere; a user's runs live in saved-models/ of the working directory
        store = new RunStore(Path.of(System.getProperty("workbench.runs", "saved-models")));
        io.execute(
                () -> {
                    try {
                        store.cleanStaleDrafts();
                    } catch (java.io.IOException ignored) {
                        // a leftover draft is hidden from the list anyway
                    }
                });
        service = TrainingServices.withAllEngines();
        RunLauncher launcher = new RunLauncher(store, service, io);

        editor = new ArchitectureViewModel(Presets.load(options.preset()));
        workbench = new WorkbenchViewModel(editor, dialogs, io, Platform::runLater);
        view = new WorkbenchView(workbench);

        // data and hyperparameters
        data =
                new DataViewModel(
                        new CatalogDatasetSource(
                                catalog, Preferences.userNodeForPackage(WorkbenchApp.class)),
                        dialogs,
                        dataLoads,
                        Platform::runLater);
        hyper = new HyperparametersViewModel();
        if (options.epochs() > 0) {
            hyper.setEpochCount(options.epochs());
        }
        data.validationShareProperty().bind(hyper.validationShareProperty());
        hyper.networkProperty().bind(editor.specProperty());
        hyper.setScratchEngineCheck(spec -> ScratchTrainingLoop.problems(spec, null).isEmpty());
        augment = new AugmentationViewModel(dataLoads, Platform::runLater);
        data.loadedProperty().addListener((obs, old, now) -> dataChanged(now));

        // training and the live views
        charts = new ChartsViewModel();
        filters = new FiltersViewModel();
        confusion = new ConfusionViewModel();
        TryItViewModel tryItModel =
                new TryItViewModel(new RunClassifiers(), dialogs, predictions, Platform::runLater);
        tryIt = tryItModel;
        training =
                new TrainingController(
                        launcher,
                        io,
                        Platform::runLater,
                        () ->
                                new TrainingController.Inputs(
                                        editor.getSpec(),
                                        data.getLoaded(),
                                        hyper.getHyperparameters(),
                                        hyper.getEngine(),
                                        augment.getEffectiveSpec()),
                        this::runStarting,
                        this::runSaved);
        trainingModel = new TrainingViewModel(training);
        pump =
                TrainingEventPump.create(
                        Platform::runLater,
                        event -> {
                            trainingModel.accept(event);
                            charts.accept(event);
                            filters.accept(event);
                            confusion.accept(event);
                            if (event instanceof TrainingEvent.RunFinished) {
                                view.selectTab(WorkbenchTab.CONFUSION);
                            }
                        },
                        LIVE_VIEW_INTERVAL,
                        System::nanoTime);
        training.setEvents(pump);
        trainingModel
                .readyToTrainProperty()
                .bind(editor.trainableProperty().and(data.loadedProperty().isNotNull()));
        var active = trainingModel.stateProperty().isNotEqualTo(TrainingState.IDLE);
        editor.busyProperty().bind(active);
        editor.activityProperty().bind(trainingModel.activityTextProperty());
        hyper.lockedProperty().bind(active);
        editor.setOnTrain(spec -> trainingModel.onTrain());

        runs = new RunsViewModel(store, charts, dialogs, io, Platform::runLater);
        runs.setOnOpen(this::openRun);
        runs.setOnTrainAgain(
                manifest -> {
                    editor.load(manifest.spec(), "network of the run " + manifest.runName());
                    hyper.setFrom(manifest.hyperparameters());
                    var builtIn = org.dnw.data.BuiltInDataset.byName(manifest.dataset().name());
                    if (builtIn != null
                            && (data.getLoaded() == null
                                    || !data.getLoaded().name().equals(builtIn.displayName()))) {
                        data.choose(CatalogDatasetSource.id(builtIn));
                    }
                    view.selectTab(WorkbenchTab.TRAINING);
                    workbench.showStatus(
                            "Loaded the network and settings of "
                                    + manifest.runName()
                                    + " — press Train to run it again.");
                });
        robustness =
                new RobustnessViewModel(
                        store::list,
                        new CorruptedTestEvaluator(store, catalog),
                        checks,
                        Platform::runLater);

        view.setTabContent(WorkbenchTab.DATA, new DataView(data));
        view.setTabContent(WorkbenchTab.AUGMENT, new AugmentationView(augment));
        view.setTabContent(WorkbenchTab.TRAINING, trainingTab());
        view.setTabContent(WorkbenchTab.FILTERS, new FiltersView(filters));
        view.setTabContent(WorkbenchTab.CONFUSION, new ConfusionView(confusion));
        view.setTabContent(WorkbenchTab.TRY_IT, new TryItView(tryItModel));
        view.setTabContent(WorkbenchTab.RUNS, new RunsView(runs));
        view.setTabContent(WorkbenchTab.EXPERIMENTS, experiments(robustness, launcher));
        view.setOnQuit(this::closeWindow);
        view.addMenu(runsMenu());
        view.addMenu(viewMenu());
        view.tabPane()
                .getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now == view.tab(WorkbenchTab.EXPERIMENTS)) {
                                robustness.refreshRuns();
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
        // Redo has a second, common shortcut besides the menu's Ctrl+Y.
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(
                                KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        editor::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), trainingModel::onTrain);
        // Esc stops a run wherever the focus is: a filter sees the key before any control (a
        // text field, a combo box, a scroll pane) can take it for itself. Idle, Esc is theirs.
        scene.addEventFilter(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE
                            && !trainingModel.stopDisabledProperty().get()) {
                        trainingModel.onStop();
                        e.consume();
                    }
                });

        runs.refresh();
        data.choose(options.dataset());
        checks.execute(
                () -> {
                    String device;
                    try {
                        device = EngineSetup.describe(EngineSetup.device());
                    } catch (RuntimeException e) {
                        device = "engine unavailable: " + e.getMessage();
                    }
                    String shown = device;
                    Platform.runLater(() -> hyper.deviceTextProperty().set(shown));
                });
        return scene;
    }

    private javafx.scene.control.Menu runsMenu() {
        javafx.scene.control.MenuItem report =
                new javafx.scene.control.MenuItem("Write a _report of the selected runs…");
        report.setId("menu-report");
        report.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        report.setOnAction(e -> writeReport());
        javafx.scene.control.MenuItem show = new javafx.scene.control.MenuItem("_Saved runs");
        show.setOnAction(e -> view.selectTab(WorkbenchTab.RUNS));
        javafx.scene.control.MenuItem stop = new javafx.scene.control.MenuItem("_Stop training");
        stop.setAccelerator(new KeyCodeCombination(KeyCode.ESCAPE));
        stop.setOnAction(e -> trainingModel.onStop());
        stop.disableProperty().bind(trainingModel.stopDisabledProperty());
        javafx.scene.control.MenuItem pause =
                new javafx.scene.control.MenuItem("_Pause / resume training");
        pause.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
        pause.setOnAction(e -> trainingModel.onPauseResume());
        pause.disableProperty().bind(trainingModel.pauseDisabledProperty());
        return new javafx.scene.control.Menu(
                "_Runs",
                null,
                pause,
                stop,
                new javafx.scene.control.SeparatorMenuItem(),
                show,
                report);
    }

    /**
     * The window benchmark: one epoch through the service alone, one through the window with the
     * pump feeding every view, twice each alternately; prints the figures and exits.
     */
    private void startBenchmark(DatasetPreview loaded) {
        ModelSpec spec = editor.getSpec();
        var hp = hyper.getHyperparameters();
        Thread bench =
                new Thread(
                        () -> {
                            try {
                                DataSplits all = TrainingController.splits(loaded, hp);
                                // 600 batches a run: long enough for the JIT to have compiled
                                // the views' code, ten runs in about five minutes
                                int n = Math.min(all.train().size(), 600 * hp.batchSize());
                                int[] first = new int[n];
                                for (int i = 0; i < n; i++) {
                                    first[i] = i;
                                }
                                DataSplits splits =
                                        new DataSplits(
                                                all.datasetName(),
                                                all.train().subset(first),
                                                all.validation(),
                                                all.test(),
                                                all.fileSha256());
                                runStarting(splits);
                                java.util.function.Consumer<TrainingEvent> sink = pump;
                                // one warm-up run each way (the JIT compiles the views' code
                                // for a while), then ABBA order three times, so that drift from
                                // run to run cancels out
                                WindowBenchmark.measure(service, spec, splits, hp, e -> {});
                                WindowBenchmark.measure(service, spec, splits, hp, sink);
                                boolean[] windowRun = {
                                    false, true, true, false, false, true, true, false
                                };
                                List<Double> alone = new java.util.ArrayList<>();
                                List<Double> window = new java.util.ArrayList<>();
                                for (boolean w : windowRun) {
                                    double rate =
                                            WindowBenchmark.measure(
                                                    service, spec, splits, hp, w ? sink : e -> {});
                                    (w ? window : alone).add(rate);
                                }
                                int batches =
                                        (splits.train().size() / hp.batchSize())
                                                - WindowBenchmark.WARMUP_BATCHES
                                                - 1;
                                var result =
                                        new WindowBenchmark.Result(
                                                WindowBenchmark.median(alone),
                                                WindowBenchmark.median(window),
                                                batches);
                                System.out.println("service alone, images/s: " + alone);
                                System.out.println("window, images/s:        " + window);
                                System.out.println(result.report());
                            } catch (Exception e) {
                                System.err.println("The benchmark failed: " + e.getMessage());
                            }
                            Platform.runLater(Platform::exit);
                        },
                        "window-benchmark");
        bench.setDaemon(true);
        bench.start();
    }

    /** Ctrl+1 … Ctrl+8 bring each tab forward. */
    private javafx.scene.control.Menu viewMenu() {
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu("_View");
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
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(tab.title());
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

    /** A report of the runs selected on the Runs tab, written off the FX thread and opened. */
    private void writeReport() {
        List<org.dnw.store.RunSummary> chosen =
                runs.selection().stream().filter(r -> !r.isDamaged()).toList();
        if (chosen.isEmpty()) {
            view.selectTab(WorkbenchTab.RUNS);
            workbench.showStatus(
                    "Select one or more saved runs on the Runs tab, then write the report.");
            return;
        }
        workbench.showStatus(
                "Writing the report of "
                        + chosen.size()
                        + (chosen.size() == 1 ? " run …" : " runs …"));
        io.execute(
                () -> {
                    try {
                        List<SavedRun> saved = new java.util.ArrayList<>();
                        for (org.dnw.store.RunSummary r : chosen) {
                            saved.add(store.load(r.folder()));
                        }
                        Path file =
                                store.root()
                                        .resolve("reports")
                                        .resolve(
                                                "report-"
                                                        + java.time.LocalDateTime.now()
                                                                .format(
                                                                        java.time.format
                                                                                .DateTimeFormatter
                                                                                .ofPattern(
                                                                                        "yyyyMMdd-HHmmss"))
                                                        + ".html");
                        Path written =
                                new org.dnw.report.ReportWriter()
                                        .writeHtml(
                                                saved,
                                                new org.dnw.report.CatalogTestImages(catalog),
                                                file);
                        Platform.runLater(
                                () -> {
                                    workbench.showStatus("Report written to " + written + ".");
                                    try {
                                        getHostServices().showDocument(written.toUri().toString());
                                    } catch (RuntimeException ignored) {
                                        // no browser here: the status line says where it is
                                    }
                                });
                    } catch (java.io.IOException | RuntimeException e) {
                        Platform.runLater(
                                () ->
                                        workbench.showStatus(
                                                "The report could not be written: "
                                                        + e.getMessage()));
                    }
                });
    }

    private BorderPane trainingTab() {
        HyperparametersView panel = new HyperparametersView(hyper);
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
        tab.setTop(new TrainingView(trainingModel));
        return tab;
    }

    private TabPane experiments(RobustnessViewModel robustness, RunLauncher launcher) {
        sweep =
                new org.dnw.ui.sweep.SweepViewModel(
                        org.dnw.ui.sweep.SweepStarter.of(
                                new org.dnw.store.SweepRunner(launcher),
                                () ->
                                        data.getLoaded() == null
                                                ? null
                                                : TrainingController.splits(
                                                        data.getLoaded(),
                                                        hyper.getHyperparameters())),
                        () ->
                                data.getLoaded() == null
                                        ? null
                                        : new org.dnw.train.SweepSetting.Variant(
                                                editor.getSpec()
                                                        .adaptTo(
                                                                data.getLoaded().inputShape(),
                                                                data.getLoaded().classCount()),
                                                hyper.getHyperparameters()),
                        Platform::runLater,
                        folder -> {
                            runs.runSaved(folder);
                            robustness.refreshRuns();
                        });
        editor.specProperty().addListener((obs, old, now) -> sweep.refreshNetwork());
        data.loadedProperty().addListener((obs, old, now) -> sweep.refreshNetwork());
        org.dnw.ui.course.TwoDigitsViewModel twoDigits =
                new org.dnw.ui.course.TwoDigitsViewModel(
                        this::mnistForTheCourse,
                        org.dnw.ui.course.CourseTrainer.savingWith(launcher),
                        executors.get(3),
                        Platform::runLater);
        org.dnw.ui.course.CrossValidationViewModel folds =
                new org.dnw.ui.course.CrossValidationViewModel(
                        org.dnw.ui.course.DatasetSupplier.tableOr(
                                this::loadedDataset,
                                () ->
                                        catalog.load(
                                                org.dnw.data.BuiltInDataset.WHEAT_SEEDS,
                                                org.dnw.data.ProgressListener.NONE)),
                        org.dnw.ui.course.CrossValidator.withEngines(),
                        executors.get(3),
                        Platform::runLater);
        Tab sweepTab = new Tab("Sweep", new org.dnw.ui.sweep.SweepView(sweep));
        Tab check = new Tab("Robustness", new RobustnessView(robustness));
        Tab two = new Tab("Two digits", new org.dnw.ui.course.TwoDigitsView(twoDigits));
        Tab cross = new Tab("Cross-validation", new org.dnw.ui.course.CrossValidationView(folds));
        TabPane tabs = new TabPane(sweepTab, check, two, cross);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("experiment-tabs");
        experimentTabs = tabs;
        return tabs;
    }

    /** The loaded data set as the course panels take it; null when none is loaded. */
    private org.dnw.data.LoadedDataset loadedDataset() {
        DatasetPreview p = data.getLoaded();
        return p == null
                ? null
                : new org.dnw.data.LoadedDataset(
                        p.name(), p.train(), p.test(), p.fileSha256(), p.origin(), false);
    }

    /** MNIST for the two-digit task: the loaded one, else the full set, else the sample. */
    private org.dnw.data.LoadedDataset mnistForTheCourse() throws Exception {
        org.dnw.data.LoadedDataset loaded = loadedDataset();
        if (loaded != null
                && (loaded.name().equals(org.dnw.data.BuiltInDataset.MNIST.displayName())
                        || loaded.name()
                                .equals(org.dnw.data.BuiltInDataset.MNIST_SAMPLE.displayName()))) {
            return loaded;
        }
        org.dnw.data.BuiltInDataset mnist =
                catalog.entry(org.dnw.data.BuiltInDataset.MNIST).isLocal()
                        ? org.dnw.data.BuiltInDataset.MNIST
                        : org.dnw.data.BuiltInDataset.MNIST_SAMPLE;
        return catalog.load(mnist, org.dnw.data.ProgressListener.NONE);
    }

    /** A new data set: fit the network to it and show its images where they are used. */
    private void dataChanged(DatasetPreview now) {
        if (now == null) {
            return;
        }
        augment.setSamples(now.train());
        // not an undoable edit: the history is refitted, so Undo cannot leave a network that
        // does not fit the data, and a saved network stays saved
        workbench.fitNetwork(s -> s.adaptTo(now.inputShape(), now.classCount()));
        workbench.showStatus(
                now.name()
                        + " loaded: the network now takes "
                        + now.inputShape()
                        + " inputs and has "
                        + now.classCount()
                        + " classes.");
    }

    /** A run's splits are made: the confusion gallery shows its test images. */
    private void runStarting(DataSplits splits) {
        lastSplits = splits;
        confusion.setTestSamples(
                splits.test().classNames(),
                splits.test() instanceof ImageSamples images
                        ? SampleImages.of(images)
                        : SampleImages.none());
    }

    private void runSaved(RunSaveOutcome outcome) {
        workbench.showStatus(outcome.message());
        if (!outcome.isSaved()) {
            finishScreenshot();
            return;
        }
        runs.runSaved(outcome.folder());
        robustness.refreshRuns();
        executors
                .get(0)
                .execute(
                        () -> {
                            try {
                                SavedRun run = store.load(outcome.folder());
                                Platform.runLater(
                                        () -> {
                                            tryIt.useRun(run);
                                            finishScreenshot();
                                        });
                            } catch (java.io.IOException e) {
                                Platform.runLater(
                                        () -> {
                                            workbench.showStatus(
                                                    "The run was saved but could not be read back: "
                                                            + e.getMessage());
                                            finishScreenshot();
                                        });
                            }
                        });
    }

    private void openRun(SavedRun run) {
        SampleImages images = SampleImages.none();
        DatasetPreview loaded = data.getLoaded();
        if (loaded != null
                && loaded.name().equals(run.manifest().dataset().name())
                && loaded.test().size() == run.manifest().dataset().testSize()
                && loaded.test() instanceof ImageSamples test) {
            images = SampleImages.of(test);
        } else if (lastSplits != null
                && lastSplits.test().size() == run.manifest().dataset().testSize()
                && lastSplits.datasetName().equals(run.manifest().dataset().name())
                && lastSplits.test() instanceof ImageSamples test) {
            images = SampleImages.of(test);
        }
        SavedRunViews.show(run, charts, filters, confusion, images);
        tryIt.useRun(run);
        workbench.showStatus(
                "Opened "
                        + run.manifest().runName()
                        + ": its curves are on the Training tab, its filters and confusion matrix"
                        + " on theirs.");
    }

    private void finishScreenshot() {
        if (options.screenshot() != null && options.train()) {
            if (midTrainingShots) {
                finalShotsWaiting = true;
            } else {
                takeScreenshot();
            }
        }
    }

    /**
     * With {@code --screenshot DIR/ --train}: every tab once more into DIR/mid-training/, taken in
     * the second epoch (the first when there is one), while the figures and curves change.
     */
    private void screenshotsWhileTraining() {
        Path folder = options.screenshot().resolve("mid-training");
        boolean[] taken = {false};
        charts.batchLoss()
                .addListener(
                        (javafx.collections.ListChangeListener<javafx.geometry.Point2D>)
                                c -> {
                                    int epochs = hyper.getHyperparameters().epochCount();
                                    if (taken[0]
                                            || charts.trainLoss().size() < (epochs > 1 ? 1 : 0)
                                            || charts.batchLoss().size() < 10
                                            || trainingModel
                                                    .timeLeftTextProperty()
                                                    .get()
                                                    .isEmpty()) {
                                        return;
                                    }
                                    taken[0] = true;
                                    midTrainingShots = true;
                                    Platform.runLater(
                                            () ->
                                                    ScreenshotWriter.every(
                                                            stage.getScene(),
                                                            screenshots(),
                                                            folder,
                                                            () -> {
                                                                midTrainingShots = false;
                                                                if (finalShotsWaiting) {
                                                                    takeScreenshot();
                                                                }
                                                            }));
                                });
    }

    /** Every tab, and each of the Experiments tab's own tabs, as screenshots to write. */
    private List<ScreenshotWriter.Shot> screenshots() {
        List<ScreenshotWriter.Shot> shots = new java.util.ArrayList<>();
        for (WorkbenchTab tab : WorkbenchTab.values()) {
            if (tab != WorkbenchTab.EXPERIMENTS || experimentTabs == null) {
                shots.add(
                        new ScreenshotWriter.Shot(
                                ScreenshotWriter.fileName(tab.title()), () -> view.selectTab(tab)));
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
    private void takeScreenshot() {
        Path target = options.screenshot();
        if (options.screenshotIsFolder()) {
            ScreenshotWriter.every(stage.getScene(), screenshots(), target, Platform::exit);
        } else {
            view.selectTab(options.tab());
            ScreenshotWriter.afterPulses(stage.getScene(), target, 10, Platform::exit);
        }
    }

    /** True while the Data tab is still loading, read from any thread. */
    private boolean loading() {
        java.util.concurrent.CompletableFuture<Boolean> busy =
                new java.util.concurrent.CompletableFuture<>();
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

    /** Stops a running training first (its draft is discarded), then closes. */
    private void closeWindow() {
        if (closing) {
            return;
        }
        if (options.screenshot() == null && !workbench.requestQuit()) {
            return;
        }
        closing = true;
        if (training.isTraining()) {
            workbench.showStatus("Stopping the training before closing …");
            Thread stopper =
                    new Thread(
                            () -> {
                                training.stopAndWait(Duration.ofSeconds(10));
                                Platform.runLater(stage::close);
                            },
                            "close-after-training");
            stopper.setDaemon(true);
            stopper.start();
        } else {
            stage.close();
        }
    }

    /**
     * One worker thread, tasks in order; the thread ends after two idle seconds. Predictions and
     * checks call PyTorch, whose OpenMP gives each calling thread a pool of workers for as long as
     * the thread lives, and with more pooled threads than cores every pool sleeps between
     * operations instead of spinning: a prediction thread left alive slowed later training by 13 %.
     */
    private ExecutorService executor(String name) {
        java.util.concurrent.ThreadPoolExecutor e =
                new java.util.concurrent.ThreadPoolExecutor(
                        1,
                        1,
                        2,
                        java.util.concurrent.TimeUnit.SECONDS,
                        new java.util.concurrent.LinkedBlockingQueue<>(),
                        task -> {
                            Thread thread = new Thread(task, name);
                            thread.setDaemon(true);
                            return thread;
                        });
        e.allowCoreThreadTimeOut(true);
        executors.add(e);
        return e;
    }

    // ---- for the window's integration tests (same package)

    ArchitectureViewModel editorModel() {
        return editor;
    }

    DataViewModel dataModel() {
        return data;
    }

    TrainingViewModel trainingModel() {
        return trainingModel;
    }

    ChartsViewModel chartsModel() {
        return charts;
    }

    FiltersViewModel filtersModel() {
        return filters;
    }

    ConfusionViewModel confusionModel() {
        return confusion;
    }

    TryItViewModel tryItModel() {
        return tryIt;
    }

    WorkbenchView window() {
        return view;
    }

    @Override
    public void stop() {
        if (training != null) {
            training.stopAndWait(Duration.ofSeconds(10));
        }
        if (tryIt != null) {
            tryIt.dispose();
        }
        for (ExecutorService e : executors) {
            e.shutdown();
        }
        try {
            // a run being saved finishes its save; the rename makes it all or nothing anyway
            executors.get(0).awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (service != null) {
            service.close();
        }
    }
}
