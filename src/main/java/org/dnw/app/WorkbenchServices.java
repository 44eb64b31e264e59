package org.dnw.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.dnw.data.DatasetCatalog;
import org.dnw.engine.DjlDatasetDownloader;
import org.dnw.engine.TrainingServices;
import org.dnw.runs.RunLauncher;
import org.dnw.store.RunStore;
import org.dnw.train.TrainingService;
import org.dnw.ui.common.DialogService;

/**
 * What every feature of the window is built from.
 *
 * @param fx the FX thread, as an executor
 */
record WorkbenchServices(
        DatasetCatalog catalog,
        RunStore store,
        TrainingService training,
        RunLauncher launcher,
        DialogService dialogs,
        WorkbenchExecutors executors,
        Executor fx) {

    static WorkbenchServices create(DialogService dialogs) {
        WorkbenchExecutors executors = WorkbenchExecutors.create();
        DatasetCatalog catalog = DatasetCatalog.fromEnvironment(new DjlDatasetDownloader());
        // tests point it elsewhere; a user's runs live in saved-models/ of the working directory
        RunStore store =
                new RunStore(Path.of(System.getProperty("workbench.runs", "saved-models")));
        executors
                .io()
                .execute(
                        () -> {
                            try {
                                store.cleanStaleDrafts();
                            } catch (IOException ignored) {
                                // a leftover draft is hidden from the list anyway
                            }
                        });
        TrainingService training = TrainingServices.withAllEngines();
        RunLauncher launcher = new RunLauncher(store, training, executors.io());
        return new WorkbenchServices(
                catalog, store, training, launcher, dialogs, executors, Platform::runLater);
    }

    /** Stops the threads and closes the engines. */
    void close() {
        executors.shutdown();
        training.close();
    }
}
