package org.dnw.app;

import java.io.IOException;
import java.nio.file.Path;
import org.dnw.data.BuiltInDataset;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.runs.RunsViewModel;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.workbench.WorkbenchLinks;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;

/**
 * The features as the workbench view-model reaches them when it links them.
 *
 * @param settled told when a trained run has been handed on (the screenshots wait for it)
 */
record WindowLinks(
        WorkbenchServices services,
        SetupFeature setup,
        TrainingFeature training,
        ExperimentsFeature experiments,
        RunsViewModel runs,
        TryItViewModel tryIt,
        WorkbenchView view,
        Runnable settled)
        implements WorkbenchLinks {

    @Override
    public void runListed(Path folder) {
        runs.runSaved(folder);
        experiments.refreshRuns();
    }

    @Override
    public SavedRun readRun(Path folder) throws IOException {
        return services.store().load(folder);
    }

    @Override
    public void useForTryIt(SavedRun run) {
        tryIt.useRun(run);
        training.inside().useRun(run);
    }

    @Override
    public void showRun(SavedRun run, SampleImages testImages) {
        training.showRun(run, testImages);
    }

    @Override
    public void useHyperparameters(Hyperparameters hyperparameters) {
        setup.hyper().setFrom(hyperparameters);
    }

    @Override
    public void chooseDataset(BuiltInDataset dataset) {
        setup.data().choose(CatalogDatasetSource.id(dataset));
    }

    @Override
    public void selectTab(WorkbenchTab tab) {
        view.selectTab(tab);
    }

    @Override
    public void runSettled() {
        settled.run();
    }

    @Override
    public boolean trainingHere() {
        return training.controller().isTraining();
    }

    @Override
    public void overlayRun(SavedRun run) {
        training.overlayRun(run);
    }
}
