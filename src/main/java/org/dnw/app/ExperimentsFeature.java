package org.dnw.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;
import org.dnw.cli.Installation;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.dnw.engine.TrainingServices;
import org.dnw.runs.SweepRunner;
import org.dnw.train.SweepSetting;
import org.dnw.ui.course.CourseTrainer;
import org.dnw.ui.course.CrossValidationView;
import org.dnw.ui.course.CrossValidationViewModel;
import org.dnw.ui.course.CrossValidator;
import org.dnw.ui.course.DatasetSupplier;
import org.dnw.ui.course.TwoDigitsView;
import org.dnw.ui.course.TwoDigitsViewModel;
import org.dnw.ui.robustness.RobustnessView;
import org.dnw.ui.robustness.RobustnessViewModel;
import org.dnw.ui.sweep.SlurmService;
import org.dnw.ui.sweep.SlurmTargetViewModel;
import org.dnw.ui.sweep.SweepStarter;
import org.dnw.ui.sweep.SweepView;
import org.dnw.ui.sweep.SweepViewModel;

/**
 * The Experiments tab: a sweep of the current network, the robustness check of saved runs, and the
 * course's two panels (two digits, cross-validation), each a tab of its own.
 */
final class ExperimentsFeature {

    private final SetupFeature setup;
    private final DatasetCatalog catalog;
    private final RobustnessViewModel robustness;
    private final TabPane tabs;
    private final SweepViewModel sweep;

    /**
     * How often a sweep sent to Slurm from the Sweep panel is read again (squeue, scontrol and the
     * runs folder): a little slower than the Runs tab's {@link RunsFeature#FOLLOW_EVERY}, as it
     * asks the cluster's controller each time.
     */
    static final Duration SLURM_EVERY = Duration.seconds(4);

    private final Timeline slurmFollow;

    /**
     * @param runListed told on the FX thread of each run a sweep saved
     */
    ExperimentsFeature(WorkbenchServices s, SetupFeature setup, Consumer<Path> runListed) {
        this.setup = setup;
        this.catalog = s.catalog();
        robustness =
                new RobustnessViewModel(
                        s.store()::list,
                        new CorruptedTestEvaluator(s.store(), catalog),
                        s.executors().checks(),
                        s.fx());
        SweepViewModel sweep =
                new SweepViewModel(
                        SweepStarter.of(
                                new SweepRunner(s.launcher()),
                                () ->
                                        setup.data().getLoaded() == null
                                                ? null
                                                : TrainingController.splits(
                                                        setup.data().getLoaded(),
                                                        setup.hyper().getHyperparameters())),
                        this::sweepBase,
                        s.fx(),
                        runListed,
                        new SlurmTargetViewModel(
                                SlurmService.onThePath(),
                                Installation::launcherForTasks,
                                this::sweepDataset,
                                s.store().root(),
                                s.executors().io(),
                                s.fx()));
        slurmFollow = new Timeline(new KeyFrame(SLURM_EVERY, e -> sweep.slurm().poll()));
        slurmFollow.setCycleCount(Animation.INDEFINITE);
        slurmFollow.play();
        this.sweep = sweep;
        setup.editor().specProperty().addListener((obs, old, now) -> sweep.refreshNetwork());
        setup.data().loadedProperty().addListener((obs, old, now) -> sweep.refreshNetwork());
        TwoDigitsViewModel twoDigits =
                new TwoDigitsViewModel(
                        this::mnistForTheCourse,
                        CourseTrainer.savingWith(s.launcher()),
                        s.executors().checks(),
                        s.fx());
        CrossValidationViewModel folds =
                new CrossValidationViewModel(
                        DatasetSupplier.tableOr(
                                setup::loadedDataset,
                                () ->
                                        catalog.load(
                                                BuiltInDataset.WHEAT_SEEDS, ProgressListener.NONE)),
                        CrossValidator.withLoops(TrainingServices::loop),
                        s.executors().checks(),
                        s.fx());
        tabs =
                new TabPane(
                        new Tab("Sweep", new SweepView(sweep)),
                        new Tab("Robustness", new RobustnessView(robustness)),
                        new Tab("Two digits", new TwoDigitsView(twoDigits)),
                        new Tab("Cross-validation", new CrossValidationView(folds)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("experiment-tabs");
    }

    /** The current network adapted to the data set, with the current hyperparameters. */
    private SweepSetting.Variant sweepBase() {
        var loaded = setup.data().getLoaded();
        return loaded == null
                ? null
                : new SweepSetting.Variant(
                        setup.editor().getSpec().adaptTo(loaded.inputShape(), loaded.classCount()),
                        setup.hyper().getHyperparameters());
    }

    /**
     * What a Slurm task trains on: the loaded data set's path, or a built-in set's name; null when
     * none is loaded.
     */
    private String sweepDataset() {
        var loaded = setup.data().getLoaded();
        if (loaded == null) {
            return null;
        }
        if (loaded.dataOrigin() != null) {
            return loaded.dataOrigin().path().toString();
        }
        BuiltInDataset builtIn = BuiltInDataset.byName(loaded.name());
        return builtIn == null ? loaded.name() : builtIn.folderName();
    }

    /** The Sweep panel's model (the screenshots choose its "Run on"). */
    SweepViewModel sweep() {
        return sweep;
    }

    /** Stops following a sweep sent to Slurm; idempotent. */
    void stopFollowing() {
        slurmFollow.stop();
    }

    /** MNIST for the two-digit task: the loaded one, else the full set, else the sample. */
    private LoadedDataset mnistForTheCourse() throws Exception {
        LoadedDataset loaded = setup.loadedDataset();
        if (loaded != null
                && (loaded.name().equals(BuiltInDataset.MNIST.displayName())
                        || loaded.name().equals(BuiltInDataset.MNIST_SAMPLE.displayName()))) {
            return loaded;
        }
        BuiltInDataset mnist =
                catalog.entry(BuiltInDataset.MNIST).isLocal()
                        ? BuiltInDataset.MNIST
                        : BuiltInDataset.MNIST_SAMPLE;
        return catalog.load(mnist, ProgressListener.NONE);
    }

    /** The saved runs may have changed: the robustness check lists them again. */
    void refreshRuns() {
        robustness.refreshRuns();
    }

    /** The tab's content: one tab per experiment. */
    TabPane tabs() {
        return tabs;
    }
}
