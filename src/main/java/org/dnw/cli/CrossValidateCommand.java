package org.dnw.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.data.LoadedDataset;
import org.dnw.data.Samples;
import org.dnw.data.TableSamples;
import org.dnw.engine.TrainingServices;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.train.CrossValidation;
import org.dnw.train.CrossValidationRequest;
import org.dnw.train.CrossValidationResult;
import org.dnw.train.EngineKind;
import org.dnw.train.FoldProgress;
import org.dnw.train.FoldResult;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.RunControl;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossval}: k-fold cross-validation of a small dense network on a table (the wheat seeds by
 * default); prints each fold's test accuracy and the mean ± sample standard deviation.
 */
@Command(
        name = "crossval",
        mixinStandardHelpOptions = true,
        description = {
            "k-fold cross-validation of a dense network (one hidden layer, softmax output) on a"
                    + " table: every row is tested once, by the network trained on the other"
                    + " folds.",
            "The features are standardised with the mean and std of each fold's training rows"
                    + " only; plain SGD, the rate decays per epoch as lr / (1 + decay·epoch)."
        })
final class CrossValidateCommand implements Callable<Integer> {

    @Option(
            names = {"-d", "--dataset"},
            description = "wheat-seeds or the path of a table (CSV) (default: ${DEFAULT-VALUE})",
            defaultValue = "wheat-seeds")
    String dataset;

    @Option(
            names = "--label-column",
            paramLabel = "NAME|NUMBER",
            description = DataSets.LABEL_COLUMN_HELP)
    String labelColumn;

    @Option(
            names = {"-k", "--folds"},
            description = "number of folds, 2–10 (default: ${DEFAULT-VALUE})",
            defaultValue = "5")
    int folds;

    @Option(
            names = "--engine",
            description = "scratch (plain Java) or djl (PyTorch) (default: scratch)")
    String engine;

    @Option(
            names = "--units",
            description = "units in the hidden layer (default: ${DEFAULT-VALUE})",
            defaultValue = "10")
    int units;

    @Option(
            names = "--activation",
            description = "sigmoid or relu, after the hidden layer (default: ${DEFAULT-VALUE})",
            defaultValue = "sigmoid")
    String activation;

    @Option(
            names = "--lr",
            description = "learning rate of plain SGD (default: ${DEFAULT-VALUE})",
            defaultValue = "0.1")
    double learningRate;

    @Option(
            names = "--decay",
            description = "per-epoch decay: lr / (1 + decay·epoch) (default: ${DEFAULT-VALUE})",
            defaultValue = "0.01")
    double decay;

    @Option(
            names = {"-e", "--epochs"},
            description = "passes over each fold's training rows (default: ${DEFAULT-VALUE})",
            defaultValue = "100")
    int epochs;

    @Option(
            names = {"-b", "--batch-size"},
            description = "rows per step (default: ${DEFAULT-VALUE})",
            defaultValue = "" + CrossValidateCommand.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Option(
            names = "--seed",
            description = "seed of the folds, weights and shuffling (default: ${DEFAULT-VALUE})",
            defaultValue = "42")
    long seed;

    /** One row per step (online SGD), as in the seeds course. */
    static final int DEFAULT_BATCH_SIZE = 1;

    /** Most folds offered: more leave too few test rows per fold for a table this size. */
    static final int MAX_FOLDS = 10;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (folds < 2 || folds > MAX_FOLDS) {
            throw new IllegalArgumentException(
                    "--folds must be from 2 to " + MAX_FOLDS + ", not " + folds);
        }
        if (units < 1) {
            throw new IllegalArgumentException("--units must be at least 1, not " + units);
        }
        ActivationType hidden = activation();
        EngineKind kind = engineKind();
        Hyperparameters hp = hyperparameters(learningRate, decay, epochs, batchSize, seed);
        if (!hp.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", hp.problems()));
        }
        LoadedDataset data = DataSets.load(dataset, labelColumn, out);
        Samples all = data.all();
        if (!(all instanceof TableSamples table)) {
            throw new IllegalArgumentException(
                    data.name()
                            + " holds images; crossval trains a dense network on a table's"
                            + " features — use wheat-seeds or a CSV table");
        }
        ModelSpec network = network(table, units, hidden);
        CrossValidationRequest request =
                new CrossValidationRequest(
                        "crossval-" + DataSets.slug(data.name()),
                        network,
                        table,
                        data.name(),
                        data.fileSha256(),
                        hp,
                        folds,
                        true,
                        true,
                        kind);
        out.printf(
                Locale.ROOT,
                "%d-fold cross-validation on %s: %,d rows, %d features, %d classes; %s"
                        + " (%d → %d %s → %d), SGD lr %s decay %s, %d epochs, batch %d — %s%n",
                folds,
                data.name(),
                table.size(),
                table.featureCount(),
                table.classCount(),
                "dense network",
                table.featureCount(),
                units,
                hidden.label(),
                table.classCount(),
                Hyperparameters.formatRate(learningRate),
                Hyperparameters.formatRate(decay),
                epochs,
                batchSize,
                kind.label());
        RunControl control = new RunControl();
        Thread cancelOnInterrupt = new Thread(control::requestCancel, "cancel-crossval");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        long started = System.nanoTime();
        CrossValidationResult result =
                new CrossValidation(loop(kind)).run(request, control, p -> show(out, p));
        long millis = (System.nanoTime() - started) / 1_000_000;
        Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
        return finish(out, result, millis);
    }

    /** Features → dense(units) → activation → softmax over the classes. */
    static ModelSpec network(TableSamples table, int units, ActivationType activation) {
        return new ModelSpec(
                "crossval-" + units,
                table.inputShape(),
                List.of(
                        DenseSpec.of(units),
                        ActivationSpec.of(activation),
                        OutputSpec.softmax(table.classCount())));
    }

    /** Plain SGD with per-epoch decay, cross-entropy, no validation share (every row trains). */
    static Hyperparameters hyperparameters(
            double learningRate, double decay, int epochs, int batchSize, long seed) {
        return Hyperparameters.defaults()
                .withOptimizer(OptimizerKind.SGD)
                .withLearningRate(learningRate)
                .withSchedule(ScheduleKind.DECAY)
                .withDecayRate(decay)
                .withEpochCount(epochs)
                .withBatchSize(batchSize)
                .withValidationShare(0)
                .withSeed(seed)
                .withLoss(LossKind.CROSS_ENTROPY);
    }

    private static TrainingLoop loop(EngineKind kind) {
        return TrainingServices.loop(kind);
    }

    private static void show(PrintWriter out, FoldProgress p) {
        TrainingEvent e = p.event();
        if (e instanceof TrainingEvent.RunStarted s && p.fold() == 1) {
            out.printf(
                    Locale.ROOT,
                    "Training on %s: %,d parameters%n",
                    s.device(),
                    s.parameterCount());
        } else if (e instanceof TrainingEvent.RunFinished f) {
            out.printf(
                    Locale.ROOT,
                    "fold %d/%d: test accuracy %s on %,d rows, loss %.4f (%s)%n",
                    p.fold(),
                    p.foldCount(),
                    Tables.pct(f.test().accuracy()),
                    f.test().actual().length,
                    f.test().loss(),
                    ConsoleProgress.duration(f.durationMillis()));
        } else if (e instanceof TrainingEvent.RunFailed f) {
            out.printf(
                    Locale.ROOT, "fold %d/%d: failed — %s%n", p.fold(), p.foldCount(), f.reason());
        } else {
            return;
        }
        out.flush();
    }

    static int finish(PrintWriter out, CrossValidationResult result, long millis) {
        out.println();
        for (FoldResult f : result.folds()) {
            out.printf(
                    Locale.ROOT,
                    "  fold %2d  %7s  (%,d train, %,d test rows)%n",
                    f.fold(),
                    Tables.pct(f.testAccuracy()),
                    f.trainSize(),
                    f.testSize());
        }
        if (!result.folds().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "Mean test accuracy %s ± %s (sample std over %d folds) in %s%n",
                    Tables.pct(result.meanAccuracy()),
                    Double.isNaN(result.accuracyStd()) ? "-" : Tables.pct(result.accuracyStd()),
                    result.folds().size(),
                    ConsoleProgress.duration(millis));
        }
        return switch (result.status()) {
            case COMPLETED -> ExitCodes.OK;
            case CANCELLED -> throw new CliFailure.Exit(ExitCodes.CANCELLED, result.message());
            case FAILED ->
                    throw new CliFailure.Exit(
                            result.message().contains("NaN")
                                            || result.message().contains("diverged")
                                    ? ExitCodes.DIVERGED
                                    : ExitCodes.ERROR,
                            "Cross-validation failed: " + result.message());
        };
    }

    private ActivationType activation() {
        return switch (activation.toLowerCase(Locale.ROOT)) {
            case "sigmoid" -> ActivationType.SIGMOID;
            case "relu" -> ActivationType.RELU;
            default ->
                    throw new IllegalArgumentException(
                            "--activation must be sigmoid or relu, not '" + activation + "'");
        };
    }

    private EngineKind engineKind() {
        if (engine == null) {
            return EngineKind.SCRATCH;
        }
        String e = engine.toLowerCase(Locale.ROOT);
        if (e.equals("djl") || e.equals("pytorch")) {
            return EngineKind.DJL;
        }
        if (e.equals("scratch") || e.equals("java")) {
            return EngineKind.SCRATCH;
        }
        throw new IllegalArgumentException("--engine must be scratch or djl, not '" + engine + "'");
    }
}
