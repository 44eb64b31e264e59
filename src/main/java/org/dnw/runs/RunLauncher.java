package org.dnw.runs;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.dnw.data.DataSplits;
import org.dnw.spec.ModelSpec;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunDraft;
import org.dnw.store.RunStore;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingRun;
import org.dnw.train.TrainingService;

/**
 * Starts a training run that is saved when it finishes: opens a draft in the {@link RunStore}, lets
 * the training thread save the parameters there, and commits the run in one rename on {@link
 * TrainingEvent.RunFinished} (a failed or cancelled run leaves nothing). Used by the command line
 * and the workbench alike. Thread-safe as far as its collaborators are.
 */
public final class RunLauncher {

    private final RunStore store;
    private final TrainingService service;
    private final Executor saveExecutor;

    /**
     * @param saveExecutor where the run folder is written after the run (e.g. {@code Runnable::run}
     *     to write on the training thread)
     */
    public RunLauncher(RunStore store, TrainingService service, Executor saveExecutor) {
        this.store = Objects.requireNonNull(store);
        this.service = Objects.requireNonNull(service);
        this.saveExecutor = Objects.requireNonNull(saveExecutor);
    }

    /** A started run, its draft and the outcome of saving it. */
    public record LaunchedRun(
            TrainingRun run, RunDraft draft, CompletableFuture<RunSaveOutcome> saved) {}

    /**
     * Starts {@code spec} (already adapted to {@code splits}) and returns at once.
     *
     * @param listener receives every event after the recorder has seen it, on the training thread
     * @throws IOException when the draft folder cannot be created
     * @throws IllegalStateException when another run is active (the message says so)
     */
    public LaunchedRun launch(
            String runName,
            ModelSpec spec,
            DataSplits splits,
            Hyperparameters hyperparameters,
            int weightsEveryBatches,
            Consumer<TrainingEvent> listener)
            throws IOException {
        return launch(
                new TrainingRequest(
                        runName, spec, splits, hyperparameters, null, weightsEveryBatches),
                listener);
    }

    /**
     * Starts {@code request} (its spec already adapted to its splits), saving its parameters into a
     * new draft, and returns at once.
     *
     * @param listener receives every event after the recorder has seen it, on the training thread
     * @throws IOException when the draft folder cannot be created
     * @throws IllegalArgumentException when the request cannot run (the problems, one per line)
     * @throws IllegalStateException when another run is active (the message says so)
     */
    public LaunchedRun launch(TrainingRequest request, Consumer<TrainingEvent> listener)
            throws IOException {
        RunDraft draft = store.begin(request.runName());
        RunRecorder recorder =
                new RunRecorder(store, draft, DatasetInfo.of(request.splits()), saveExecutor);
        try {
            TrainingRun run =
                    service.start(
                            request.withArtifactsFolder(draft.folder()),
                            recorder.andThen(listener));
            return new LaunchedRun(run, draft, recorder.outcome());
        } catch (RuntimeException e) {
            store.discard(draft);
            throw e;
        }
    }

    public TrainingService service() {
        return service;
    }

    public RunStore store() {
        return store;
    }
}
