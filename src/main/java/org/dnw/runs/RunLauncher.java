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
import org.dnw.store.RunRecipe;
import org.dnw.store.RunStore;
import org.dnw.train.Checkpoints;
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
            TrainingRun run,
            RunDraft draft,
            CompletableFuture<RunSaveOutcome> saved,
            RunRecorder recorder) {

        public LaunchedRun(
                TrainingRun run, RunDraft draft, CompletableFuture<RunSaveOutcome> saved) {
            this(run, draft, saved, null);
        }

        /**
         * Stops the run at its next batch and keeps its draft, with its checkpoints, to be resumed
         * later ({@link RunSaveOutcome.Kind#INTERRUPTED}); a run without a checkpoint yet is
         * discarded as a cancelled one. Any thread.
         */
        public void stop() {
            if (recorder != null) {
                recorder.keepDraftOnCancel();
            }
            run.cancel();
        }
    }

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
        return launch(request, null, listener);
    }

    /**
     * Starts {@code request} like {@link #launch(TrainingRequest, Consumer)}; with {@code data},
     * the run can also be resumed: its draft gets the {@link RunRecipe} first and a checkpoint at
     * every epoch end ({@link Checkpoints}, in {@code <draft>/checkpoints}).
     *
     * @param data where the request's samples came from; null for a run that cannot be resumed
     */
    public LaunchedRun launch(
            TrainingRequest request, RunRecipe.DataReference data, Consumer<TrainingEvent> listener)
            throws IOException {
        RunDraft draft = store.begin(request.runName());
        try {
            TrainingRequest toRun = request;
            if (data != null) {
                RunRecipe.of(request, data).writeTo(draft.folder());
                toRun = request.withCheckpoints(draft.folder().resolve(Checkpoints.FOLDER), false);
            }
            return start(draft, toRun, listener, false);
        } catch (IOException | RuntimeException e) {
            store.discard(draft);
            throw e;
        }
    }

    /**
     * Resumes an interrupted run into its draft, already taken over by this process ({@link
     * RunStore#takeOver}): from the newest usable checkpoint there, the epochs before it not
     * trained again, the events appended to its log; it is published as a complete run at the end
     * as any other. If it fails, its draft is kept (with its checkpoints) rather than discarded.
     * {@code request} is the one its {@link RunRecipe} describes.
     */
    public LaunchedRun resume(
            RunDraft draft, TrainingRequest request, Consumer<TrainingEvent> listener) {
        return start(
                draft,
                request.withCheckpoints(draft.folder().resolve(Checkpoints.FOLDER), true),
                listener,
                true);
    }

    private LaunchedRun start(
            RunDraft draft,
            TrainingRequest request,
            Consumer<TrainingEvent> listener,
            boolean resumed) {
        RunRecorder recorder =
                new RunRecorder(store, draft, DatasetInfo.of(request.splits()), saveExecutor);
        if (resumed) {
            recorder.keepDraftOnFailure();
        }
        TrainingRun run =
                service.start(
                        request.withArtifactsFolder(draft.folder()), recorder.andThen(listener));
        return new LaunchedRun(run, draft, recorder.outcome(), recorder);
    }

    public TrainingService service() {
        return service;
    }

    public RunStore store() {
        return store;
    }
}
