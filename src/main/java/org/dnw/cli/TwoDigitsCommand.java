package org.dnw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.engine.TrainingServices;
import org.dnw.figures.CurvePicture;
import org.dnw.figures.TwoDigitPicture;
import org.dnw.runs.RunLauncher;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.store.EpochMetrics;
import org.dnw.store.RunStore;
import org.dnw.train.EngineKind;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingService;
import org.dnw.train.TwoDigitSettings;
import org.dnw.train.TwoDigitTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twodigits A B}: the course's two-digit task — a sigmoid network tells two digits apart;
 * prints the epochs and the test accuracy, saves the run and writes the classification picture and
 * the learning curves as PNGs.
 */
@Command(
        name = "twodigits",
        mixinStandardHelpOptions = true,
        description = {
            "Tell two MNIST digits apart with the course's network: 784 inputs, a sigmoid hidden"
                    + " layer, one sigmoid output unit, squared error.",
            "Saves the run and writes "
                    + TwoDigitsCommand.PICTURE
                    + " (the test images placed by the network's output) and "
                    + TwoDigitsCommand.CURVES
                    + "."
        })
final class TwoDigitsCommand implements Callable<Integer> {

    static final String PICTURE = "two-digits.png";
    static final String CURVES = "curves.png";

    @Parameters(index = "0", paramLabel = "A", description = "the first digit, 0–9 (output 0)")
    int digitA;

    @Parameters(index = "1", paramLabel = "B", description = "the second digit, 0–9 (output 1)")
    int digitB;

    @Option(
            names = "--engine",
            description = "scratch (plain Java, SGD) or djl (PyTorch, Adam) (default: scratch)")
    String engine;

    @Option(
            names = "--units",
            description = "sigmoid units in the hidden layer (default: ${DEFAULT-VALUE})",
            defaultValue = "" + TwoDigitTask.DEFAULT_HIDDEN_UNITS)
    int units;

    @Option(names = "--lr", description = "learning rate (default: 3.0 scratch, 0.01 djl)")
    Double learningRate;

    @Option(
            names = {"-e", "--epochs"},
            description = "passes over the training images (default: 10)")
    Integer epochs;

    @Option(
            names = {"-b", "--batch-size"},
            description = "images per step (default: 10 scratch, 32 djl)")
    Integer batchSize;

    @Option(
            names = {"-d", "--dataset"},
            description = "mnist or mnist-sample (default: ${DEFAULT-VALUE})",
            defaultValue = "mnist-sample")
    String dataset;

    @Option(names = "--seed", description = "seed of every random choice (default: 42)")
    Long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "where the two PNGs go (default: the saved run's folder)")
    Path outDir;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TwoDigitSettings settings = settings();
        RunStore store = runsDir.store();
        if (outDir != null) {
            CliPaths.requireFolderOrCreatable("--out", outDir, "a folder for the two pictures");
        }
        LoadedDataset data = DataSets.load(dataset, out);
        TrainingRequest request = TwoDigitTask.request(data, settings);
        out.printf(
                Locale.ROOT,
                "Two digits: %d vs %d on %s — %,d train, %,d validation, %,d test images%n",
                settings.digitA(),
                settings.digitB(),
                data.name(),
                request.splits().train().size(),
                request.splits().validation().size(),
                request.splits().test().size());
        Tables.network(out, request.spec());
        store.cleanStaleDrafts();
        ConsoleProgress progress = new ConsoleProgress(out, System.console() != null, 5_000);
        List<EpochMetrics> epochs = new ArrayList<>();
        try (TrainingService service = TrainingServices.withAllEngines()) {
            RunLauncher.LaunchedRun launched =
                    new RunLauncher(store, service, Runnable::run)
                            .launch(
                                    request,
                                    event -> {
                                        if (event instanceof TrainingEvent.EpochCompleted e) {
                                            epochs.add(EpochMetrics.from(e));
                                        }
                                        TrainCommand.show(out, progress, event);
                                    });
            TrainCommand.Ended ended = TrainCommand.awaitCancellingOnInterrupt(launched);
            TrainingEvent terminal = ended.terminal();
            RunSaveOutcome saved = ended.saved();
            int code = TrainCommand.finish(out, terminal, saved, request.splits());
            Path folder = outDir != null ? outDir : saved.isSaved() ? saved.folder() : null;
            if (folder != null && terminal instanceof TrainingEvent.RunFinished f) {
                writePictures(out, folder, settings, request, f, epochs);
            }
            return code;
        }
    }

    private TwoDigitSettings settings() {
        EngineKind kind = engineKind();
        TwoDigitSettings s = TwoDigitSettings.defaults(kind).withDigits(digitA, digitB);
        s = s.withHiddenUnits(units);
        if (learningRate != null) {
            s = s.withLearningRate(learningRate);
        }
        if (epochs != null) {
            s = s.withEpochCount(epochs);
        }
        if (batchSize != null) {
            s = s.withBatchSize(batchSize);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (!s.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", s.problems()));
        }
        return s;
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

    static void writePictures(
            PrintWriter out,
            Path folder,
            TwoDigitSettings settings,
            TrainingRequest request,
            TrainingEvent.RunFinished finished,
            List<EpochMetrics> epochs)
            throws IOException {
        Files.createDirectories(folder);
        ImageSamples test = (ImageSamples) request.splits().test();
        Path picture = folder.resolve(PICTURE);
        Path curves = folder.resolve(CURVES);
        TwoDigitPicture.write(picture, test, TwoDigitTask.outputs(finished.test()));
        CurvePicture.write(curves, epochs, TwoDigitTask.describe(settings));
        out.println("Pictures: " + picture + " and " + curves);
    }
}
