package org.dnw.engine.scratch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.dnw.data.NumpyArrays;
import org.dnw.data.Samples;
import org.dnw.spec.ModelSpec;
import org.dnw.train.EngineStateFiles;
import org.dnw.train.EngineTrainingLoop;
import org.dnw.train.Hyperparameters;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEngine;
import org.dnw.train.TrainingEvent.RunStarted;
import org.dnw.train.TrainingLoop;
import org.dnw.train.TrainingRequest;

/**
 * The from-scratch engine behind the one {@link EngineTrainingLoop}: a {@link ScratchNetwork}
 * trained with plain {@link Sgd} on the training thread (its products split over a fixed {@link
 * Workers} pool). Its {@link RunStarted} names the device "CPU (plain Java, N threads)" and the
 * environment keys {@code java}, {@code os}, {@code engine} = {@value #ENGINE_NAME}.
 *
 * <p>Images are flattened and scaled by 1/255 per batch; tables are used as they are. The trained
 * parameters are saved as {@value ParamsArchive#FILE_NAME} ({@link ParamsArchive}, an {@code
 * .npz}); {@link ScratchNetwork#load} reads them back. A request it cannot train ({@link
 * ScratchProblems}) ends with one {@code RunFailed} before anything is built.
 */
public final class ScratchEngine implements TrainingEngine {

    /** The value of the {@code engine} key of {@link RunStarted#environment()}. */
    public static final String ENGINE_NAME = "From scratch (Java)";

    /** Mixed into the seed for the shuffling, so that it does not replay the weights' numbers. */
    private static final long SHUFFLE_SALT = 0x5DEECE66DL;

    /** The {@code engine} of its {@link EngineStateFiles#STATE}. */
    private static final String STATE_NAME = "scratch";

    private final int threads;
    private Workers workers;
    private ScratchNetwork net;
    private double weightDecay;

    /**
     * @param threads threads for the matrix products, ≥ 1
     */
    public ScratchEngine(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** The one loop with this engine on every available processor. */
    public static TrainingLoop loop() {
        return loop(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The one loop with this engine.
     *
     * @param threads threads for the matrix products, ≥ 1
     */
    public static TrainingLoop loop(int threads) {
        return new EngineTrainingLoop(() -> new ScratchEngine(threads), ScratchProblems::of);
    }

    @Override
    public void check(TrainingRequest request) {
        List<String> problems = ScratchProblems.of(request);
        if (!problems.isEmpty()) {
            throw new Refused(
                    "the from-scratch engine cannot train this: " + String.join("; ", problems),
                    "change what is described, or choose " + ScratchProblems.DJL);
        }
    }

    @Override
    public void build(ModelSpec spec, Hyperparameters hp, int batchSize) {
        workers = new Workers(threads);
        net = ScratchNetwork.create(spec, hp.loss(), hp.seed(), workers);
        weightDecay = hp.weightDecay();
    }

    @Override
    public long parameterCount() {
        return net.parameterCount();
    }

    @Override
    public String device() {
        return "CPU (plain Java, "
                + workers.threads()
                + (workers.threads() == 1 ? " thread)" : " threads)");
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = TrainingEngine.platform();
        env.put("engine", ENGINE_NAME);
        return env;
    }

    @Override
    public long shuffleSeed(long seed) {
        return seed ^ SHUFFLE_SALT;
    }

    @Override
    public int classCount() {
        return net.classCount();
    }

    @Override
    public BatchResult trainBatch(
            Samples samples,
            int[] order,
            int from,
            int count,
            ObjIntConsumer<float[]> augment,
            double learningRate) {
        // augmentation is refused by check(): this engine has no float buffer to augment
        int to = from + count;
        double[] x = Batches.inputs(samples, order, from, to);
        int[] labels = Batches.labels(samples, order, from, to);
        double loss = net.forwardLoss(x, labels, count);
        int[] predicted = net.lastPredictions();
        long correct = 0;
        for (int i = 0; i < count; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        net.backward();
        net.step(learningRate, weightDecay);
        return new BatchResult(loss, correct);
    }

    @Override
    public EvaluatedBatch evaluateBatch(Samples samples, int from, int count, boolean details) {
        int to = from + count;
        int[] labels = Batches.labels(samples, null, from, to);
        double loss = net.forwardLoss(Batches.inputs(samples, null, from, to), labels, count);
        int[] p = net.lastPredictions();
        int[] predicted = new int[count];
        long correct = 0;
        for (int i = 0; i < count; i++) {
            predicted[i] = p[i];
            if (p[i] == labels[i]) {
                correct++;
            }
        }
        if (!details) {
            return new EvaluatedBatch(loss, correct, null, null);
        }
        double[] prob = net.lastProbabilities();
        float[] probabilities = new float[prob.length];
        for (int i = 0; i < prob.length; i++) {
            probabilities[i] = (float) prob[i];
        }
        return new EvaluatedBatch(loss, correct, predicted, probabilities);
    }

    @Override
    public ParameterValues firstWeights() {
        return net.firstLayerWeights();
    }

    @Override
    public List<ParameterValues> parameters() {
        return net.parameterValues();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: from a copy of every parameter (this engine's networks are small dense ones), so
     * that the filter view can follow any layer; layer statistics are not measured.
     */
    @Override
    public ParameterValues layerWeights(int position) {
        for (ParameterValues p : net.parameterValues()) {
            if (p.isWeight() && ParameterValues.positionOf(p.name()) == position) {
                return p;
            }
        }
        return null;
    }

    @Override
    public ParameterSnapshot snapshotParameters() {
        List<double[]> copies = new java.util.ArrayList<>();
        for (Parameter p : net.parameters()) {
            copies.add(p.values().clone());
        }
        return new Snapshot(copies);
    }

    @Override
    public void restoreParameters(ParameterSnapshot snapshot) {
        List<double[]> copies = ((Snapshot) snapshot).values();
        List<Parameter> params = net.parameters();
        for (int i = 0; i < params.size(); i++) {
            double[] target = params.get(i).values();
            System.arraycopy(copies.get(i), 0, target, 0, target.length);
        }
    }

    /** Exact copies of the parameters' values, in {@link ScratchNetwork#parameters()} order. */
    private record Snapshot(List<double[]> values) implements ParameterSnapshot {}

    /**
     * {@inheritDoc}
     *
     * <p>Here: the parameters as float64 (exact) and {@code {"engine": "scratch"}}; plain SGD keeps
     * no optimiser state.
     */
    @Override
    public void saveState(Path folder) throws IOException {
        saveSnapshot(snapshotParameters(), folder.resolve(EngineStateFiles.PARAMETERS));
        EngineStateFiles.writeJson(
                folder.resolve(EngineStateFiles.STATE), Map.of("engine", STATE_NAME));
    }

    @Override
    public void loadState(Path folder) throws IOException {
        Map<?, ?> state =
                EngineStateFiles.readJson(folder.resolve(EngineStateFiles.STATE), Map.class);
        if (!STATE_NAME.equals(state.get("engine"))) {
            throw new IOException(
                    "the checkpoint was written by another engine (" + state.get("engine") + ")");
        }
        restoreParameters(loadSnapshot(folder.resolve(EngineStateFiles.PARAMETERS)));
    }

    @Override
    public void saveSnapshot(ParameterSnapshot snapshot, Path file) throws IOException {
        List<double[]> values = ((Snapshot) snapshot).values();
        List<Parameter> params = net.parameters();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            files.put(
                    entryName(i, params.get(i)),
                    NumpyArrays.toBytes(params.get(i).shape(), values.get(i)));
        }
        EngineStateFiles.writeNpz(file, files);
    }

    @Override
    public ParameterSnapshot loadSnapshot(Path file) throws IOException {
        Map<String, byte[]> files = EngineStateFiles.readNpz(file);
        List<Parameter> params = net.parameters();
        List<double[]> values = new java.util.ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String entry = entryName(i, params.get(i));
            byte[] bytes = files.get(entry);
            if (bytes == null) {
                throw new IOException(file.getFileName() + " has no " + entry);
            }
            double[] v = NumpyArrays.parseDoubles(bytes, entry).values();
            if (v.length != params.get(i).size()) {
                throw new IOException(
                        file.getFileName() + ": " + entry + " does not fit this network");
            }
            values.add(v);
        }
        if (files.size() != params.size()) {
            throw new IOException(file.getFileName() + " does not fit this network");
        }
        return new Snapshot(values);
    }

    private static String entryName(int index, Parameter p) {
        return String.format(java.util.Locale.ROOT, "%03d-%s", index, p.name());
    }

    @Override
    public void save(Path folder) {
        try {
            ParamsArchive.write(folder.resolve(ParamsArchive.FILE_NAME), net.parameterValues());
        } catch (IOException | RuntimeException e) {
            throw new SaveFailed(
                    "the trained network could not be saved in "
                            + folder
                            + " ("
                            + (e.getMessage() == null ? e : e.getMessage())
                            + ")");
        }
    }

    @Override
    public Failure failure(Throwable e, int epoch, int batch) {
        if (e instanceof SaveFailed) {
            return new Failure(
                    e.getMessage(),
                    "check that the folder is writable and the disk has space, then train again");
        }
        if (e instanceof OutOfMemoryError) {
            return new Failure(
                    "the computer ran out of memory while training",
                    "use a smaller batch size or a smaller network");
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Failure(
                "the from-scratch engine stopped on an internal error (" + detail + ")",
                "try again; if it happens again, report it with the run's settings");
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.close();
            workers = null;
        }
    }

    /** The parameters could not be written; the message is the sentence for the user. */
    private static final class SaveFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SaveFailed(String message) {
            super(message);
        }
    }
}
