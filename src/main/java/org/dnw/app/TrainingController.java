package org.dnw.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataOrigin;
import org.dnw.data.DataSplits;
import org.dnw.data.DataSplitter;
import org.dnw.data.LoadedDataset;
import org.dnw.runs.RunLauncher;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.ModelSpec;
import org.dnw.store.RunRecipe;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingRun;
import org.dnw.ui.data.DatasetPreview;
import org.dnw.ui.training.TrainingActions;

/**
 * What the Train, Pause and Stop buttons do: builds the request from the editor's current network
 * (as it is, never a refitted copy), data set, hyperparameters, engine and augmentation, and starts
 * it through the launcher, which saves the run when it finishes. The splits are made and the run
 * started on the I/O executor, so the FX thread never waits; whatever keeps a run from starting
 * arrives at the event sink as a {@link TrainingEvent.RunFailed} with the reason, like any other
 * failure.
 */
final class TrainingController implements TrainingActions {

    /** What the window currently holds; read on the FX thread when Train is pressed. */
    record Inputs(
            ModelSpec spec,
            DatasetPreview data,
            Hyperparameters hyperparameters,
            EngineKind engine,
            AugmentationSpec augmentation) {}

    private final RunLauncher launcher;
    private final Executor io;
    private final Executor fx;
    private final Supplier<Inputs> inputs;
    private volatile Consumer<TrainingEvent> events = e -> {};
    private final Consumer<DataSplits> onSplits;
    private final Consumer<RunSaveOutcome> onSaved;
    private volatile TrainingRun run;
    private volatile float[] probe;
    private volatile TrainingRun followed;
    private volatile RunLauncher.LaunchedRun launched;

    /** Stop was pressed before the run had started: cancel it as soon as it has. */
    private volatile boolean stopRequested;

    /** The layer the filter view shows, captured live (0: the first weighted layer). */
    private volatile int watchedLayer;

    /**
     * @param onSplits told the splits of a run about to start, on the FX thread
     * @param onSaved told what became of each run, on the FX thread
     */
    TrainingController(
            RunLauncher launcher,
            Executor io,
            Executor fx,
            Supplier<Inputs> inputs,
            Consumer<DataSplits> onSplits,
            Consumer<RunSaveOutcome> onSaved) {
        this.launcher = Objects.requireNonNull(launcher);
        this.io = Objects.requireNonNull(io);
        this.fx = Objects.requireNonNull(fx);
        this.inputs = Objects.requireNonNull(inputs);
        this.onSplits = Objects.requireNonNull(onSplits);
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /**
     * The image whose layer outputs the runs started here report (the Inside tab's, while it
     * shows), or null; applies to the active run at once and to every later one.
     */
    void setProbe(float[] input) {
        probe = input;
        eachRun(r -> r.setProbe(input));
    }

    /** {@code action} on the active run and on the one {@link #alsoFollow} was given, if any. */
    private void eachRun(Consumer<TrainingRun> action) {
        for (TrainingRun r : new TrainingRun[] {run, followed}) {
            if (r != null) {
                action.accept(r);
            }
        }
    }

    /**
     * Hands {@code other}, a run started past this controller (the window benchmark's), the probe
     * and watched layer this controller's runs get, now and as they change.
     */
    void alsoFollow(TrainingRun other) {
        followed = other;
        other.setProbe(probe);
        other.watchLayer(watchedLayer);
    }

    /** Where every event of every run goes, on the training thread (the UI pump). */
    void setEvents(Consumer<TrainingEvent> value) {
        events = Objects.requireNonNull(value);
    }

    @Override
    public void train() {
        Inputs in = inputs.get();
        if (in.data() == null) {
            throw new IllegalArgumentException(
                    "Choose a data set on the Data tab first — MNIST (sample) is always there.");
        }
        stopRequested = false;
        run = null;
        io.execute(() -> start(in));
    }

    private void start(Inputs in) {
        String name = in.spec().name() + "-" + slug(in.data().name());
        try {
            DataSplits splits = splits(in.data(), in.hyperparameters());
            // Exactly the network the editor shows: it is fitted to the data when the data is
            // chosen, and one that does not fit is refused with the service's reason, never
            // quietly changed into another network here.
            TrainingRequest request =
                    new TrainingRequest(
                            name,
                            in.spec(),
                            splits,
                            in.hyperparameters(),
                            null,
                            weightsEvery(splits, in.hyperparameters()),
                            in.augmentation(),
                            in.engine());
            List<String> problems = launcher.service().problems(request);
            if (!problems.isEmpty()) {
                refuse(name, String.join("; ", problems));
                return;
            }
            fx.execute(() -> onSplits.accept(splits));
            // with its data recorded, the run checkpoints every epoch and can be resumed
            RunLauncher.LaunchedRun launched =
                    launcher.launch(request, dataReference(splits), events);
            this.launched = launched;
            run = launched.run();
            run.setProbe(probe);
            run.watchLayer(watchedLayer);
            if (stopRequested) {
                launched.run().cancel();
            }
            launched.saved().thenAccept(outcome -> fx.execute(() -> onSaved.accept(outcome)));
        } catch (Exception e) {
            refuse(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void refuse(String name, String reason) {
        events.accept(
                new TrainingEvent.RunFailed(name, "training could not start: " + reason, "", 0, 0));
    }

    /** About 20 filter updates per epoch, at least every 5 batches. */
    private static int weightsEvery(DataSplits splits, Hyperparameters hp) {
        int batches = (splits.train().size() + hp.batchSize() - 1) / hp.batchSize();
        return Math.max(5, batches / 20);
    }

    static DataSplits splits(DatasetPreview data, Hyperparameters hp) {
        if (data.validation() != null) {
            return new DataSplits(
                    data.name(),
                    data.train(),
                    data.validation(),
                    data.test(),
                    data.fileSha256(),
                    data.dataOrigin());
        }
        return new DataSplitter(hp.validationShare(), hp.seed())
                .split(
                        new LoadedDataset(
                                data.name(),
                                data.train(),
                                data.test(),
                                data.fileSha256(),
                                data.origin(),
                                false,
                                data.dataOrigin()));
    }

    /**
     * Where {@code splits} came from, as {@code train --resume} opens it again: the path a user
     * gave (and a table's label column), else the built-in set's name.
     */
    static RunRecipe.DataReference dataReference(DataSplits splits) {
        DataOrigin origin = splits.origin();
        return origin == null
                ? new RunRecipe.DataReference(splits.datasetName(), null, null)
                : new RunRecipe.DataReference(origin.path().toString(), origin.labelColumn(), null);
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    @Override
    public void pause() {
        TrainingRun r = run;
        if (r != null) {
            r.pause();
        }
    }

    @Override
    public void resume() {
        TrainingRun r = run;
        if (r != null) {
            r.resume();
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        TrainingRun r = run;
        if (r != null) {
            r.cancel();
        }
    }

    /**
     * Asks the active run, and every later one, to capture the weights of the layer at {@code
     * position} (1-based in the spec; 0 for the first weighted layer).
     */
    void watchLayer(int position) {
        watchedLayer = position;
        eachRun(r -> r.watchLayer(position));
    }

    /** True while a run is active. */
    boolean isTraining() {
        TrainingRun r = run;
        return r != null && !r.isDone();
    }

    /**
     * Stops the active run and waits (off the FX thread) until it has ended: a run with a
     * checkpoint is kept as interrupted, to be resumed from the Runs tab (or {@code train
     * --resume}); one stopped before its first epoch ended is discarded, as a cancelled run.
     */
    void stopAndWait(Duration timeout) {
        TrainingRun r = run;
        if (r == null || r.isDone()) {
            return;
        }
        RunLauncher.LaunchedRun l = launched;
        if (l != null && l.run() == r) {
            l.stop(); // kept as interrupted, with its checkpoints, to resume from the Runs tab
        } else {
            r.cancel();
        }
        try {
            r.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
