package org.dnw.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.dnw.data.Augmenter;
import org.dnw.data.Samples;
import org.dnw.engine.BatchFiller;
import org.dnw.engine.BlockFactory;
import org.dnw.engine.EngineSetup;
import org.dnw.engine.LoadedNetwork;
import org.dnw.engine.Logits;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.ModelSpec;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * The PyTorch (DJL) training loop: its own epoch/batch loop (forward in a {@link
 * GradientCollector}, loss, backward, optimiser step), one device, data kept as uint8 and converted
 * per batch, every batch's arrays in a sub-manager closed at once. Reads the loss and the number of
 * correct predictions once per batch. Confined to the calling (training) thread.
 */
public final class DjlTrainingLoop implements TrainingLoop {

    private static final int EVAL_BATCH = 512;

    /** A loop whose training batches are augmented as each request says. */
    public DjlTrainingLoop() {}

    @Override
    public void run(TrainingRequest request, RunControl control, Consumer<TrainingEvent> sink) {
        Consumer<TrainingEvent> events = SafeListener.wrap(sink);
        int[] at = {0, 0};
        TrainingEvent terminal;
        try {
            terminal = train(request, control, events, at);
        } catch (Diverged d) {
            terminal =
                    new TrainingEvent.RunFailed(
                            request.runName(), d.getMessage(), d.advice, d.epoch, d.batch);
        } catch (EngineSetup.EngineUnavailableException e) {
            terminal =
                    new TrainingEvent.RunFailed(
                            request.runName(), e.getMessage(), "", at[0], at[1]);
        } catch (OutOfMemoryError e) {
            terminal =
                    new TrainingEvent.RunFailed(
                            request.runName(),
                            "the computer ran out of memory at epoch " + at[0] + ", batch " + at[1],
                            "use a smaller batch size, fewer features or units, or a smaller data"
                                    + " set",
                            at[0],
                            at[1]);
        } catch (EngineException e) {
            terminal =
                    new TrainingEvent.RunFailed(
                            request.runName(),
                            "PyTorch stopped the run at epoch "
                                    + at[0]
                                    + ", batch "
                                    + at[1]
                                    + " ("
                                    + firstLine(e.getMessage())
                                    + ")",
                            "if it ran out of memory, use a smaller batch size or network",
                            at[0],
                            at[1]);
        } catch (RuntimeException | IOException e) {
            terminal =
                    new TrainingEvent.RunFailed(
                            request.runName(),
                            "the run stopped at epoch "
                                    + at[0]
                                    + ", batch "
                                    + at[1]
                                    + " ("
                                    + (e.getMessage() == null
                                            ? e.getClass().getSimpleName()
                                            : firstLine(e.getMessage()))
                                    + ")",
                            "",
                            at[0],
                            at[1]);
        }
        events.accept(terminal);
    }

    private TrainingEvent train(
            TrainingRequest request, RunControl control, Consumer<TrainingEvent> events, int[] at)
            throws IOException {
        String name = request.runName();
        ModelSpec spec = request.spec();
        Hyperparameters hp = request.hyperparameters();
        Samples train = request.splits().train();
        Samples validation = request.splits().validation();
        Samples test = request.splits().test();

        Engine engine = EngineSetup.engine();
        // Grad mode is per thread and DJL switches it off only on the thread that started the
        // engine; evaluation passes here must not build autograd graphs.
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        engine.setRandomSeed((int) hp.seed());
        Device device = EngineSetup.device();
        Random random = new Random(hp.seed());
        boolean sigmoid = Logits.isSigmoid(spec);
        int classCount = spec.output().classes();
        int sampleSize = BatchFiller.sampleSize(train);
        int batchSize = Math.min(hp.batchSize(), Math.max(1, train.size()));
        int batchesPerEpoch = (train.size() + batchSize - 1) / batchSize;
        Augmenter augmenter =
                request.augmentation().isActive() && spec.input().isImage()
                        ? new Augmenter(
                                request.augmentation(),
                                spec.input().channels(),
                                spec.input().height(),
                                spec.input().width())
                        : null;
        // its own stream, so that switching augmentation on leaves the shuffling as it was
        Random augmentRandom = new Random(hp.seed() * 31 + 17);

        try (Model model = Model.newInstance(name, device, "PyTorch")) {
            model.setBlock(BlockFactory.build(spec));
            RateTracker rate = new RateTracker((float) hp.learningRateAt(0));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(optimizer(hp, rate))
                            .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(BlockFactory.batchShape(spec.input(), batchSize));
                long parameterCount = 0;
                for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        parameterCount += p.getValue().getArray().size();
                    }
                }
                events.accept(
                        new TrainingEvent.RunStarted(
                                name,
                                spec,
                                hp,
                                request.splits().datasetName(),
                                parameterCount,
                                EngineSetup.describe(device),
                                train.size(),
                                validation.size(),
                                test.size(),
                                batchesPerEpoch,
                                EngineSetup.environment(),
                                Instant.now()));

                long runStart = System.nanoTime();
                float[] buffer = new float[batchSize * sampleSize];
                long[] labels = new long[batchSize];
                int[] order = new int[train.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Shape full = BlockFactory.batchShape(spec.input(), batchSize);
                int epochsDone = 0;
                float firstLoss = -1;
                for (int epoch = 1; epoch <= hp.epochCount(); epoch++) {
                    at[0] = epoch;
                    at[1] = 0;
                    double lr = hp.learningRateAt(epoch - 1);
                    rate.value = (float) lr;
                    shuffle(order, random);
                    long epochStart = System.nanoTime();
                    double lossSum = 0;
                    long correct = 0;
                    int seen = 0;
                    for (int b = 1; b <= batchesPerEpoch; b++) {
                        at[1] = b;
                        int from = (b - 1) * batchSize;
                        int count = Math.min(batchSize, train.size() - from);
                        BatchFiller.fill(train, order, from, count, buffer, labels);
                        if (augmenter != null) {
                            augmenter.apply(buffer, count, augmentRandom);
                        }
                        float loss;
                        long right;
                        try (NDManager bm = trainer.getManager().newSubManager()) {
                            Shape shape = count == batchSize ? full : withBatch(full, count);
                            NDArray x =
                                    bm.create(
                                            FloatBuffer.wrap(buffer, 0, count * sampleSize),
                                            shape,
                                            DataType.FLOAT32);
                            NDArray y =
                                    bm.create(
                                            LongBuffer.wrap(labels, 0, count),
                                            new Shape(count),
                                            DataType.INT64);
                            NDArray logits;
                            NDArray lossArray;
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                lossArray = loss(logits, y, hp.loss(), sigmoid, classCount);
                                collector.backward(lossArray);
                            }
                            trainer.step();
                            loss = lossArray.getFloat();
                            right = correct(logits, y, sigmoid);
                        }
                        if (firstLoss < 0) {
                            firstLoss = loss;
                        }
                        Optional<String> diverged =
                                Divergence.check(loss, firstLoss, hp.loss(), epoch, b);
                        if (diverged.isPresent()) {
                            throw new Diverged(diverged.get(), epoch, b, lr);
                        }
                        lossSum += (double) loss * count;
                        correct += right;
                        seen += count;
                        long elapsed = (System.nanoTime() - epochStart) / 1_000_000;
                        events.accept(
                                new TrainingEvent.BatchCompleted(
                                        name,
                                        epoch,
                                        b,
                                        batchesPerEpoch,
                                        loss,
                                        (double) correct / seen,
                                        seen
                                                / Math.max(
                                                        1e-9,
                                                        (System.nanoTime() - epochStart) / 1e9),
                                        elapsed));
                        if (request.weightsEveryBatches() > 0
                                && b % request.weightsEveryBatches() == 0
                                && b != batchesPerEpoch) {
                            captureWeights(model, name, epoch, b, events);
                        }
                        if (control.checkpoint(name, epoch, b, events)) {
                            return new TrainingEvent.RunCancelled(name, epochsDone, epoch, b);
                        }
                    }
                    double[] val =
                            validation.size() == 0
                                    ? new double[] {Double.NaN, Double.NaN}
                                    : evaluate(
                                            trainer,
                                            validation,
                                            hp.loss(),
                                            sigmoid,
                                            classCount,
                                            null,
                                            null,
                                            control);
                    if (val == null) {
                        return new TrainingEvent.RunCancelled(
                                name, epochsDone, epoch, batchesPerEpoch);
                    }
                    epochsDone = epoch;
                    events.accept(
                            new TrainingEvent.EpochCompleted(
                                    name,
                                    epoch,
                                    hp.epochCount(),
                                    lossSum / seen,
                                    (double) correct / seen,
                                    val[0],
                                    val[1],
                                    lr,
                                    (System.nanoTime() - epochStart) / 1_000_000));
                    captureWeights(model, name, epoch, batchesPerEpoch, events);
                    if (control.checkpoint(name, epoch, batchesPerEpoch, events)) {
                        return new TrainingEvent.RunCancelled(
                                name, epochsDone, epoch, batchesPerEpoch);
                    }
                }

                int[] predicted = new int[test.size()];
                float[] probabilities = new float[test.size() * classCount];
                double[] figures =
                        evaluate(
                                trainer,
                                test,
                                hp.loss(),
                                sigmoid,
                                classCount,
                                predicted,
                                probabilities,
                                control);
                if (figures == null) {
                    return new TrainingEvent.RunCancelled(
                            name, epochsDone, epochsDone, batchesPerEpoch);
                }
                int[] actual = test.labels().clone();
                TestEvaluation evaluation =
                        new TestEvaluation(
                                figures[1],
                                figures[0],
                                ClassificationReport.of(actual, predicted, classCount),
                                actual,
                                predicted,
                                probabilities);
                List<ParameterValues> parameters = parameterValues(model);
                if (request.artifactsFolder() != null) {
                    Files.createDirectories(request.artifactsFolder());
                    model.save(request.artifactsFolder(), LoadedNetwork.MODEL_NAME);
                }
                return new TrainingEvent.RunFinished(
                        name,
                        evaluation,
                        epochsDone,
                        (System.nanoTime() - runStart) / 1_000_000,
                        request.artifactsFolder(),
                        parameters,
                        Instant.now());
            }
        }
    }

    /**
     * Mean loss and accuracy over {@code samples} without training; fills {@code predicted} and
     * {@code probabilities} when given.
     *
     * @return {loss, accuracy}, or null when cancelled meanwhile
     */
    private static double[] evaluate(
            Trainer trainer,
            Samples samples,
            LossKind lossKind,
            boolean sigmoid,
            int classCount,
            int[] predicted,
            float[] probabilities,
            RunControl control) {
        int n = samples.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int sampleSize = BatchFiller.sampleSize(samples);
        float[] buffer = new float[EVAL_BATCH * sampleSize];
        long[] labels = new long[EVAL_BATCH];
        double lossSum = 0;
        long correct = 0;
        org.dnw.spec.Shape input = samples.inputShape();
        for (int from = 0; from < n; from += EVAL_BATCH) {
            if (control.isCancelRequested()) {
                return null;
            }
            int count = Math.min(EVAL_BATCH, n - from);
            BatchFiller.fill(samples, null, from, count, buffer, labels);
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDArray x =
                        bm.create(
                                FloatBuffer.wrap(buffer, 0, count * sampleSize),
                                BlockFactory.batchShape(input, count),
                                DataType.FLOAT32);
                NDArray y =
                        bm.create(
                                LongBuffer.wrap(labels, 0, count),
                                new Shape(count),
                                DataType.INT64);
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum +=
                        (double) loss(logits, y, lossKind, sigmoid, classCount).getFloat() * count;
                correct += correct(logits, y, sigmoid);
                if (predicted != null) {
                    NDArray p = Logits.probabilities(logits, sigmoid);
                    float[] values = p.toFloatArray();
                    System.arraycopy(values, 0, probabilities, from * classCount, values.length);
                    long[] classes = p.argMax(1).toLongArray();
                    for (int i = 0; i < count; i++) {
                        predicted[from + i] = (int) classes[i];
                    }
                }
            }
        }
        return new double[] {lossSum / n, (double) correct / n};
    }

    /**
     * The batch's mean loss: softmax cross-entropy, or the quadratic cost ½·Σ_k (p_k − t_k)²
     * between the probabilities and the one-hot targets (as the from-scratch engine); for a single
     * sigmoid unit, binary cross-entropy or ½·(sigmoid(z) − y)².
     */
    static NDArray loss(
            NDArray logits, NDArray labels, LossKind kind, boolean sigmoid, int classCount) {
        if (sigmoid) {
            NDArray z = logits.reshape(-1);
            NDArray target = labels.toType(DataType.FLOAT32, false);
            if (kind == LossKind.SQUARED_ERROR) {
                return z.getNDArrayInternal().sigmoid().sub(target).square().mean().mul(0.5f);
            }
            // log(1 + e^z) − z·y, written stably as max(z, 0) − z·y + log(1 + e^−|z|)
            return z.maximum(0).sub(z.mul(target)).add(z.abs().neg().exp().add(1).log()).mean();
        }
        if (kind == LossKind.SQUARED_ERROR) {
            NDArray oneHot = labels.oneHot(classCount);
            return logits.softmax(1).sub(oneHot).square().sum(new int[] {1}).mean().mul(0.5f);
        }
        NDArray logp = logits.logSoftmax(1);
        return logp.get(new NDIndex().addAllDim().addPickDim(labels.reshape(-1, 1))).neg().mean();
    }

    private static long correct(NDArray logits, NDArray labels, boolean sigmoid) {
        NDArray predicted =
                sigmoid ? logits.reshape(-1).gt(0).toType(DataType.INT64, false) : logits.argMax(1);
        return predicted.eq(labels).sum().getLong();
    }

    private static Optimizer optimizer(Hyperparameters hp, Tracker rate) {
        float wd = (float) hp.weightDecay();
        return switch (hp.optimizer()) {
            case ADAM -> Optimizer.adam().optLearningRateTracker(rate).optWeightDecays(wd).build();
            case SGD -> Optimizer.sgd().setLearningRateTracker(rate).optWeightDecays(wd).build();
            case MOMENTUM ->
                    Optimizer.sgd()
                            .setLearningRateTracker(rate)
                            .optMomentum(0.9f)
                            .optWeightDecays(wd)
                            .build();
            case NESTEROV ->
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.NESTEROV)
                            .setLearningRateTracker(rate)
                            .setMomentum(0.9f)
                            .optWeightDecays(wd)
                            .build();
            case RMSPROP ->
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.RMSPROP)
                            .setLearningRateTracker(rate)
                            .optWeightDecays(wd)
                            .build();
            case ADAGRAD ->
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.ADAGRAD)
                            .setLearningRateTracker(rate)
                            .optWeightDecays(wd)
                            .build();
        };
    }

    private static void captureWeights(
            Model model, String name, int epoch, int batch, Consumer<TrainingEvent> events) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getKey().endsWith("_weight")) {
                NDArray w = p.getValue().getArray();
                events.accept(
                        new TrainingEvent.WeightsCaptured(
                                name, epoch, batch, intShape(w.getShape()), w.toFloatArray()));
                return;
            }
        }
    }

    private static List<ParameterValues> parameterValues(Model model) {
        List<ParameterValues> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            out.add(new ParameterValues(p.getKey(), intShape(a.getShape()), a.toFloatArray()));
        }
        return out;
    }

    private static int[] intShape(Shape shape) {
        int[] dims = new int[shape.dimension()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) shape.get(i);
        }
        return dims;
    }

    private static Shape withBatch(Shape full, int count) {
        long[] dims = full.getShape().clone();
        dims[0] = count;
        return new Shape(dims);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    /** The learning rate the optimiser reads; the loop sets it at the start of each epoch. */
    private static final class RateTracker implements Tracker {
        volatile float value;

        RateTracker(float value) {
            this.value = value;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }

    /** A diverged loss: the run ends with a failure that says what to try. */
    static final class Diverged extends RuntimeException {
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
