package org.dnw.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataSplits;
import org.dnw.data.DataSplitter;
import org.dnw.data.LoadedDataset;
import org.dnw.engine.TrainingServices;
import org.dnw.runs.RunLauncher;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.ModelSpec;
import org.dnw.store.RunDraft;
import org.dnw.store.RunRecipe;
import org.dnw.store.RunStore;
import org.dnw.train.Checkpoints;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a network on a data set with a progress bar per epoch and saves the run.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Train a network (a preset or a spec file) and save the run under saved-models/.")
final class TrainCommand implements Callable<Integer> {

    @Mixin TrainingOptions options = new TrainingOptions();

    @Option(names = "--name", description = "the run's name (default: <network>-<data set>)")
    String name;

    @Option(
            names = "--weights-every",
            description =
                    "capture the first layer's weights every N batches (default: ${DEFAULT-VALUE})",
            defaultValue = "100")
    int weightsEvery;

    @Option(
            names = "--resume",
            paramLabel = "RUN",
            description =
                    "continue an interrupted run (its name as 'runs' lists it, or its folder) from its last checkpoint; the other options are taken from the run")
    String resume;

    @Option(
            names = "--resume-if-interrupted",
            description =
                    "resume the interrupted run of the same --name in the runs folder when there is one with a checkpoint, else start afresh (for batch jobs that may be requeued)")
    boolean resumeIfInterrupted;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Set once the stop sentence was printed, by the shutdown hook or the main thread. */
    private final java.util.concurrent.atomic.AtomicBoolean announced =
            new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (resume != null) {
            RunStore store = options.runsDir.store();
            return resumeRun(out, store, Runs.resolveInterrupted(resume, store));
        }
        Hyperparameters hp = options.hyperparameters();
        if (weightsEvery < 0) {
            throw new IllegalArgumentException(
                    "--weights-every must be 0 (epoch ends only) or more, not " + weightsEvery);
        }
        options.checkTrainSubset();
        RunStore store = options.runsDir.store();
        if (resumeIfInterrupted && name != null) {
            // known before any data is read: a requeued task goes on at once
            Integer resumed = resumeIfInterrupted(out, store, name);
            if (resumed != null) {
                return resumed;
            }
        }
        ModelSpec network = options.spec();
        AugmentationSpec augmentation = options.augmentation();
        EngineKind engine = options.engineKind();
        LoadedDataset data = DataSets.load(options.dataset, options.labelColumn, out);
        if (options.trainSubset != null) {
            data = Subsets.trainingSubset(data, options.trainSubset);
        }
        DataSplits splits = new DataSplitter(hp.validationShare(), hp.seed()).split(data);
        ModelSpec adapted =
                network.adaptTo(splits.train().inputShape(), splits.train().classCount());
        CliFailure.requireWorkable(adapted, " on " + data.name());
        Tables.network(out, adapted);
        out.printf(
                Locale.ROOT,
                "Splits: %,d train, %,d validation, %,d test%n",
                splits.train().size(),
                splits.validation().size(),
                splits.test().size());
        String runName = name != null ? name : adapted.name() + "-" + DataSets.slug(data.name());
        if (resumeIfInterrupted && name == null) {
            Integer resumed = resumeIfInterrupted(out, store, runName);
            if (resumed != null) {
                return resumed;
            }
        }
        TrainingRequest request =
                new TrainingRequest(
                        runName, adapted, splits, hp, null, weightsEvery, augmentation, engine);
        String dataset = options.dataset;
        if (java.nio.file.Files.exists(java.nio.file.Path.of(dataset))) {
            // another process, in another folder, must find the same data
            dataset = java.nio.file.Path.of(dataset).toAbsolutePath().normalize().toString();
        }
        RunRecipe.DataReference reference =
                new RunRecipe.DataReference(dataset, options.labelColumn, options.trainSubset);
        ConsoleProgress progress = new ConsoleProgress(out, System.console() != null, 5_000);
        try (TrainingService service = TrainingServices.withAllEngines()) {
            refuseIfImpossible(service, request, data.name());
            store.cleanStaleDrafts();
            RunLauncher.LaunchedRun launched =
                    new RunLauncher(store, service, Runnable::run)
                            .launch(request, reference, event -> show(out, progress, event));
            Ended ended = awaitStoppingOnInterrupt(launched);
            return finish(out, ended.terminal(), ended.saved(), splits);
        }
    }

    /**
     * Resumes the newest interrupted run named {@code runName} when it has a checkpoint and a
     * recipe; null (start afresh) when there is none.
     */
    private Integer resumeIfInterrupted(PrintWriter out, RunStore store, String runName)
            throws Exception {
        java.util.Optional<java.nio.file.Path> interrupted = interruptedDraftNamed(store, runName);
        if (interrupted.isEmpty()) {
            return null;
        }
        if (Checkpoints.newest(interrupted.get().resolve(Checkpoints.FOLDER))
                        .checkpoint()
                        .isPresent()
                && RunRecipe.readFrom(interrupted.get()).isPresent()) {
            return resumeRun(out, store, interrupted.get());
        }
        out.println(
                "The interrupted run "
                        + listedName(interrupted.get())
                        + " has no usable checkpoint: starting afresh.");
        return null;
    }

    /**
     * Resumes the interrupted run in {@code draftFolder}: rebuilds its request from its {@link
     * RunRecipe} (the data read again, split the same way), takes the draft over and trains on from
     * its newest usable checkpoint.
     */
    private Integer resumeRun(PrintWriter out, RunStore store, java.nio.file.Path draftFolder)
            throws Exception {
        String shown = listedName(draftFolder);
        RunRecipe recipe =
                RunRecipe.readFrom(draftFolder)
                        .orElseThrow(
                                () ->
                                        new CliFailure.Exit(
                                                ExitCodes.NO_CHECKPOINT,
                                                shown
                                                        + " cannot be resumed: it has no "
                                                        + RunRecipe.FILE
                                                        + " (it was begun by an older version"
                                                        + " or by the window) — train it afresh"));
        Checkpoints.Found found = Checkpoints.newest(draftFolder.resolve(Checkpoints.FOLDER));
        for (String notice : found.notices()) {
            out.println("Note: " + notice + ".");
        }
        if (found.checkpoint().isEmpty()) {
            throw new CliFailure.Exit(
                    ExitCodes.NO_CHECKPOINT,
                    shown
                            + " has no usable checkpoint"
                            + (found.notices().isEmpty()
                                    ? " (it stopped before its first epoch ended)"
                                    : " (every checkpoint is damaged)")
                            + " — train it afresh");
        }
        Hyperparameters hp = recipe.hyperparameters();
        RunRecipe.DataReference ref = recipe.data();
        LoadedDataset data = DataSets.load(ref.dataset(), ref.labelColumn(), out);
        if (ref.trainSubset() != null) {
            data = Subsets.trainingSubset(data, ref.trainSubset());
        }
        DataSplits splits = new DataSplitter(hp.validationShare(), hp.seed()).split(data);
        TrainingRequest request =
                new TrainingRequest(
                        recipe.runName(),
                        recipe.spec(),
                        splits,
                        hp,
                        null,
                        recipe.weightsEveryBatches(),
                        recipe.augmentation(),
                        recipe.engine());
        RunDraft draft;
        try {
            draft = store.takeOver(draftFolder, recipe.runName());
        } catch (RunStore.DraftInUseException e) {
            throw new CliFailure.Exit(
                    e.takenByAnother() ? ExitCodes.RESUMED_ELSEWHERE : ExitCodes.RUN_STILL_TRAINING,
                    e.getMessage() + ": it cannot be resumed here");
        }
        out.printf(
                Locale.ROOT,
                "Resuming %s after epoch %d (as %s)%n",
                shown,
                found.checkpoint().get().epoch(),
                listedName(draft.folder()));
        ConsoleProgress progress = new ConsoleProgress(out, System.console() != null, 5_000);
        try (TrainingService service = TrainingServices.withAllEngines()) {
            RunLauncher.LaunchedRun launched =
                    new RunLauncher(store, service, Runnable::run)
                            .resume(draft, request, event -> show(out, progress, event));
            Ended ended = awaitStoppingOnInterrupt(launched);
            return finish(out, ended.terminal(), ended.saved(), splits);
        }
    }

    /** The newest interrupted draft of a run named {@code runName}, if any. */
    static java.util.Optional<java.nio.file.Path> interruptedDraftNamed(
            RunStore store, String runName) throws java.io.IOException {
        return store.list().stream()
                .filter(r -> r.status() == org.dnw.store.RunStatus.INTERRUPTED)
                .filter(r -> runName.equals(r.runName()))
                .map(org.dnw.store.RunSummary::folder)
                .findFirst();
    }

    /** A draft's name as 'runs' lists it and commands take it. */
    static String listedName(java.nio.file.Path draft) {
        String n = draft.getFileName().toString();
        return n.startsWith(".tmp-") ? n.substring(".tmp-".length()) : n;
    }

    /** The sentence after a stop: where the run is kept and how to resume it. */
    private String stoppedSentence(TrainingEvent terminal, RunSaveOutcome saved) {
        int epoch = terminal instanceof TrainingEvent.RunCancelled c ? c.epoch() : 0;
        java.nio.file.Path runsDir = options.runsDir.path();
        String dir =
                runsDir == null || runsDir.equals(java.nio.file.Path.of("saved-models"))
                        ? ""
                        : " --runs-dir " + runsDir;
        return "stopped at epoch "
                + epoch
                + "; resume with: workbench train --resume "
                + listedName(saved.folder())
                + dir;
    }

    /**
     * Waits for {@code launched} to end and be saved; Ctrl+C or SIGTERM (the JVM shutting down)
     * stops it at its next batch and keeps it as an interrupted run to resume (or, before its first
     * checkpoint, discards it), says so and ends the process with {@link
     * ExitCodes#STOPPED_RESUMABLE} (or {@link ExitCodes#CANCELLED}).
     */
    Ended awaitStoppingOnInterrupt(RunLauncher.LaunchedRun launched) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Thread stopOnInterrupt =
                new Thread(
                        () -> {
                            launched.stop();
                            RunSaveOutcome saved;
                            TrainingEvent terminal;
                            try {
                                saved = launched.saved().get(60, TimeUnit.SECONDS);
                                terminal = launched.run().terminal().get(10, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                return; // exiting anyway; the draft lists as interrupted
                            }
                            if (saved.kind() == RunSaveOutcome.Kind.INTERRUPTED) {
                                if (announced.compareAndSet(false, true)) {
                                    err.println(stoppedSentence(terminal, saved));
                                    err.flush();
                                }
                                spec.commandLine().getOut().flush();
                                Runtime.getRuntime().halt(ExitCodes.STOPPED_RESUMABLE);
                            }
                            if (announced.compareAndSet(false, true)) {
                                err.println(saved.message());
                                err.flush();
                            }
                            spec.commandLine().getOut().flush();
                            Runtime.getRuntime().halt(ExitCodes.CANCELLED);
                        },
                        "stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        TrainingEvent terminal = launched.run().await(Duration.ofDays(7));
        RunSaveOutcome saved = launched.saved().get(10, TimeUnit.MINUTES);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it says how the run ended and ends the process
            Thread.sleep(Long.MAX_VALUE);
        }
        if (saved.kind() == RunSaveOutcome.Kind.INTERRUPTED) {
            announced.set(true);
            throw new CliFailure.Exit(
                    ExitCodes.STOPPED_RESUMABLE, stoppedSentence(terminal, saved));
        }
        return new Ended(terminal, saved);
    }

    /** How a launched run ended: its terminal event and whether and where it was saved. */
    record Ended(TrainingEvent terminal, RunSaveOutcome saved) {}

    /**
     * Waits for {@code launched} to end and be saved; Ctrl-C (the JVM shutting down) cancels it
     * meanwhile and gives the save a few seconds.
     */
    static Ended awaitCancellingOnInterrupt(RunLauncher.LaunchedRun launched) throws Exception {
        Thread cancelOnInterrupt =
                new Thread(
                        () -> {
                            launched.run().cancel();
                            try {
                                launched.saved().get(10, TimeUnit.SECONDS);
                            } catch (Exception ignored) {
                                // exiting anyway; a draft left behind is removed next time
                            }
                        },
                        "cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        TrainingEvent terminal = launched.run().await(Duration.ofDays(7));
        RunSaveOutcome saved = launched.saved().get(10, TimeUnit.MINUTES);
        Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
        return new Ended(terminal, saved);
    }

    /**
     * Ends with exit 2 and every problem the training service sees (e.g. a step too large for the
     * memory available), before a run folder is made or an engine started.
     */
    static void refuseIfImpossible(
            TrainingService service, TrainingRequest request, String dataName) {
        List<String> problems = service.problems(request);
        if (!problems.isEmpty()) {
            throw new CliFailure.Exit(
                    ExitCodes.BAD_ARGUMENTS,
                    "Cannot train "
                            + request.spec().name()
                            + " on "
                            + dataName
                            + ":\n  "
                            + String.join("\n  ", problems));
        }
    }

    static int finish(
            PrintWriter out, TrainingEvent terminal, RunSaveOutcome saved, DataSplits splits) {
        if (terminal instanceof TrainingEvent.RunFinished f) {
            out.println();
            out.printf(
                    Locale.ROOT,
                    "Test accuracy %s, loss %.4f on %,d test samples (%d epochs, %s)%n",
                    Tables.pct(f.test().accuracy()),
                    f.test().loss(),
                    f.test().actual().length,
                    f.epochsCompleted(),
                    ConsoleProgress.duration(f.durationMillis()));
            if (f.earlyStop() != null) {
                out.println("Early stopping: " + f.earlyStop().sentence() + ".");
            }
            Tables.classMetrics(out, f.test().report(), splits.test().classNames());
            Tables.confusion(out, f.test().report().matrix(), splits.test().classNames());
            // saved all the same (it is what was asked for), but the summary must not read as a
            // success
            f.test()
                    .report()
                    .chanceLevelWarning(splits.test().classNames())
                    .ifPresent(w -> out.println("Warning: " + w));
            out.println(saved.message());
            return saved.isSaved() ? ExitCodes.OK : ExitCodes.ERROR;
        }
        if (terminal instanceof TrainingEvent.RunFailed f) {
            out.println();
            throw new CliFailure.Exit(
                    f.reason().contains("diverged") ? ExitCodes.DIVERGED : ExitCodes.ERROR,
                    "Training failed: "
                            + f.reason()
                            + (f.advice().isBlank() ? "." : ". Try: " + f.advice() + ".")
                            + (saved.kind() == RunSaveOutcome.Kind.INTERRUPTED
                                    ? " " + saved.message()
                                    : " Nothing was saved."));
        }
        out.println();
        throw new CliFailure.Exit(ExitCodes.CANCELLED, saved.message());
    }

    static void show(PrintWriter out, ConsoleProgress progress, TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted s) {
            out.printf(
                    Locale.ROOT,
                    "Training %s with %s on %s: %,d parameters, %s, %s%n",
                    s.runName(),
                    s.environment().getOrDefault("engine", "PyTorch (DJL)"),
                    s.device(),
                    s.parameterCount(),
                    s.hyperparameters().optimizer().label()
                            + " lr "
                            + Hyperparameters.formatRate(s.hyperparameters().learningRate())
                            + ", batch "
                            + s.hyperparameters().batchSize(),
                    s.hyperparameters().epochCount()
                            + " epochs"
                            + (s.hyperparameters().patience() > 0
                                    ? " (patience " + s.hyperparameters().patience() + ")"
                                    : ""));
            out.flush();
            progress.start(s.hyperparameters().epochCount());
        } else if (event instanceof TrainingEvent.BatchCompleted b) {
            progress.batch(
                    b.epoch(),
                    progress.epochCount(),
                    b.batch(),
                    b.batchesPerEpoch(),
                    b.loss(),
                    b.runningAccuracy(),
                    b.samplesPerSecond(),
                    b.elapsedMillis());
        } else if (event instanceof TrainingEvent.EpochCompleted e) {
            progress.epoch(
                    e.epoch(),
                    e.epochCount(),
                    e.trainLoss(),
                    e.trainAccuracy(),
                    e.validationLoss(),
                    e.validationAccuracy(),
                    e.durationMillis());
        }
    }
}
