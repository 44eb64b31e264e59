package org.dnw.runs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.dnw.store.CompletedRun;
import org.dnw.store.DatasetInfo;
import org.dnw.store.EpochMetrics;
import org.dnw.store.RunDraft;
import org.dnw.store.RunEvents;
import org.dnw.store.RunManifest;
import org.dnw.store.RunResults;
import org.dnw.store.RunStore;
import org.dnw.train.Checkpoints;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunCancelled;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunStarted;

/**
 * Records one training run into a {@link RunDraft}: collects {@link RunStarted} and every {@link
 * EpochCompleted}; on {@link RunFinished} commits the run (manifest, metrics, confusion matrix,
 * predictions, weights) next to the params the engine saved into the draft; on {@link RunFailed} or
 * {@link RunCancelled} discards the draft, so nothing half-written is left — except a run stopped
 * to be resumed ({@link #keepDraftOnCancel}), whose draft is kept with its checkpoints. On {@link
 * TrainingEvent.CheckpointRestored} (a resumed run) it takes the restored epochs' figures.
 *
 * <p>While the run trains, its events are appended to the draft's live log ({@link RunEvents},
 * {@value RunEvents#FILE}), so that other processes list it as running with its curves so far; the
 * log travels with the draft when it is published.
 *
 * <p>{@link #accept} never throws: whatever goes wrong while saving is reported through {@link
 * #outcome()}, which always completes normally, exactly once, with the saved folder or a sentence
 * saying why nothing was saved. Events after the terminal one are ignored.
 *
 * <p>Threading: {@code accept} is meant to be called on the training thread, in event order. The
 * commit runs on the executor given (by default on the calling thread; pass a single I/O thread to
 * keep a large save off the training thread — the engine has written its params before it emits
 * {@code RunFinished}, so the draft is complete by then). The future completes on that thread.
 *
 * <p>Wiring, off the FX thread:
 *
 * <pre>{@code
 * RunStore store = new RunStore(Path.of("saved-models"));
 * store.cleanStaleDrafts();                       // once, at start-up
 * RunDraft draft = store.begin(runName);
 * RunRecorder recorder = new RunRecorder(store, draft, DatasetInfo.of(splits), ioExecutor);
 * recorder.outcome().thenAccept(o -> ui.showSaved(o));   // on ioExecutor: hop to the FX thread
 * training.start(..., draft.folder(), recorder.andThen(uiPump));  // engine saves params there
 * // if the run cannot even start (no RunStarted, no terminal event): store.discard(draft)
 * }</pre>
 */
public final class RunRecorder implements Consumer<TrainingEvent> {

    private final RunStore store;
    private final RunDraft draft;
    private final DatasetInfo dataset;
    private final Executor saveExecutor;
    private final CompletableFuture<RunSaveOutcome> outcome = new CompletableFuture<>();

    // Confined to the thread calling accept.
    private RunStarted started;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private boolean ended;
    private RunEvents.Writer log;
    private volatile boolean keepOnCancel;
    private volatile boolean keepOnFailure;

    /** A recorder that commits on the thread delivering {@code RunFinished}. */
    public RunRecorder(RunStore store, RunDraft draft, DatasetInfo dataset) {
        this(store, draft, dataset, Runnable::run);
    }

    /**
     * @param store the store the draft belongs to
     * @param draft where the engine saves the params; committed or discarded by this recorder
     * @param dataset the data set's name, class names (for the CSV headers) and file checksums; its
     *     split sizes are replaced by those the run reports
     * @param saveExecutor runs the commit
     */
    public RunRecorder(RunStore store, RunDraft draft, DatasetInfo dataset, Executor saveExecutor) {
        this.store = Objects.requireNonNull(store, "store");
        this.draft = Objects.requireNonNull(draft, "draft");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.saveExecutor = Objects.requireNonNull(saveExecutor, "saveExecutor");
    }

    /**
     * Makes the coming {@link RunCancelled} keep the draft for a later resume instead of discarding
     * it (when it has a usable checkpoint; without one there is nothing to resume and it is
     * discarded as before). Any thread.
     */
    public void keepDraftOnCancel() {
        keepOnCancel = true;
    }

    /**
     * Makes a {@link RunFailed} keep the draft when it has a usable checkpoint, as for a resumed
     * run: a resume that fails (its data changed, a disk error) must not lose the epochs the
     * interrupted run had trained. Any thread.
     */
    public void keepDraftOnFailure() {
        keepOnFailure = true;
    }

    /** The draft this recorder completes; give its folder to the engine to save the params in. */
    public RunDraft draft() {
        return draft;
    }

    /** Completes once, normally, when the run has been saved, discarded, or could not be saved. */
    public CompletableFuture<RunSaveOutcome> outcome() {
        return outcome;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (ended || event == null) {
            return;
        }
        appendToLog(event);
        try {
            if (event instanceof RunStarted s) {
                started = s;
                epochs.clear();
            } else if (event instanceof EpochCompleted e) {
                epochs.add(EpochMetrics.from(e));
            } else if (event instanceof TrainingEvent.CheckpointRestored r) {
                epochs.clear();
                r.epochs().forEach(e -> epochs.add(EpochMetrics.from(e)));
            } else if (event instanceof RunFinished f) {
                ended = true;
                CompletedRun run = completedRun(f);
                try {
                    saveExecutor.execute(() -> save(run, f.artifacts()));
                } catch (RejectedExecutionException e) {
                    save(run, f.artifacts());
                }
            } else if (event instanceof RunFailed f && keepOnFailure && resumable()) {
                ended = true;
                store.release(draft);
                outcome.complete(
                        new RunSaveOutcome(
                                RunSaveOutcome.Kind.INTERRUPTED,
                                draft.folder(),
                                "The run is kept as interrupted, with its checkpoints, in "
                                        + draft.folder().getFileName()
                                        + "."));
            } else if (event instanceof RunFailed f) {
                ended = true;
                discard("the run failed (" + f.reason() + "); nothing was saved");
            } else if (event instanceof RunCancelled c && keepOnCancel && resumable()) {
                ended = true;
                store.release(draft);
                outcome.complete(
                        new RunSaveOutcome(
                                RunSaveOutcome.Kind.INTERRUPTED,
                                draft.folder(),
                                "The run was stopped at epoch "
                                        + c.epoch()
                                        + "; its draft "
                                        + draft.folder().getFileName()
                                        + " is kept with its checkpoints."));
            } else if (event instanceof RunCancelled c) {
                ended = true;
                discard(
                        "the run was cancelled after "
                                + c.epochsCompleted()
                                + (c.epochsCompleted() == 1 ? " epoch" : " epochs")
                                + "; nothing was saved");
            }
        } catch (RuntimeException e) {
            // An event the recorder cannot use must not stop training: report it and drop the run.
            ended = true;
            fail(
                    "the run could not be recorded ("
                            + (e.getMessage() == null ? e.toString() : e.getMessage())
                            + ")");
        }
    }

    private boolean resumable() {
        try {
            return Checkpoints.newest(draft.folder().resolve(Checkpoints.FOLDER))
                    .checkpoint()
                    .isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Live log first: a run that cannot be recorded still shows how far it went. */
    private void appendToLog(TrainingEvent event) {
        if (event instanceof RunStarted && log == null) {
            log = RunEvents.appendTo(draft.folder());
        }
        if (log != null) {
            log.accept(event);
            if (event.isTerminal()) {
                log.close();
            }
        }
    }

    private CompletedRun completedRun(RunFinished f) {
        if (started == null) {
            throw new IllegalStateException("the run finished without having started");
        }
        if (f.test() == null) {
            throw new IllegalStateException("the run finished without a test evaluation");
        }
        RunStarted s = started;
        DatasetInfo data =
                new DatasetInfo(
                        dataset.name() != null ? dataset.name() : s.datasetName(),
                        dataset.classNames(),
                        dataset.fileSha256(),
                        s.trainSize(),
                        s.validationSize(),
                        s.testSize(),
                        dataset.path(),
                        dataset.labelColumn());
        RunManifest manifest =
                new RunManifest(
                        RunManifest.FORMAT_VERSION,
                        s.runName(),
                        s.spec(),
                        s.hyperparameters(),
                        s.hyperparameters() == null ? 0 : s.hyperparameters().seed(),
                        data,
                        s.environment(),
                        s.device(),
                        s.parameterCount(),
                        s.startedAt(),
                        f.finishedAt(),
                        f.durationMillis(),
                        RunResults.of(
                                f.test().accuracy(),
                                f.test().loss(),
                                epochs,
                                f.epochsCompleted(),
                                f.test().report().chanceAccuracy()),
                        f.parameters() == null || f.parameters().isEmpty()
                                ? null
                                : f.parameters().get(0).name(),
                        List.of());
        return new CompletedRun(manifest, epochs, f.test(), f.parameters());
    }

    private void save(CompletedRun run, Path artifacts) {
        try {
            copyArtifacts(artifacts);
            Path folder = store.commit(draft, run);
            outcome.complete(
                    new RunSaveOutcome(
                            RunSaveOutcome.Kind.SAVED,
                            folder,
                            "The run was saved to " + folder + "."));
        } catch (IOException | RuntimeException e) {
            // commit has already deleted the draft; make sure of it when the copy failed
            discardQuietly();
            outcome.complete(
                    new RunSaveOutcome(
                            RunSaveOutcome.Kind.SAVE_FAILED,
                            null,
                            "The run could not be saved in "
                                    + store.root()
                                    + " ("
                                    + (e.getMessage() == null ? e.toString() : e.getMessage())
                                    + "). Check that the folder is writable and the disk has"
                                    + " space, then train again."));
        }
    }

    /** The engine saved its params elsewhere: bring them into the draft (copies, not moves). */
    private void copyArtifacts(Path artifacts) throws IOException {
        if (artifacts == null
                || !Files.isDirectory(artifacts)
                || Files.isSameFile(artifacts, draft.folder())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(artifacts)) {
            for (Path f : files) {
                Path target = draft.folder().resolve(f.getFileName().toString());
                if (Files.isRegularFile(f) && !Files.exists(target)) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private void discard(String message) {
        try {
            store.discard(draft);
            outcome.complete(new RunSaveOutcome(RunSaveOutcome.Kind.DISCARDED, null, message));
        } catch (IOException | RuntimeException e) {
            outcome.complete(
                    new RunSaveOutcome(
                            RunSaveOutcome.Kind.DISCARDED,
                            null,
                            message
                                    + "; its temporary folder "
                                    + draft.folder().getFileName()
                                    + " could not be deleted and will be removed at the next"
                                    + " start"));
        }
    }

    private void fail(String reason) {
        discardQuietly();
        outcome.complete(
                new RunSaveOutcome(
                        RunSaveOutcome.Kind.SAVE_FAILED,
                        null,
                        "The run was not saved: " + reason + "."));
    }

    private void discardQuietly() {
        if (log != null) {
            log.close();
        }
        try {
            store.discard(draft);
        } catch (IOException | RuntimeException ignored) {
            // a draft left behind is hidden and removed by cleanStaleDrafts at the next start
        }
    }
}
