package org.dnw.train.scratch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.dnw.data.DataSplits;
import org.dnw.data.Samples;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Problem;
import org.dnw.train.Divergence;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ParameterValues;
import org.dnw.train.RunControl;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunCancelled;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunStarted;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.train.TrainingEvent.WeightsCaptured;
import org.dnw.train.TrainingLoop;
import org.dnw.train.TrainingRequest;

/**
 * The from-scratch engine's training loop: a {@link ScratchNetwork} trained with plain {@link Sgd}
 * on the calling thread (its products split over a fixed {@link Workers} pool), emitting the same
 * events as the DJL engine:
 *
 * <ol>
 *   <li>{@link RunStarted} (device "CPU (plain Java, N threads)", environment keys {@code java},
 *       {@code os}, {@code engine} = {@value #ENGINE_NAME});
 *   <li>per batch {@link BatchCompleted} (the batch's mean loss, the epoch's running accuracy,
 *       images/s and time since the epoch began), then {@link RunControl#checkpoint} (pause,
 *       resume, cancel); every {@link TrainingRequest#weightsEveryBatches()} batches of an epoch
 *       {@link WeightsCaptured} of the first dense layer, shape (units, inputs);
 *   <li>per epoch, after validation: {@link WeightsCaptured} and {@link EpochCompleted} (validation
 *       figures NaN when the validation split is empty);
 *   <li>one terminal event: {@link RunFinished} with the test evaluation and every parameter, or
 *       {@link RunFailed} with a sentence (problems of the request, a loss that became NaN or
 *       infinite, a file that could not be saved, an internal error), or {@link RunCancelled}.
 * </ol>
 *
 * <p>Images are flattened and scaled by 1/255 per batch; tables are used as they are. The training
 * order is shuffled every epoch from the seed. When {@link TrainingRequest#artifactsFolder()} is
 * set, the trained parameters are saved there as {@value ParamsArchive#FILE_NAME} ({@link
 * ParamsArchive}, an {@code .npz}) before {@code RunFinished}, whose {@code artifacts} is that
 * folder; {@link ScratchNetwork#load} reads it back.
 *
 * <p>{@link #run} never throws. One instance may run many requests, one after the other.
 */
public final class ScratchTrainingLoop implements TrainingLoop {

    /** The value of the {@code engine} key of {@link RunStarted#environment()}. */
    public static final String ENGINE_NAME = "From scratch (Java)";

    /** Samples per forward pass when evaluating. */
    private static final int EVALUATION_BATCH = 512;

    /** Mixed into the seed for the shuffling, so that it does not replay the weights' numbers. */
    private static final long SHUFFLE_SALT = 0x5DEECE66DL;

    private static final String DJL = "'" + EngineKind.DJL.label() + "'";

    private final int threads;

    /** A loop on every available processor. */
    public ScratchTrainingLoop() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads threads for the matrix products, ≥ 1
     */
    public ScratchTrainingLoop(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * What the from-scratch engine cannot do with this network and these settings, in sentences a
     * student understands (a layer's sentence starts with "layer N:"); empty when it can train
     * them. The spec's own errors ({@link ModelSpec#analyse()}) are included.
     *
     * @param hyperparameters may be null to check the network alone
     */
    public static List<String> problems(ModelSpec spec, Hyperparameters hyperparameters) {
        List<String> out = new ArrayList<>();
        if (spec == null) {
            out.add("there is no network to train");
            return out;
        }
        for (Problem p : spec.analyse().errors()) {
            out.add(p.message());
        }
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            String at = "layer " + (i + 1) + ": the from-scratch engine has no ";
            LayerSpec layer = layers.get(i);
            if (layer instanceof Conv2dSpec) {
                out.add(at + "convolutions — choose " + DJL + " or use dense layers only");
            } else if (layer instanceof Pool2dSpec) {
                out.add(at + "pooling — choose " + DJL + " or remove the pooling layer");
            } else if (layer instanceof DropoutSpec) {
                out.add(at + "dropout — remove the dropout layer or choose " + DJL);
            } else if (layer instanceof BatchNormSpec) {
                out.add(at + "batch normalisation — remove the BatchNorm layer or choose " + DJL);
            } else if (layer instanceof ActivationSpec a
                    && switch (a.function()) {
                        case RELU, SIGMOID, TANH -> false;
                        default -> true;
                    }) {
                out.add(
                        at
                                + a.function().label()
                                + " activation — use ReLU, sigmoid or tanh, or choose "
                                + DJL);
            }
        }
        if (hyperparameters != null) {
            out.addAll(hyperparameters.problems());
            if (hyperparameters.optimizer() != OptimizerKind.SGD) {
                out.add(
                        "the from-scratch engine trains with plain SGD only — choose SGD as the"
                                + " optimiser, or "
                                + DJL);
            }
            if (hyperparameters.loss() == null) {
                out.add("choose a loss: cross-entropy or squared error");
            }
            if (hyperparameters.schedule() == null) {
                out.add("choose a learning-rate schedule");
            }
        }
        return out;
    }

    /**
     * {@link #problems(ModelSpec, Hyperparameters)} plus what does not fit the data: the input
     * shape, the class count, an empty training split, augmentation (which this engine lacks).
     */
    @Override
    public List<String> problems(TrainingRequest request) {
        return requestProblems(request);
    }

    /**
     * What this engine cannot do with {@code request}, as sentences; empty when it can train it.
     */
    public static List<String> requestProblems(TrainingRequest request) {
        List<String> out = problems(request.spec(), request.hyperparameters());
        if (request.augmentation().isActive()) {
            out.add(
                    "the from-scratch engine does not augment images — turn augmentation off or"
                            + " choose "
                            + DJL);
        }
        DataSplits splits = request.splits();
        if (splits.train() == null || splits.validation() == null || splits.test() == null) {
            out.add("the data set has no train, validation or test split");
            return out;
        }
        if (splits.train().size() == 0) {
            out.add("the training split is empty — choose a data set with samples");
        }
        ModelSpec spec = request.spec();
        for (Samples s : List.of(splits.train(), splits.validation(), splits.test())) {
            if (spec.input() != null && !spec.input().equals(s.inputShape())) {
                out.add(
                        "the network expects inputs of "
                                + spec.input()
                                + " but the data set's samples are "
                                + s.inputShape()
                                + " — adapt the network to the data set");
                break;
            }
        }
        OutputSpec output = spec.output();
        int classes = splits.train().classCount();
        if (output != null) {
            if (output.activation() == OutputActivation.SIGMOID && classes != 2) {
                out.add(
                        "a single sigmoid output unit separates exactly 2 classes, but the data"
                                + " set has "
                                + classes
                                + " — use a softmax output");
            } else if (output.activation() == OutputActivation.SOFTMAX
                    && output.classes() != classes) {
                out.add(
                        "the output layer has "
                                + output.classes()
                                + " classes but the data set has "
                                + classes
                                + " — adapt the network to the data set");
            }
        }
        return out;
    }

    @Override
    public void run(TrainingRequest request, RunControl control, Consumer<TrainingEvent> events) {
        String name = request == null ? "run" : request.runName();
        Emitter emit = new Emitter(name, events);
        Position at = new Position();
        try (Workers workers = new Workers(threads)) {
            new Session(request, control == null ? new RunControl() : control, emit, at, workers)
                    .train();
        } catch (OutOfMemoryError e) {
            emit.terminal(
                    new RunFailed(
                            name,
                            "the computer ran out of memory while training",
                            "use a smaller batch size or a smaller network",
                            at.epoch,
                            at.batch));
        } catch (Throwable e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            emit.terminal(
                    new RunFailed(
                            name,
                            "the from-scratch engine stopped on an internal error (" + detail + ")",
                            "try again; if it happens again, report it with the run's settings",
                            at.epoch,
                            at.batch));
        }
        // every path above ends with a terminal event; this only keeps the contract if one did not
        emit.terminal(
                new RunFailed(
                        name, "the run ended without a result", "try again", at.epoch, at.batch));
    }

    /** Where the run is, for the failure report. */
    private static final class Position {
        int epoch;
        int batch;
        int epochsCompleted;
    }

    /** Delivers events; sends at most one terminal event and never throws for it. */
    private static final class Emitter {
        private final String runName;
        private final Consumer<TrainingEvent> listener;
        private boolean ended;

        Emitter(String runName, Consumer<TrainingEvent> listener) {
            this.runName = runName;
            this.listener = listener == null ? e -> {} : listener;
        }

        /** A non-terminal event; a listener's exception ends the run as a failure. */
        void event(TrainingEvent e) {
            listener.accept(e);
        }

        void terminal(TrainingEvent e) {
            if (ended) {
                return;
            }
            ended = true;
            try {
                listener.accept(e);
            } catch (RuntimeException ignored) {
                // the run is over either way; nothing sensible is left to tell this listener
            }
        }

        String runName() {
            return runName;
        }
    }

    /** One run's state. */
    private static final class Session {
        private final TrainingRequest request;
        private final RunControl control;
        private final Emitter emit;
        private final Position at;
        private final Workers workers;
        private final String name;

        Session(
                TrainingRequest request,
                RunControl control,
                Emitter emit,
                Position at,
                Workers workers) {
            this.request = request;
            this.control = control;
            this.emit = emit;
            this.at = at;
            this.workers = workers;
            this.name = emit.runName();
        }

        void train() {
            if (request == null) {
                emit.terminal(
                        new RunFailed(name, "there is no training request", "try again", 0, 0));
                return;
            }
            List<String> problems = requestProblems(request);
            if (!problems.isEmpty()) {
                emit.terminal(
                        new RunFailed(
                                name,
                                "the from-scratch engine cannot train this: "
                                        + String.join("; ", problems),
                                "change what is described, or choose " + DJL,
                                0,
                                0));
                return;
            }
            long startNanos = System.nanoTime();
            Instant startedAt = Instant.now();
            Hyperparameters hp = request.hyperparameters();
            DataSplits splits = request.splits();
            Samples train = splits.train();
            ScratchNetwork net =
                    ScratchNetwork.create(request.spec(), hp.loss(), hp.seed(), workers);
            int batchSize = hp.batchSize();
            int batches = (train.size() + batchSize - 1) / batchSize;
            emit.event(
                    new RunStarted(
                            name,
                            request.spec(),
                            hp,
                            splits.datasetName(),
                            net.parameterCount(),
                            "CPU (plain Java, "
                                    + workers.threads()
                                    + (workers.threads() == 1 ? " thread)" : " threads)"),
                            train.size(),
                            splits.validation().size(),
                            splits.test().size(),
                            batches,
                            environment(),
                            startedAt));
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Random shuffle = new Random(hp.seed() ^ SHUFFLE_SALT);
            int every = request.weightsEveryBatches();
            double firstLoss = Double.NaN;
            for (int epoch = 1; epoch <= hp.epochCount(); epoch++) {
                at.epoch = epoch;
                at.batch = 0;
                long epochStart = System.nanoTime();
                double learningRate = hp.learningRateAt(epoch - 1);
                shuffle(order, shuffle);
                double lossSum = 0;
                long correct = 0;
                int seen = 0;
                for (int b = 1; b <= batches; b++) {
                    at.batch = b;
                    int from = (b - 1) * batchSize;
                    int to = Math.min(train.size(), from + batchSize);
                    int n = to - from;
                    double[] x = Batches.inputs(train, order, from, to);
                    int[] labels = Batches.labels(train, order, from, to);
                    double loss = net.forwardLoss(x, labels, n);
                    if (Double.isNaN(firstLoss)) {
                        firstLoss = loss;
                    }
                    Optional<String> diverged =
                            Divergence.check(loss, firstLoss, hp.loss(), epoch, b);
                    if (diverged.isPresent()) {
                        emit.terminal(
                                new RunFailed(
                                        name,
                                        diverged.get(),
                                        Divergence.advice(learningRate),
                                        epoch,
                                        b));
                        return;
                    }
                    int[] predicted = net.lastPredictions();
                    for (int i = 0; i < n; i++) {
                        if (predicted[i] == labels[i]) {
                            correct++;
                        }
                    }
                    net.backward();
                    net.step(learningRate, hp.weightDecay());
                    lossSum += loss * n;
                    seen += n;
                    long elapsedNanos = System.nanoTime() - epochStart;
                    emit.event(
                            new BatchCompleted(
                                    name,
                                    epoch,
                                    b,
                                    batches,
                                    loss,
                                    (double) correct / seen,
                                    seen / Math.max(1e-9, elapsedNanos / 1e9),
                                    elapsedNanos / 1_000_000));
                    if (every > 0 && b % every == 0 && b < batches) {
                        emitWeights(net, epoch, b);
                    }
                    if (control.checkpoint(name, epoch, b, emit.listener)) {
                        cancelled();
                        return;
                    }
                }
                Figures validation = evaluate(net, splits.validation(), null);
                if (validation == null) {
                    cancelled();
                    return;
                }
                emitWeights(net, epoch, batches);
                emit.event(
                        new EpochCompleted(
                                name,
                                epoch,
                                hp.epochCount(),
                                lossSum / seen,
                                (double) correct / seen,
                                validation.loss,
                                validation.accuracy,
                                learningRate,
                                (System.nanoTime() - epochStart) / 1_000_000));
                at.epochsCompleted = epoch;
            }
            Samples test = splits.test();
            int classes = net.classCount();
            float[] probabilities = new float[test.size() * classes];
            Figures figures = evaluate(net, test, probabilities);
            if (figures == null) {
                cancelled();
                return;
            }
            int[] actual = test.labels().clone();
            TestEvaluation evaluation =
                    new TestEvaluation(
                            figures.accuracy,
                            figures.loss,
                            ClassificationReport.of(actual, figures.predicted, classes),
                            actual,
                            figures.predicted,
                            probabilities);
            List<ParameterValues> parameters = net.parameterValues();
            Path folder = request.artifactsFolder();
            if (folder != null) {
                try {
                    ParamsArchive.write(folder.resolve(ParamsArchive.FILE_NAME), parameters);
                } catch (IOException | RuntimeException e) {
                    emit.terminal(
                            new RunFailed(
                                    name,
                                    "the trained network could not be saved in "
                                            + folder
                                            + " ("
                                            + (e.getMessage() == null ? e : e.getMessage())
                                            + ")",
                                    "check that the folder is writable and the disk has space,"
                                            + " then train again",
                                    at.epoch,
                                    at.batch));
                    return;
                }
            }
            emit.terminal(
                    new RunFinished(
                            name,
                            evaluation,
                            hp.epochCount(),
                            (System.nanoTime() - startNanos) / 1_000_000,
                            folder,
                            parameters,
                            Instant.now()));
        }

        private void emitWeights(ScratchNetwork net, int epoch, int batch) {
            ParameterValues w = net.firstLayerWeights();
            emit.event(new WeightsCaptured(name, epoch, batch, w.shape(), w.values()));
        }

        private void cancelled() {
            emit.terminal(new RunCancelled(name, at.epochsCompleted, at.epoch, at.batch));
        }

        /**
         * Loss, accuracy and predictions over {@code samples}; NaN figures for an empty split; null
         * when cancel was requested meanwhile.
         *
         * @param probabilities filled with {@code size × classes} probabilities when not null
         */
        private Figures evaluate(ScratchNetwork net, Samples samples, float[] probabilities) {
            int size = samples.size();
            int[] predicted = new int[size];
            if (size == 0) {
                return new Figures(Double.NaN, Double.NaN, predicted);
            }
            double lossSum = 0;
            long correct = 0;
            for (int from = 0; from < size; from += EVALUATION_BATCH) {
                if (control.isCancelRequested()) {
                    return null;
                }
                int to = Math.min(size, from + EVALUATION_BATCH);
                int n = to - from;
                int[] labels = Batches.labels(samples, null, from, to);
                lossSum += net.forwardLoss(Batches.inputs(samples, null, from, to), labels, n) * n;
                int[] p = net.lastPredictions();
                for (int i = 0; i < n; i++) {
                    predicted[from + i] = p[i];
                    if (p[i] == labels[i]) {
                        correct++;
                    }
                }
                if (probabilities != null) {
                    double[] prob = net.lastProbabilities();
                    int offset = from * net.classCount();
                    for (int i = 0; i < prob.length; i++) {
                        probabilities[offset + i] = (float) prob[i];
                    }
                }
            }
            return new Figures(lossSum / size, (double) correct / size, predicted);
        }
    }

    private record Figures(double loss, double accuracy, int[] predicted) {}

    /** Fisher–Yates with the run's generator. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "java",
                System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + ")");
        env.put(
                "os",
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"));
        env.put("engine", ENGINE_NAME);
        return env;
    }
}
