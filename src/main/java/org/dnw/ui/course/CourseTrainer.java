package org.dnw.ui.course;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.dnw.runs.RunLauncher;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;

/** Starts a course panel's training run in the background: the application's training service. */
@FunctionalInterface
public interface CourseTrainer {

    /**
     * Starts {@code request} and returns at once; called on the panel's background executor.
     *
     * @param listener receives every event of the run, in order, on the training thread
     * @throws Exception whose message is a sentence when the run cannot start (another run is
     *     training, the request has problems)
     */
    StartedTraining start(TrainingRequest request, Consumer<TrainingEvent> listener)
            throws Exception;

    /**
     * The usual trainer: each run is started by {@code launcher} and saved like any other run; its
     * pictures go into the saved run's folder.
     */
    static CourseTrainer savingWith(RunLauncher launcher) {
        Objects.requireNonNull(launcher, "launcher");
        return (request, listener) -> {
            RunLauncher.LaunchedRun launched = launcher.launch(request, listener);
            return new StartedTraining(
                    launched.run(),
                    launched.saved()
                            .thenApply(
                                    outcome -> {
                                        if (!outcome.isSaved()) {
                                            throw new java.util.concurrent.CompletionException(
                                                    new IOException(outcome.message()));
                                        }
                                        return outcome.folder();
                                    }));
        };
    }
}
