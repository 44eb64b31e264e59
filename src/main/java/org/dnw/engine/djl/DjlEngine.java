package org.dnw.engine.djl;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.dnw.data.NumpyArrays;
import org.dnw.data.Samples;
import org.dnw.engine.BatchFiller;
import org.dnw.engine.BlockFactory;
import org.dnw.engine.EngineSetup;
import org.dnw.engine.LayerOutputs;
import org.dnw.engine.LoadedNetwork;
import org.dnw.engine.Logits;
import org.dnw.spec.ModelSpec;
import org.dnw.train.EngineStateFiles;
import org.dnw.train.EngineTrainingLoop;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LayerActivation;
import org.dnw.train.LossKind;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEngine;
import org.dnw.train.TrainingLoop;

/**
 * The PyTorch (DJL) engine behind the one {@link EngineTrainingLoop}: one device, data kept as
 * uint8 and converted per batch, every batch's arrays in a sub-manager closed at once; a training
 * step is forward in a {@link GradientCollector}, loss, backward, optimiser step. Reads the loss
 * and the number of correct predictions once per batch. Confined to the training thread that builds
 * it.
 */
public final class DjlEngine implements TrainingEngine {

    private Device device;
    private Model model;
    private Trainer trainer;
    private RateTracker rate;
    private LossKind lossKind;
    private boolean sigmoid;
    private int classCount;
    private int batchSize;
    private ModelSpec spec;
    private Shape full;
    private float[] buffer = new float[0];
    private long[] labels = new long[0];
    private final OptimizerStates optimizerStates = new OptimizerStates();
    private boolean[] reluLayers = new boolean[0];
    private boolean watchNext;
    private WatchedStep watched;

    /** An engine to build; one per run. */
    public DjlEngine() {}

    /** The one loop with this engine, a fresh one per run. */
    public static TrainingLoop loop() {
        return new EngineTrainingLoop(DjlEngine::new, request -> List.of());
    }

    @Override
    public void build(ModelSpec spec, Hyperparameters hp, int batchSize) {
        Engine engine = EngineSetup.engine();
        // Grad mode is per thread and DJL switches it off only on the thread that started the
        // engine; evaluation passes here must not build autograd graphs.
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        engine.setRandomSeed((int) hp.seed());
        device = EngineSetup.device();
        lossKind = hp.loss();
        sigmoid = Logits.isSigmoid(spec);
        classCount = spec.output().classes();
        this.batchSize = batchSize;
        this.spec = spec;
        model = Model.newInstance(spec.name(), device, "PyTorch");
        model.setBlock(BlockFactory.build(spec));
        reluLayers = new boolean[spec.layers().size()];
        for (int i = 0; i < reluLayers.length; i++) {
            reluLayers[i] =
                    spec.layers().get(i) instanceof org.dnw.spec.ActivationSpec a
                            && a.function() == org.dnw.spec.ActivationType.RELU;
        }
        rate = new RateTracker((float) hp.learningRateAt(0));
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(optimizer(hp, rate, optimizerStates))
                        .optDevices(new Device[] {device});
        trainer = model.newTrainer(config);
        full = BlockFactory.batchShape(spec.input(), batchSize);
        trainer.initialize(full);
    }

    @Override
    public long parameterCount() {
        long count = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                count += p.getValue().getArray().size();
            }
        }
        return count;
    }

    @Override
    public String device() {
        return EngineSetup.describe(device);
    }

    @Override
    public Map<String, String> environment() {
        return EngineSetup.environment();
    }

    @Override
    public long shuffleSeed(long seed) {
        return seed;
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public BatchResult trainBatch(
            Samples samples,
            int[] order,
            int from,
            int count,
            ObjIntConsumer<float[]> augment,
            double learningRate) {
        int sampleSize = BatchFiller.sampleSize(samples);
        ensureBuffers(batchSize, sampleSize);
        rate.value = (float) learningRate;
        BatchFiller.fill(samples, order, from, count, buffer, labels);
        if (augment != null) {
            augment.accept(buffer, count);
        }
        try (NDManager bm = trainer.getManager().newSubManager()) {
            Shape shape = count == batchSize ? full : withBatch(full, count);
            NDArray x =
                    bm.create(
                            FloatBuffer.wrap(buffer, 0, count * sampleSize),
                            shape,
                            DataType.FLOAT32);
            NDArray y =
                    bm.create(LongBuffer.wrap(labels, 0, count), new Shape(count), DataType.INT64);
            NDArray logits;
            NDArray lossArray;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                logits = trainer.forward(new NDList(x)).singletonOrThrow();
                lossArray = loss(logits, y, lossKind, sigmoid, classCount);
                collector.backward(lossArray);
            }
            if (watchNext) {
                watchNext = false;
                watched = watch();
            }
            trainer.step();
            float loss = lossArray.getFloat();
            return new BatchResult(loss, correct(logits, y, sigmoid));
        }
    }

    @Override
    public EvaluatedBatch evaluateBatch(Samples samples, int from, int count, boolean details) {
        int sampleSize = BatchFiller.sampleSize(samples);
        ensureBuffers(count, sampleSize);
        BatchFiller.fill(samples, null, from, count, buffer, labels);
        try (NDManager bm = trainer.getManager().newSubManager()) {
            NDArray x =
                    bm.create(
                            FloatBuffer.wrap(buffer, 0, count * sampleSize),
                            BlockFactory.batchShape(samples.inputShape(), count),
                            DataType.FLOAT32);
            NDArray y =
                    bm.create(LongBuffer.wrap(labels, 0, count), new Shape(count), DataType.INT64);
            NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
            double loss = loss(logits, y, lossKind, sigmoid, classCount).getFloat();
            long right = correct(logits, y, sigmoid);
            if (!details) {
                return new EvaluatedBatch(loss, right, null, null);
            }
            NDArray p = Logits.probabilities(logits, sigmoid);
            float[] probabilities = p.toFloatArray();
            long[] classes = p.argMax(1).toLongArray();
            int[] predicted = new int[count];
            for (int i = 0; i < count; i++) {
                predicted[i] = (int) classes[i];
            }
            return new EvaluatedBatch(loss, right, predicted, probabilities);
        }
    }

    @Override
    public List<LayerActivation> activations(float[] input) {
        return LayerOutputs.of(model.getBlock(), trainer.getManager(), spec, input);
    }

    @Override
    public ParameterValues firstWeights() {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getKey().endsWith("_weight")) {
                NDArray w = p.getValue().getArray();
                return new ParameterValues(p.getKey(), intShape(w.getShape()), w.toFloatArray());
            }
        }
        return null;
    }

    @Override
    public ParameterValues layerWeights(int position) {
        return layerWeights(position, Integer.MAX_VALUE);
    }

    @Override
    public ParameterValues layerWeights(int position, int maxRows) {
        Pair<String, Parameter> p = weightOf(position);
        if (p == null) {
            return null;
        }
        NDArray w = p.getValue().getArray();
        if (w.getShape().get(0) <= maxRows) {
            return new ParameterValues(p.getKey(), intShape(w.getShape()), w.toFloatArray());
        }
        // only the rows shown are copied to the host
        try (NDArray rows = w.get(new NDIndex("0:" + maxRows))) {
            return new ParameterValues(p.getKey(), intShape(rows.getShape()), rows.toFloatArray());
        }
    }

    @Override
    public void watchNextStep() {
        watchNext = true;
    }

    @Override
    public WatchedStep watchedStep() {
        return watched;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the block's children run one after another in inference mode, {@value #FIRING_BATCH}
     * samples at a time, in a sub-manager closed per batch; of each ReLU output only its maximum
     * per channel (or unit) over the batch is copied to the host.
     */
    @Override
    public Map<Integer, boolean[]> reluFiring(Samples samples, int count) {
        Map<Integer, boolean[]> fired = new java.util.HashMap<>();
        int sampleSize = BatchFiller.sampleSize(samples);
        List<ai.djl.nn.Block> children = model.getBlock().getChildren().values();
        for (int from = 0; from < count; from += FIRING_BATCH) {
            int n = Math.min(FIRING_BATCH, count - from);
            ensureBuffers(n, sampleSize);
            BatchFiller.fill(samples, null, from, n, buffer, labels);
            try (NDManager bm = trainer.getManager().newSubManager()) {
                ai.djl.training.ParameterStore store =
                        new ai.djl.training.ParameterStore(bm, false);
                NDList x =
                        new NDList(
                                bm.create(
                                        FloatBuffer.wrap(buffer, 0, n * sampleSize),
                                        BlockFactory.batchShape(samples.inputShape(), n),
                                        DataType.FLOAT32));
                for (int i = 0; i < children.size(); i++) {
                    x = children.get(i).forward(store, x, false);
                    if (i < reluLayers.length && reluLayers[i]) {
                        NDArray a = x.singletonOrThrow();
                        // PyTorch's max reduces one axis at a time: channels first, then one
                        NDArray max =
                                a.getShape().dimension() == 4
                                        ? a.transpose(1, 0, 2, 3)
                                                .reshape(a.getShape().get(1), -1)
                                                .max(new int[] {1})
                                        : a.reshape(n, -1).max(new int[] {0});
                        float[] maxima = max.toFloatArray();
                        boolean[] f = fired.computeIfAbsent(i + 1, k -> new boolean[maxima.length]);
                        for (int j = 0; j < maxima.length && j < f.length; j++) {
                            f[j] |= maxima[j] > 0;
                        }
                    }
                }
            }
        }
        return fired;
    }

    /** Samples per forward pass of {@link #reluFiring}. */
    private static final int FIRING_BATCH = 256;

    /** Each weighted layer's weights and gradient, copied just before the optimiser step. */
    private WatchedStep watch() {
        Map<Integer, float[]> before = new java.util.HashMap<>();
        Map<Integer, float[]> gradients = new java.util.HashMap<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            int position = ParameterValues.positionOf(p.getKey());
            if (position <= 0 || !p.getKey().endsWith("_weight")) {
                continue;
            }
            NDArray w = p.getValue().getArray();
            before.put(position, w.toFloatArray());
            // a fresh handle on the gradient, in the model's manager: closed at once
            try (NDArray g = w.getGradient()) {
                gradients.put(position, g.toFloatArray());
            }
        }
        return new WatchedStep(before, gradients);
    }

    /** The weight of the layer at 1-based spec {@code position}; null when it has none. */
    private Pair<String, Parameter> weightOf(int position) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getKey().endsWith("_weight")
                    && ParameterValues.positionOf(p.getKey()) == position) {
                return p;
            }
        }
        return null;
    }

    @Override
    public List<ParameterValues> parameters() {
        List<ParameterValues> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            out.add(new ParameterValues(p.getKey(), intShape(a.getShape()), a.toFloatArray()));
        }
        return out;
    }

    @Override
    public ParameterSnapshot snapshotParameters() {
        List<float[]> copies = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            copies.add(p.getValue().getArray().toFloatArray());
        }
        return new Snapshot(copies);
    }

    @Override
    public void restoreParameters(ParameterSnapshot snapshot) {
        List<float[]> copies = ((Snapshot) snapshot).values();
        int i = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            // in place, so that the trainer's and the optimiser's references stay valid
            p.getValue().getArray().set(FloatBuffer.wrap(copies.get(i++)));
        }
    }

    /**
     * Host copies of every parameter (running means and variances included), in the block's order;
     * float32 as the network holds them, so the copy is exact.
     */
    private record Snapshot(List<float[]> values) implements ParameterSnapshot {}

    /**
     * {@inheritDoc}
     *
     * <p>Here: the torch generator (dropout's draws) is reseeded from {@code (seed, epoch)} for
     * epochs ≥ 2. A network with dropout thus draws other numbers from epoch 2 on than before
     * checkpoints existed; one without dropout draws nothing and keeps its numbers bit for bit.
     */
    @Override
    public void beginEpoch(long seed, int epoch) {
        if (epoch > 1) {
            long mixed = (seed * 0x9E3779B97F4A7C15L) ^ (epoch * 0xC2B2AE3D27D4EB4FL);
            EngineSetup.engine().setRandomSeed((int) (mixed ^ (mixed >>> 32)));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: {@link EngineStateFiles#PARAMETERS} with every parameter (running statistics
     * included) as float32 under its block name; {@link EngineStateFiles#OPTIMIZER} with the
     * optimiser's state arrays ({@code state<k>.<parameter>}); {@link EngineStateFiles#STATE} with
     * the update counts.
     */
    @Override
    public void saveState(Path folder) throws IOException {
        saveSnapshot(snapshotParameters(), folder.resolve(EngineStateFiles.PARAMETERS));
        Map<String, String> names = new java.util.HashMap<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            names.put(p.getValue().getId(), p.getKey());
        }
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : optimizerStates.arrays(names).entrySet()) {
            NDArray a = e.getValue();
            files.put(e.getKey(), NumpyArrays.toBytes(intShape(a.getShape()), a.toFloatArray()));
        }
        EngineStateFiles.writeNpz(folder.resolve(EngineStateFiles.OPTIMIZER), files);
        EngineStateFiles.writeJson(
                folder.resolve(EngineStateFiles.STATE),
                new State(
                        STATE_NAME, optimizerStates.updateNumber(), optimizerStates.counts(names)));
    }

    @Override
    public void loadState(Path folder) throws IOException {
        State state =
                EngineStateFiles.readJson(folder.resolve(EngineStateFiles.STATE), State.class);
        if (!STATE_NAME.equals(state.engine())) {
            throw new IOException(
                    "the checkpoint was written by another engine (" + state.engine() + ")");
        }
        restoreParameters(loadSnapshot(folder.resolve(EngineStateFiles.PARAMETERS)));
        Map<String, String> ids = new java.util.HashMap<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            ids.put(p.getKey(), p.getValue().getId());
        }
        Map<String, float[]> arrays = new java.util.HashMap<>();
        for (Map.Entry<String, byte[]> e :
                EngineStateFiles.readNpz(folder.resolve(EngineStateFiles.OPTIMIZER)).entrySet()) {
            arrays.put(e.getKey(), NumpyArrays.parse(e.getValue(), e.getKey()).values());
        }
        try {
            optimizerStates.restore(
                    state.updateCounts() == null ? Map.of() : state.updateCounts(),
                    state.updateNumber(),
                    arrays,
                    ids);
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "the checkpoint does not fit this network (" + e.getMessage() + ")");
        }
    }

    @Override
    public void saveSnapshot(ParameterSnapshot snapshot, Path file) throws IOException {
        List<float[]> values = ((Snapshot) snapshot).values();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        int i = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            files.put(
                    p.getKey(),
                    NumpyArrays.toBytes(
                            intShape(p.getValue().getArray().getShape()), values.get(i++)));
        }
        EngineStateFiles.writeNpz(file, files);
    }

    @Override
    public ParameterSnapshot loadSnapshot(Path file) throws IOException {
        Map<String, byte[]> files = EngineStateFiles.readNpz(file);
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            byte[] bytes = files.get(p.getKey());
            if (bytes == null) {
                throw new IOException(file.getFileName() + " has no parameter " + p.getKey());
            }
            float[] v = NumpyArrays.parse(bytes, p.getKey()).values();
            if (v.length != p.getValue().getArray().size()) {
                throw new IOException(
                        file.getFileName() + ": " + p.getKey() + " does not fit this network");
            }
            values.add(v);
        }
        return new Snapshot(values);
    }

    /** The {@code engine} of {@link EngineStateFiles#STATE}. */
    private static final String STATE_NAME = "PyTorch";

    /**
     * What {@link EngineStateFiles#STATE} holds for this engine.
     *
     * @param updateNumber the largest update count (DJL's {@code numUpdate})
     * @param updateCounts each parameter's update count, by name
     */
    record State(String engine, int updateNumber, Map<String, Integer> updateCounts) {}

    @Override
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        model.save(folder, LoadedNetwork.MODEL_NAME);
    }

    @Override
    public Failure failure(Throwable e, int epoch, int batch) {
        if (e instanceof EngineSetup.EngineUnavailableException) {
            return new Failure(e.getMessage(), "");
        }
        if (e instanceof OutOfMemoryError) {
            return new Failure(
                    "the computer ran out of memory at epoch " + epoch + ", batch " + batch,
                    "use a smaller batch size, fewer features or units, or a smaller data set");
        }
        if (e instanceof EngineException) {
            return new Failure(
                    "PyTorch stopped the run at epoch "
                            + epoch
                            + ", batch "
                            + batch
                            + " ("
                            + firstLine(e.getMessage())
                            + ")",
                    "if it ran out of memory, use a smaller batch size or network");
        }
        if (e instanceof RuntimeException || e instanceof IOException) {
            return new Failure(
                    "the run stopped at epoch "
                            + epoch
                            + ", batch "
                            + batch
                            + " ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : firstLine(e.getMessage()))
                            + ")",
                    "");
        }
        return null;
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
        if (model != null) {
            model.close();
            model = null;
        }
    }

    private void ensureBuffers(int samples, int sampleSize) {
        if (buffer.length < samples * sampleSize) {
            buffer = new float[samples * sampleSize];
        }
        if (labels.length < samples) {
            labels = new long[samples];
        }
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

    private static Optimizer optimizer(Hyperparameters hp, Tracker rate, OptimizerStates states) {
        float wd = (float) hp.weightDecay();
        return switch (hp.optimizer()) {
            case ADAM ->
                    InPlaceAdam.builder()
                            .optLearningRateTracker(rate)
                            .optWeightDecays(wd)
                            .setStates(states)
                            .build();
            case SGD ->
                    InPlaceSgd.builder()
                            .setLearningRateTracker(rate)
                            .optWeightDecays(wd)
                            .setStates(states)
                            .build();
            case MOMENTUM ->
                    InPlaceSgd.builder()
                            .setLearningRateTracker(rate)
                            .optMomentum(0.9f)
                            .optWeightDecays(wd)
                            .setStates(states)
                            .build();
            case NESTEROV ->
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.NESTEROV)
                            .setLearningRateTracker(rate)
                            .setMomentum(0.9f)
                            .optWeightDecays(wd)
                            .setStates(states)
                            .build();
            case RMSPROP ->
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.RMSPROP)
                            .setLearningRateTracker(rate)
                            .optWeightDecays(wd)
                            .setStates(states)
                            .build();
            case ADAGRAD ->
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.ADAGRAD)
                            .setLearningRateTracker(rate)
                            .optWeightDecays(wd)
                            .setStates(states)
                            .build();
        };
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

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    /** The learning rate the optimiser reads; the loop sets it for each batch. */
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
}
