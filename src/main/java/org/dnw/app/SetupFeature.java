package org.dnw.app;

import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import org.dnw.data.LoadedDataset;
import org.dnw.engine.EngineSetup;
import org.dnw.engine.scratch.ScratchProblems;
import org.dnw.spec.Presets;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingDefaults;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.augment.AugmentationViewModel;
import org.dnw.ui.data.DataViewModel;
import org.dnw.ui.data.DatasetPreview;
import org.dnw.ui.hyperparams.HyperparametersViewModel;

/**
 * What a run is made of: the network being edited, the data set, the hyperparameters and the
 * augmentation, tied together (the hyperparameters see the network; the data split follows the
 * validation share; the samples feed the augmentation preview).
 */
record SetupFeature(
        ArchitectureViewModel editor,
        DataViewModel data,
        HyperparametersViewModel hyper,
        AugmentationViewModel augment) {

    static SetupFeature create(WorkbenchServices s, WorkbenchOptions options) {
        ArchitectureViewModel editor = new ArchitectureViewModel(Presets.load(options.preset()));
        DataViewModel data =
                new DataViewModel(
                        new CatalogDatasetSource(
                                s.catalog(), Preferences.userNodeForPackage(WorkbenchApp.class)),
                        s.dialogs(),
                        s.executors().dataLoads(),
                        s.fx());
        HyperparametersViewModel hyper = new HyperparametersViewModel();
        if (options.epochs() > 0) {
            hyper.setEpochCount(options.epochs());
        }
        data.validationShareProperty()
                .bind(hyper.hyperparametersProperty().map(Hyperparameters::validationShare));
        hyper.networkProperty().bind(editor.specProperty());
        // the editor's memory estimate is for the batch size that will train
        editor.batchSizeProperty()
                .bind(
                        javafx.beans.binding.Bindings.createIntegerBinding(
                                () -> hyper.getHyperparameters().batchSize(),
                                hyper.hyperparametersProperty()));
        hyper.setScratchEngineCheck(spec -> ScratchProblems.of(spec, null).isEmpty());
        AugmentationViewModel augment =
                new AugmentationViewModel(s.executors().dataLoads(), s.fx());
        data.loadedProperty()
                .addListener(
                        (obs, old, now) -> {
                            hyper.datasetProperty().set(now == null ? null : now.name());
                            if (now != null) {
                                augment.setSamples(now.train());
                            }
                        });
        // the Augment tab follows the defaults of the network and data set shown, as the
        // Hyperparameters panel does, until the user changes it
        Runnable offer =
                () ->
                        augment.offerDefaults(
                                TrainingDefaults.augmentationFor(
                                        editor.specProperty().get() == null
                                                ? null
                                                : editor.specProperty().get().name(),
                                        data.getLoaded() == null ? null : data.getLoaded().name()));
        data.loadedProperty().addListener((obs, old, now) -> offer.run());
        editor.specProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (old == null
                                    || now == null
                                    || !java.util.Objects.equals(old.name(), now.name())) {
                                offer.run();
                            }
                        });
        return new SetupFeature(editor, data, hyper, augment);
    }

    /** Runs {@code action} when the first data set has loaded. */
    void whenFirstLoaded(Runnable action) {
        data.loadedProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null && old == null) {
                                action.run();
                            }
                        });
    }

    /** The loaded data set as the course panels take it; null when none is loaded. */
    LoadedDataset loadedDataset() {
        DatasetPreview p = data.getLoaded();
        return p == null
                ? null
                : new LoadedDataset(
                        p.name(), p.train(), p.test(), p.fileSha256(), p.origin(), false);
    }

    /** The hyperparameters panel names the device the engine trains on (asked on {@code on}). */
    void showDevice(Executor on, Executor fx) {
        on.execute(
                () -> {
                    String device;
                    try {
                        device = EngineSetup.describe(EngineSetup.device());
                    } catch (RuntimeException e) {
                        device = "engine unavailable: " + e.getMessage();
                    }
                    String shown = device;
                    fx.execute(() -> hyper.deviceTextProperty().set(shown));
                });
    }
}
