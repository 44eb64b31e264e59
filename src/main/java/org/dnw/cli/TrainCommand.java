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
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.Problem;
import org.dnw.store.RunStore;
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

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Hyperparameters hp = options.hyperparameters();
        if (weightsEvery < 0) {
            throw new IllegalArgumentException(
                    "--weights-every must be 0 (epoch ends only) or more, not " + weightsEvery);
        }
        options.checkTrainSubset();
        RunStore store = options.runsDir.store();
        ModelSpec network = options.spec();
        AugmentationSpec augmentation = options.augmentation();
        EngineKind engine = options.engineKind();
        LoadedDataset data = DataSets.load(options.dataset, options.labelColumn, out);
        if (options.trainSubset != null) {
            data = Subsets.firstTraining(data, options.trainSubset);
        }
        DataSplits splits = new DataSplitter(hp.validationShare(), hp.seed()).split(data);
        ModelSpec adapted =
                network.adaptTo(splits.train().inputShape(), splits.train().classCount());
        NetworkAnalysis analysis = adapted.analyse();
        if (!analysis.isValid()) {
            StringBuilder problems =
                    new StringBuilder("The network cannot work on " + data.name() + ":");
            for (Problem p : analysis.errors()) {
                problems.append("\n  ").append(p.message());
            }
            throw new CliFailure.Exit(ExitCodes.BAD_ARGUMENTS, problems.toString());
        }
        Tables.network(out, adapted);
        out.printf(
                Locale.ROOT,
                "Splits: %,d train, %,d validation, %,d test%n",
                splits.train().size(),
                splits.validation().size(),
                splits.test().size());
        String runName = name != null ? name : adapted.name() + "-" + DataSets.slug(data.name());
        TrainingRequest request =
                new TrainingRequest(
                        runName, adapted, splits, hp, null, weightsEvery, augmentation, engine);
        ConsoleProgress progress = new ConsoleProgress(out, System.console() != null, 5_000);
        try (TrainingService service = TrainingServices.withAllEngines()) {
            refuseIfImpossible(service, request, data.name());
            store.cleanStaleDrafts();
            RunLauncher.LaunchedRun launched =
                    new RunLauncher(store, service, Runnable::run)
                            .launch(request, event -> show(out, progress, event));
            Ended ended = awaitCancellingOnInterrupt(launched);
            return finish(out, ended.terminal(), ended.saved(), splits);
        }
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
                            + " Nothing was saved.");
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
