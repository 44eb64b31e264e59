package org.dnw.train;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.dnw.data.Augmenter;
import org.dnw.data.Samples;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.ModelSpec;
import org.dnw.train.TrainingEngine.BatchResult;
import org.dnw.train.TrainingEngine.EvaluatedBatch;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * The one training loop, for every engine: epochs, batches, shuffling, augmentation,
 * pause/resume/cancel, divergence, weight captures, validation, test evaluation and the order of
 * the events. The engine ({@link TrainingEngine}) only builds the network, trains and evaluates a
 * batch, reads weights and saves them.
 *
 * <p>Events, in order:
 *
 * <ol>
 *   <li>{@link TrainingEvent.RunStarted} once the network is built;
 *   <li>per batch {@link TrainingEvent.BatchCompleted} (the batch's mean loss, the epoch's running
 *       accuracy, samples/s and milliseconds since the epoch began); every {@link
 *       TrainingRequest#weightsEveryBatches()} batches, except the epoch's last, {@link
 *       TrainingEvent.WeightsCaptured} of the first weight matrix (or of the layer {@link
 *       RunControl#watchLayer} names, read at each capture); then {@link RunControl#checkpoint}
 *       (pause, resume, cancel: a flag read between batches);
 *   <li>per epoch, after validation: {@link TrainingEvent.EpochCompleted}, then (when the engine
 *       measures its layers: {@link TrainingEngine#watchedStep}) {@link
 *       TrainingEvent.LayersMeasured} from the step watched at the epoch's last batch and one
 *       inference pass over the first {@link LayerStatistics#MAX_IMAGES} validation images, then
 *       {@link TrainingEvent.WeightsCaptured} at the epoch's last batch, then (with {@link
 *       TrainingRequest#checkpointsFolder()}) the epoch's checkpoint ({@link Checkpoints}: the
 *       engine's state, the shuffling and augmentation generators and the training order, the
 *       early-stopping state and the epoch figures so far), then {@link RunControl#checkpoint}.
 *       (The two engines' loops used to differ here; the DJL order, epoch first, is the one kept.)
 *   <li>with {@link Hyperparameters#patience()} above 0 (early stopping): after an epoch's weights
 *       are captured (before its checkpoint, which holds the decision and the copy), the engine's
 *       parameters are copied ({@link TrainingEngine#snapshotParameters}) when its validation loss
 *       is the lowest so far; when {@code patience} epochs in a row brought no lower one, training
 *       ends there. The best epoch's copy is then put back, so the test evaluation, the saved
 *       parameters and {@link TrainingEvent.RunFinished#parameters()} are that epoch's; {@link
 *       TrainingEvent.RunFinished#earlyStop()} says which epoch and why.
 *   <li>exactly one terminal event, after the engine has been closed: {@link
 *       TrainingEvent.RunFinished} with the test evaluation and every parameter, {@link
 *       TrainingEvent.RunFailed} with a sentence (the engine refused the request, the loss diverged
 *       by {@link Divergence}'s rule, the engine stopped), or {@link TrainingEvent.RunCancelled}.
 * </ol>
 *
 * <p>With {@link TrainingRequest#resume()}, the newest usable checkpoint is loaded into the freshly
 * built engine right after {@link TrainingEngine#build}; {@link TrainingEvent.RunStarted} is
 * followed by {@link TrainingEvent.CheckpointRestored}, and training goes on at the next epoch with
 * exactly the numbers an uninterrupted run has ({@link TrainingEngine#beginEpoch} reseeds what the
 * engine draws per epoch). Without a usable checkpoint the run fails with a sentence.
 *
 * <p>The training order is shuffled every epoch (Fisher–Yates) by a generator seeded with {@link
 * TrainingEngine#shuffleSeed}; augmentation draws from its own generator, seeded from the run's
 * seed, so that switching it on leaves the shuffling as it was. A listener that throws is skipped
 * (reported once on standard error) and the run goes on. {@link #run} never throws for a failure an
 * engine describes. One instance may run many requests, one after the other.
 */
public final class EngineTrainingLoop implements TrainingLoop {

    /** Least time between two {@link TrainingEvent.ActivationsCaptured} of the same probe. */
    private static final long PROBE_INTERVAL_NANOS = 1_000_000_000L;

    /** Samples per forward pass when evaluating. */
    private static final int EVALUATION_BATCH = 512;

    private final Supplier<? extends TrainingEngine> engines;
    private final Function<TrainingRequest, List<String>> problems;

    /**
     * @param engines a fresh engine for each run
     * @param problems what the engine cannot do with a request, in sentences (see {@link
     *     TrainingLoop#problems})
     */
    public EngineTrainingLoop(
            Supplier<? extends TrainingEngine> engines,
            Function<TrainingRequest, List<String>> problems) {
        this.engines = engines;
        this.problems = problems;
    }

    @Override
    public List<String> problems(TrainingRequest request) {
        return problems.apply(request);
    }

    @Override
    public void run(TrainingRequest request, RunControl control, Consumer<TrainingEvent> sink) {
        Consumer<TrainingEvent> events = SafeListener.wrap(sink == null ? e -> {} : sink);
        if (request == null) {
            events.accept(
                    new TrainingEvent.RunFailed(
                            "run", "there is no training request", "try again", 0, 0));
            return;
        }
        Position at = new Position();
        TrainingEvent terminal;
        try (TrainingEngine engine = engines.get()) {
            try {
                terminal =
                        new Session(
                                        request,
                                        control == null ? new RunControl() : control,
                                        events,
                                        engine,
                                        at)
                                .train();
            } catch (Diverged d) {
                terminal =
                        new TrainingEvent.RunFailed(
                                request.runName(), d.getMessage(), d.advice, d.epoch, d.batch);
            } catch (TrainingEngine.Refused r) {
                terminal =
                        new TrainingEvent.RunFailed(
                                request.runName(), r.getMessage(), r.advice(), at.epoch, at.batch);
            } catch (Throwable e) {
                TrainingEngine.Failure f = engine.failure(e, at.epoch, at.batch);
                if (f == null) {
                    if (e instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e);
                }
                terminal =
                        new TrainingEvent.RunFailed(
                                request.runName(), f.reason(), f.advice(), at.epoch, at.batch);
            }
        }
        events.accept(terminal);
    }

    /** Where the run is, for the failure report. */
    private static final class Position {
        int epoch;
        int batch;
    }

    /** One run's state. */
    private static final class Session {
        private final TrainingRequest request;
        private final RunControl control;
        private final Consumer<TrainingEvent> events;
        private final TrainingEngine engine;
        private final Position at;
        private final String name;
        private final long sampleSize;
        private boolean probing = true;
        private float[] lastProbe;
        private long lastProbeNanos;

        Session(
                TrainingRequest request,
                RunControl control,
                Consumer<TrainingEvent> events,
                TrainingEngine engine,
                Position at) {
            this.request = request;
            this.control = control;
            this.events = events;
            this.engine = engine;
            this.at = at;
            this.name = request.runName();
            this.sampleSize = request.spec().input().size();
        }

        TrainingEvent train() throws IOException {
            ModelSpec spec = request.spec();
            Hyperparameters hp = request.hyperparameters();
            engine.check(request);
            Samples train = request.splits().train();
            Samples validation = request.splits().validation();
            Samples test = request.splits().test();
            int batchSize = Math.min(hp.batchSize(), Math.max(1, train.size()));
            int batchesPerEpoch = (train.size() + batchSize - 1) / batchSize;

            engine.build(spec, hp, batchSize);
            Random random = new Random(engine.shuffleSeed(hp.seed()));
            // its own stream, so that switching augmentation on leaves the shuffling as it was
            Random augmentRandom = new Random(hp.seed() * 31 + 17);
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Checkpoints.Found found = null;
            LoopState restored = null;
            if (request.resume()) {
                found = Checkpoints.newest(request.checkpointsFolder());
                if (found.checkpoint().isEmpty()) {
                    List<String> why = new ArrayList<>(found.notices());
                    return new TrainingEvent.RunFailed(
                            name,
                            "there is no usable checkpoint to resume from in "
                                    + request.checkpointsFolder()
                                    + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")"),
                            "start the run afresh",
                            0,
                            0);
                }
                Path folder = found.checkpoint().get().folder();
                engine.loadState(folder);
                restored = EngineStateFiles.readJson(folder.resolve(LOOP_STATE), LoopState.class);
                Randoms r = Randoms.read(folder.resolve(RANDOMS));
                if (r.order().length != order.length) {
                    throw new IOException(
                            "the checkpoint was written for "
                                    + r.order().length
                                    + " training samples, not "
                                    + order.length);
                }
                random = r.shuffle();
                augmentRandom = r.augment();
                order = r.order();
            }
            // a resumed run keeps the time it first started, as its draft's name does
            Instant startedAt = restored == null ? Instant.now() : instant(restored.startedAt());
            ObjIntConsumer<float[]> augment = null;
            if (request.augmentation().isActive() && spec.input().isImage()) {
                Augmenter augmenter =
                        new Augmenter(
                                request.augmentation(),
                                spec.input().channels(),
                                spec.input().height(),
                                spec.input().width());
                Random augmentDraws = augmentRandom;
                augment = (buffer, count) -> augmenter.apply(buffer, count, augmentDraws);
            }
            events.accept(
                    new TrainingEvent.RunStarted(
                            name,
                            spec,
                            hp,
                            request.splits().datasetName(),
                            engine.parameterCount(),
                            engine.device(),
                            train.size(),
                            validation.size(),
                            test.size(),
                            batchesPerEpoch,
                            engine.environment(),
                            startedAt));

            long runStart = System.nanoTime();
            // a resumed run's duration counts the time its earlier processes trained too
            long earlierMillis = restored == null ? 0 : restored.trainedMillis();
            int every = request.weightsEveryBatches();
            int epochsDone = 0;
            int patience = hp.patience();
            int bestEpoch = 0;
            double bestLoss = Double.NaN;
            TrainingEngine.ParameterSnapshot best = null;
            boolean stoppedEarly = false;
            boolean first = true;
            double firstLoss = 0;
            List<TrainingEvent.EpochCompleted> history = new ArrayList<>();
            int firstEpoch = 1;
            if (restored != null) {
                epochsDone = restored.epoch();
                bestEpoch = restored.bestEpoch();
                bestLoss = restored.bestLoss();
                first = false;
                firstLoss = restored.firstLoss();
                stoppedEarly = restored.stopped();
                history.addAll(restored.epochs());
                Path bestFile = found.checkpoint().get().folder().resolve(BEST);
                if (Files.isRegularFile(bestFile)) {
                    best = engine.loadSnapshot(bestFile);
                }
                firstEpoch = stoppedEarly ? hp.epochCount() + 1 : restored.epoch() + 1;
                events.accept(
                        new TrainingEvent.CheckpointRestored(
                                name, restored.epoch(), history, found.notices()));
            }
            for (int epoch = firstEpoch; epoch <= hp.epochCount(); epoch++) {
                at.epoch = epoch;
                at.batch = 0;
                engine.beginEpoch(hp.seed(), epoch);
                double lr = hp.learningRateAt(epoch - 1, 1, batchesPerEpoch);
                shuffle(order, random);
                long epochStart = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                int seen = 0;
                for (int b = 1; b <= batchesPerEpoch; b++) {
                    at.batch = b;
                    int from = (b - 1) * batchSize;
                    int count = Math.min(batchSize, train.size() - from);
                    if (b == batchesPerEpoch) {
                        engine.watchNextStep();
                    }
                    lr = hp.learningRateAt(epoch - 1, b, batchesPerEpoch);
                    BatchResult result = engine.trainBatch(train, order, from, count, augment, lr);
                    double loss = result.meanLoss();
                    if (first) {
                        first = false;
                        firstLoss = loss;
                    }
                    Optional<String> diverged =
                            Divergence.check(loss, firstLoss, hp.loss(), epoch, b);
                    if (diverged.isPresent()) {
                        throw new Diverged(diverged.get(), epoch, b, lr);
                    }
                    lossSum += loss * count;
                    correct += result.correct();
                    seen += count;
                    long elapsedNanos = System.nanoTime() - epochStart;
                    events.accept(
                            new TrainingEvent.BatchCompleted(
                                    name,
                                    epoch,
                                    b,
                                    batchesPerEpoch,
                                    loss,
                                    (double) correct / seen,
                                    seen / Math.max(1e-9, elapsedNanos / 1e9),
                                    elapsedNanos / 1_000_000));
                    if (every > 0 && b % every == 0 && b != batchesPerEpoch) {
                        captureWeights(epoch, b);
                    }
                    captureActivations(epoch, b);
                    if (control.checkpoint(name, epoch, b, events)) {
                        return new TrainingEvent.RunCancelled(name, epochsDone, epoch, b);
                    }
                }
                Figures val = evaluate(validation, false);
                if (val == null) {
                    return new TrainingEvent.RunCancelled(name, epochsDone, epoch, batchesPerEpoch);
                }
                epochsDone = epoch;
                TrainingEvent.EpochCompleted completed =
                        new TrainingEvent.EpochCompleted(
                                name,
                                epoch,
                                hp.epochCount(),
                                lossSum / seen,
                                (double) correct / seen,
                                val.loss,
                                val.accuracy,
                                lr,
                                (System.nanoTime() - epochStart) / 1_000_000);
                history.add(completed);
                events.accept(completed);
                measureLayers(epoch, validation);
                captureWeights(epoch, batchesPerEpoch);
                boolean stopNow = false;
                if (patience > 0 && !Double.isNaN(val.loss)) {
                    // strictly lower: a tie keeps the earlier epoch
                    if (best == null || val.loss < bestLoss) {
                        bestLoss = val.loss;
                        bestEpoch = epoch;
                        best = engine.snapshotParameters();
                    } else if (epoch - bestEpoch >= patience && epoch < hp.epochCount()) {
                        stopNow = true;
                    }
                }
                if (request.checkpointsFolder() != null) {
                    LoopState state =
                            new LoopState(
                                    epoch,
                                    firstLoss,
                                    bestEpoch,
                                    bestLoss,
                                    stopNow,
                                    history,
                                    startedAt.toString(),
                                    earlierMillis + (System.nanoTime() - runStart) / 1_000_000);
                    Randoms randoms = new Randoms(random, augmentRandom, order);
                    TrainingEngine.ParameterSnapshot keep = best;
                    Checkpoints.write(
                            request.checkpointsFolder(),
                            epoch,
                            folder -> {
                                engine.saveState(folder);
                                if (keep != null) {
                                    engine.saveSnapshot(keep, folder.resolve(BEST));
                                }
                                randoms.write(folder.resolve(RANDOMS));
                                EngineStateFiles.writeJson(folder.resolve(LOOP_STATE), state);
                            });
                }
                if (control.checkpoint(name, epoch, batchesPerEpoch, events)) {
                    return new TrainingEvent.RunCancelled(name, epochsDone, epoch, batchesPerEpoch);
                }
                if (stopNow) {
                    stoppedEarly = true;
                    break;
                }
            }
            TrainingEvent.EarlyStop earlyStop = null;
            if (best != null) {
                if (bestEpoch != epochsDone) {
                    engine.restoreParameters(best);
                }
                earlyStop =
                        new TrainingEvent.EarlyStop(
                                patience, epochsDone, bestEpoch, bestLoss, stoppedEarly);
            }

            Figures figures = evaluate(test, true);
            if (figures == null) {
                return new TrainingEvent.RunCancelled(
                        name, epochsDone, epochsDone, batchesPerEpoch);
            }
            int[] actual = test.labels().clone();
            TestEvaluation evaluation =
                    new TestEvaluation(
                            figures.accuracy,
                            figures.loss,
                            ClassificationReport.of(actual, figures.predicted, engine.classCount()),
                            actual,
                            figures.predicted,
                            figures.probabilities);
            List<ParameterValues> parameters = engine.parameters();
            if (request.artifactsFolder() != null) {
                engine.save(request.artifactsFolder());
            }
            return new TrainingEvent.RunFinished(
                    name,
                    evaluation,
                    epochsDone,
                    earlierMillis + (System.nanoTime() - runStart) / 1_000_000,
                    request.artifactsFolder(),
                    parameters,
                    Instant.now(),
                    earlyStop);
        }

        /**
         * The probe's layer outputs when one is set and fits the input, at most once a second (and
         * at once for a new image); an engine that cannot show its layers is not asked again.
         */
        private void captureActivations(int epoch, int batch) {
            float[] probe = control.probe();
            if (probe == null || !probing || probe.length != sampleSize) {
                return;
            }
            long now = System.nanoTime();
            if (probe == lastProbe && now - lastProbeNanos < PROBE_INTERVAL_NANOS) {
                return;
            }
            lastProbe = probe;
            lastProbeNanos = now;
            try {
                events.accept(
                        new TrainingEvent.ActivationsCaptured(
                                name, epoch, batch, probe, engine.activations(probe)));
            } catch (UnsupportedOperationException e) {
                probing = false;
            }
        }

        private void captureWeights(int epoch, int batch) {
            int position = control.watchedLayer();
            ParameterValues w =
                    position > 0
                            ? engine.layerWeights(position, TrainingEvent.WeightsCaptured.MAX_ROWS)
                            : null;
            if (w == null) {
                position = 0;
                w = engine.firstWeights();
            }
            if (w != null) {
                events.accept(
                        new TrainingEvent.WeightsCaptured(
                                name, epoch, batch, w.shape(), w.values(), position));
            }
        }

        /**
         * {@link TrainingEvent.LayersMeasured} for the epoch just validated, when the engine
         * measures its layers: the step watched at the epoch's last batch, the weights now, and the
         * ReLU units that fired on the first {@link LayerStatistics#MAX_IMAGES} validation images
         * (one extra forward pass over them, in inference mode).
         */
        private void measureLayers(int epoch, Samples validation) {
            TrainingEngine.WatchedStep step = engine.watchedStep();
            if (step == null) {
                return;
            }
            List<org.dnw.spec.LayerSpec> layers = request.spec().layers();
            java.util.Map<Integer, float[]> after = new java.util.HashMap<>();
            for (int i = 0; i < layers.size(); i++) {
                if (LayerStatistics.isWeighted(layers.get(i))) {
                    ParameterValues w = engine.layerWeights(i + 1);
                    if (w != null) {
                        after.put(i + 1, w.values());
                    }
                }
            }
            int images = Math.min(LayerStatistics.MAX_IMAGES, validation.size());
            java.util.Map<Integer, boolean[]> firing =
                    images > 0 ? engine.reluFiring(validation, images) : java.util.Map.of();
            events.accept(
                    new TrainingEvent.LayersMeasured(
                            name,
                            epoch,
                            LayerStatistics.measure(layers, epoch, step, after, firing, images)));
        }

        /**
         * Mean loss and accuracy over {@code samples} without training, in batches of {@value
         * #EVALUATION_BATCH}; NaN figures for an empty split; null when cancel was requested
         * meanwhile.
         *
         * @param details also collect the predictions and probabilities
         */
        private Figures evaluate(Samples samples, boolean details) {
            int n = samples.size();
            int classes = details ? engine.classCount() : 0;
            int[] predicted = new int[details ? n : 0];
            float[] probabilities = new float[details ? n * classes : 0];
            if (n == 0) {
                return new Figures(Double.NaN, Double.NaN, predicted, probabilities);
            }
            double lossSum = 0;
            long correct = 0;
            for (int from = 0; from < n; from += EVALUATION_BATCH) {
                if (control.isCancelRequested()) {
                    return null;
                }
                int count = Math.min(EVALUATION_BATCH, n - from);
                EvaluatedBatch e = engine.evaluateBatch(samples, from, count, details);
                lossSum += e.meanLoss() * count;
                correct += e.correct();
                if (details) {
                    System.arraycopy(e.predicted(), 0, predicted, from, count);
                    System.arraycopy(
                            e.probabilities(),
                            0,
                            probabilities,
                            from * classes,
                            e.probabilities().length);
                }
            }
            return new Figures(lossSum / n, (double) correct / n, predicted, probabilities);
        }
    }

    private record Figures(double loss, double accuracy, int[] predicted, float[] probabilities) {}

    /** The loop's numbers in a checkpoint ({@value #LOOP_STATE}). */
    record LoopState(
            int epoch,
            double firstLoss,
            int bestEpoch,
            double bestLoss,
            boolean stopped,
            List<TrainingEvent.EpochCompleted> epochs,
            String startedAt,
            long trainedMillis) {}

    /** An ISO-8601 instant of a checkpoint; now when it is missing or unreadable. */
    private static Instant instant(String text) {
        try {
            return text == null ? Instant.now() : Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    /**
     * The shuffling and augmentation generators and the training order as they are at an epoch's
     * end, serialised exactly ({@link Random} is {@link java.io.Serializable}) into {@value
     * #RANDOMS}.
     */
    record Randoms(Random shuffle, Random augment, int[] order) {

        void write(Path file) throws IOException {
            try (ObjectOutputStream out =
                    new ObjectOutputStream(
                            new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeObject(shuffle);
                out.writeObject(augment);
                out.writeObject(order);
            }
        }

        static Randoms read(Path file) throws IOException {
            try (ObjectInputStream in =
                    new ObjectInputStream(
                            new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                in.setObjectInputFilter(
                        java.io.ObjectInputFilter.Config.createFilter(
                                "java.util.Random;java.lang.Number;[I;!*"));
                return new Randoms(
                        (Random) in.readObject(),
                        (Random) in.readObject(),
                        (int[]) in.readObject());
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new IOException(file.getFileName() + " cannot be read (" + e + ")", e);
            }
        }
    }

    /** The loop's numbers in a checkpoint. */
    static final String LOOP_STATE = "loop-state.json";

    /** The generators and the training order in a checkpoint. */
    static final String RANDOMS = "randoms.bin";

    /** The best epoch's parameters in a checkpoint, with early stopping. */
    static final String BEST = "best-epoch.npz";

    /** Fisher–Yates with the run's generator. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** A diverged loss: the run ends with a failure that says what to try. */
    private static final class Diverged extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int epoch;
        final int batch;
        final String advice;

        Diverged(String reason, int epoch, int batch, double learningRate) {
            super(reason);
            this.epoch = epoch;
            this.batch = batch;
            this.advice = Divergence.advice(learningRate);
        }
    }
}
