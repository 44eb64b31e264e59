package org.dnw.engine.scratch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dnw.data.Samples;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.train.LossKind;
import org.dnw.train.ParameterValues;

/**
 * A network of the from-scratch engine, built from a {@link ModelSpec} of {@link FlattenSpec},
 * {@link DenseSpec}, {@link ActivationSpec} (ReLU, sigmoid, tanh) and a final {@link OutputSpec}
 * (softmax over the classes, or one sigmoid unit for two classes).
 *
 * <p>Each dense or output layer becomes a {@link Linear} named, as DJL names the blocks of a
 * sequential network with one block per spec layer, {@code %02d} of its 1-based position in the
 * spec followed by {@code Linear}: the {@code mlp} preset (Flatten, Dense 128, ReLU, Output 10) has
 * {@code 02Linear_weight} (128 × 784), {@code 02Linear_bias}, {@code 04Linear_weight} (10 × 128)
 * and {@code 04Linear_bias}. Flatten is a no-op: batches are flat already.
 *
 * <p>The head follows the output and the loss: softmax with cross-entropy trains on the scores
 * ({@link SoftmaxCrossEntropy}); softmax with squared error adds a {@link Softmax} layer before
 * {@link SquaredError}; one sigmoid unit adds a {@link Sigmoid} before {@link SquaredError} (target
 * = the 0/1 label), or trains on its score with {@link SigmoidCrossEntropy}. Probabilities are
 * always {@code n × classes}; for one sigmoid unit with output {@code p} they are {@code [1 − p,
 * p]}, and the predicted class is 1 when {@code p ≥ 0.5}.
 *
 * <p>Not thread-safe: one thread uses a network at a time (it may fan out to its {@link Workers}).
 */
public final class ScratchNetwork implements AutoCloseable {

    private final ModelSpec spec;
    private final LossKind lossKind;
    private final List<Layer> layers;
    private final List<Linear> linears;
    private final List<Integer> linearPositions;
    private final Loss loss;
    private final boolean headInLayers;
    private final OutputActivation output;
    private final int classCount;
    private final int inputSize;
    private final Workers ownedWorkers;

    private double[] lastValues;
    private int lastCount;

    private ScratchNetwork(ModelSpec spec, LossKind lossKind, Workers workers, boolean owned) {
        List<String> problems = ScratchProblems.of(spec, null);
        if (!problems.isEmpty()) {
            if (owned) {
                workers.close();
            }
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.spec = spec;
        this.lossKind = lossKind == null ? LossKind.CROSS_ENTROPY : lossKind;
        this.ownedWorkers = owned ? workers : null;
        this.inputSize = (int) spec.input().size();
        List<Layer> built = new ArrayList<>();
        List<Linear> dense = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int width = inputSize;
        OutputSpec out = null;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (layer instanceof DenseSpec d) {
                Linear linear = new Linear(width, d.units(), d.bias(), workers);
                built.add(linear);
                dense.add(linear);
                positions.add(i + 1);
                width = d.units();
            } else if (layer instanceof ActivationSpec a) {
                built.add(
                        switch (a.function()) {
                            case RELU -> new ReLU(width);
                            case SIGMOID -> new Sigmoid(width);
                            case TANH -> new Tanh(width);
                            default ->
                                    throw new IllegalArgumentException(
                                            "no "
                                                    + a.function().label()
                                                    + " in the scratch engine");
                        });
            } else if (layer instanceof OutputSpec o) {
                out = o;
                Linear linear = new Linear(width, o.units(), o.bias(), workers);
                built.add(linear);
                dense.add(linear);
                positions.add(i + 1);
                width = o.units();
            }
        }
        this.output = out.activation();
        this.classCount = out.activation() == OutputActivation.SIGMOID ? 2 : out.classes();
        boolean squared = this.lossKind == LossKind.SQUARED_ERROR;
        this.headInLayers = squared;
        if (output == OutputActivation.SIGMOID) {
            if (squared) {
                built.add(new Sigmoid(1));
                loss = new SquaredError(1);
            } else {
                loss = new SigmoidCrossEntropy();
            }
        } else if (squared) {
            built.add(new Softmax(width));
            loss = new SquaredError(width);
        } else {
            loss = new SoftmaxCrossEntropy(width);
        }
        this.layers = List.copyOf(built);
        this.linears = List.copyOf(dense);
        this.linearPositions = List.copyOf(positions);
    }

    /**
     * A new network with seeded initial weights: He-uniform for a dense layer followed by ReLU,
     * Xavier-uniform otherwise, biases 0, all drawn from one {@link Random} of {@code seed} in
     * layer order. The same spec and seed give the same numbers.
     *
     * @param workers threads for the products; not closed by the network
     * @throws IllegalArgumentException with the sentences of {@link ScratchProblems} when the
     *     engine cannot build {@code spec}
     */
    public static ScratchNetwork create(ModelSpec spec, LossKind loss, long seed, Workers workers) {
        ScratchNetwork net = new ScratchNetwork(spec, loss, workers, false);
        net.initialise(seed);
        return net;
    }

    /** {@link #create} on a thread pool of its own, closed by {@link #close}. */
    public static ScratchNetwork create(ModelSpec spec, LossKind loss, long seed) {
        return initialised(new ScratchNetwork(spec, loss, Workers.allProcessors(), true), seed);
    }

    private static ScratchNetwork initialised(ScratchNetwork net, long seed) {
        net.initialise(seed);
        return net;
    }

    private void initialise(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Linear linear) {
                boolean relu = i + 1 < layers.size() && layers.get(i + 1) instanceof ReLU;
                linear.initialise(
                        relu ? Linear.Init.HE_UNIFORM : Linear.Init.XAVIER_UNIFORM, random);
            }
        }
    }

    /**
     * A trained network from its parameters (as in {@link #parameterValues()}, a {@link
     * org.dnw.train.TrainingEvent.RunFinished} or a saved run's {@code weights.npz}), for
     * prediction. Parameters are matched by name; when the names differ (another engine's
     * numbering) but the dense parameters come in layer order with the right shapes, by order. The
     * network uses every processor and its threads end with {@link #close}.
     *
     * @throws IllegalArgumentException when the spec cannot be built or a parameter is missing or
     *     has the wrong shape (the message names it)
     */
    public static ScratchNetwork fromParameters(ModelSpec spec, List<ParameterValues> parameters) {
        return fromParameters(spec, parameters, LossKind.CROSS_ENTROPY);
    }

    /** {@link #fromParameters(ModelSpec, List)} with the loss to report in evaluations. */
    public static ScratchNetwork fromParameters(
            ModelSpec spec, List<ParameterValues> parameters, LossKind loss) {
        ScratchNetwork net = new ScratchNetwork(spec, loss, Workers.allProcessors(), true);
        try {
            net.load(parameters);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    /** A network from a {@value ParamsArchive#FILE_NAME} file written by the training loop. */
    public static ScratchNetwork load(ModelSpec spec, Path paramsFile) throws IOException {
        return fromParameters(spec, ParamsArchive.read(paramsFile));
    }

    /** Saves every parameter to {@code file} ({@link ParamsArchive}), atomically. */
    public void save(Path file) throws IOException {
        ParamsArchive.write(file, parameterValues());
    }

    private void load(List<ParameterValues> given) {
        List<ParameterValues> wanted = parameterValues();
        boolean byName = true;
        for (ParameterValues w : wanted) {
            if (given.stream().noneMatch(g -> g.name().equals(w.name()))) {
                byName = false;
                break;
            }
        }
        List<ParameterValues> chosen = new ArrayList<>();
        if (byName) {
            for (ParameterValues w : wanted) {
                chosen.add(given.stream().filter(g -> g.name().equals(w.name())).findFirst().get());
            }
        } else if (given.size() == wanted.size()) {
            chosen.addAll(given);
        } else {
            throw new IllegalArgumentException(
                    "the saved parameters do not fit this network: it has "
                            + wanted.size()
                            + " parameters ("
                            + String.join(", ", wanted.stream().map(ParameterValues::name).toList())
                            + ") but "
                            + given.size()
                            + " were given");
        }
        for (int i = 0; i < wanted.size(); i++) {
            ParameterValues w = wanted.get(i);
            ParameterValues g = chosen.get(i);
            if (!Arrays.equals(w.shape(), g.shape()) || g.values().length != w.values().length) {
                throw new IllegalArgumentException(
                        "the saved parameter "
                                + g.name()
                                + " has shape "
                                + Arrays.toString(g.shape())
                                + " but "
                                + w.name()
                                + " of this network needs "
                                + Arrays.toString(w.shape()));
            }
        }
        for (int l = 0; l < linears.size(); l++) {
            Linear linear = linears.get(l);
            int at = indexOfWeight(l);
            linear.setWeightsByUnit(chosen.get(at).values());
            if (linear.hasBias()) {
                float[] b = chosen.get(at + 1).values();
                double[] target = linear.bias().values();
                for (int j = 0; j < b.length; j++) {
                    target[j] = b[j];
                }
            }
        }
    }

    private int indexOfWeight(int linearIndex) {
        int at = 0;
        for (int l = 0; l < linearIndex; l++) {
            at += linears.get(l).hasBias() ? 2 : 1;
        }
        return at;
    }

    /** The spec this network was built from. */
    public ModelSpec spec() {
        return spec;
    }

    /** The training loss. */
    public LossKind lossKind() {
        return lossKind;
    }

    /** The layers in order, the head's activation included when the loss needs it. */
    public List<Layer> layers() {
        return layers;
    }

    /** The loss object the network trains with. */
    public Loss loss() {
        return loss;
    }

    /** Values per input sample (C·H·W of an image, features of a table). */
    public int inputSize() {
        return inputSize;
    }

    /** Classes predicted: the softmax width, or 2 for one sigmoid unit. */
    public int classCount() {
        return classCount;
    }

    /** Trainable values (weights and biases). */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /** Every trainable parameter, layer by layer, weight before bias. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (Linear l : linears) {
            out.addAll(l.parameters());
        }
        return out;
    }

    /** The dense layers in order. */
    public List<Linear> linearLayers() {
        return linears;
    }

    /**
     * Copies of every parameter as float, in layer order, named as the class comment says; weights
     * in DJL's {@code (units, inputs)} layout.
     */
    public List<ParameterValues> parameterValues() {
        List<ParameterValues> out = new ArrayList<>();
        for (int l = 0; l < linears.size(); l++) {
            Linear linear = linears.get(l);
            String prefix = String.format("%02dLinear_", linearPositions.get(l));
            out.add(
                    new ParameterValues(
                            prefix + "weight",
                            new int[] {linear.outputSize(), linear.inputSize()},
                            linear.weightsByUnit()));
            if (linear.hasBias()) {
                double[] b = linear.bias().values();
                float[] f = new float[b.length];
                for (int j = 0; j < b.length; j++) {
                    f[j] = (float) b[j];
                }
                out.add(new ParameterValues(prefix + "bias", new int[] {b.length}, f));
            }
        }
        return out;
    }

    /** A copy of the first dense layer's weights, {@code (units, inputs)}. */
    public ParameterValues firstLayerWeights() {
        Linear first = linears.get(0);
        return new ParameterValues(
                String.format("%02dLinear_weight", linearPositions.get(0)),
                new int[] {first.outputSize(), first.inputSize()},
                first.weightsByUnit());
    }

    /**
     * Runs the batch through every layer and returns the mean loss; keeps what {@link #backward},
     * {@link #lastPredictions} and {@link #lastProbabilities} need.
     *
     * @param inputs {@code n × inputSize()} values (images scaled to [0, 1])
     * @param labels true class per sample
     */
    public double forwardLoss(double[] inputs, int[] labels, int n) {
        double[] values = forward(inputs, n);
        return loss.forward(values, labels, n);
    }

    /** The last layer's values for a batch (scores, or probabilities when the head is a layer). */
    public double[] forward(double[] inputs, int n) {
        double[] values = inputs;
        for (Layer layer : layers) {
            values = layer.forward(values, n);
        }
        lastValues = values;
        lastCount = n;
        return values;
    }

    /** Back-propagates the loss of the last {@link #forwardLoss}, setting every gradient. */
    public void backward() {
        double[] gradient = loss.backward();
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(gradient, lastCount, i > 0);
        }
    }

    /** One SGD step on the gradients of the last {@link #backward} ({@link Sgd#step}). */
    public void step(double learningRate, double weightDecay) {
        Sgd.step(parameters(), learningRate, weightDecay);
    }

    /** Class probabilities of the last forward pass, {@code n × classCount()}. */
    public double[] lastProbabilities() {
        int n = lastCount;
        double[] v = lastValues;
        double[] p = new double[n * classCount];
        if (output == OutputActivation.SIGMOID) {
            for (int i = 0; i < n; i++) {
                double y = headInLayers ? v[i] : Sigmoid.of(v[i]);
                p[2 * i] = 1 - y;
                p[2 * i + 1] = y;
            }
        } else if (headInLayers) {
            System.arraycopy(v, 0, p, 0, p.length);
        } else {
            for (int i = 0; i < n; i++) {
                Softmax.of(v, p, i * classCount, classCount);
            }
        }
        return p;
    }

    /** Predicted class per sample of the last forward pass: the most probable (ties: lowest). */
    public int[] lastPredictions() {
        int n = lastCount;
        int[] out = new int[n];
        double[] v = lastValues;
        if (output == OutputActivation.SIGMOID) {
            double threshold = headInLayers ? 0.5 : 0.0;
            for (int i = 0; i < n; i++) {
                out[i] = v[i] >= threshold ? 1 : 0;
            }
            return out;
        }
        // softmax is monotonic: the largest score is the largest probability
        for (int i = 0; i < n; i++) {
            int best = 0;
            int row = i * classCount;
            for (int j = 1; j < classCount; j++) {
                if (v[row + j] > v[row + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Class probabilities, {@code n × classCount()}, of a batch of inputs. */
    public double[] probabilities(double[] inputs, int n) {
        forward(inputs, n);
        return lastProbabilities();
    }

    /**
     * Class probabilities for a batch, as float.
     *
     * @param inputsBatch {@code n × inputSize()} values as the network sees them: image pixels
     *     scaled to [0, 1] (value / 255), table features as they were in training (standardised, if
     *     they were)
     * @return {@code n × classCount()} probabilities, row-major; for one sigmoid unit {@code [1 −
     *     p, p]} per sample
     */
    public float[] predict(float[] inputsBatch, int n) {
        if (n < 1 || inputsBatch.length != (long) n * inputSize) {
            throw new IllegalArgumentException(
                    inputsBatch.length + " inputs for " + n + " samples of " + inputSize);
        }
        double[] x = new double[inputsBatch.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputsBatch[i];
        }
        return toFloat(probabilities(x, n));
    }

    /**
     * Class probabilities of every sample, {@code size × classCount()}, with the training loop's
     * input conversion (images scaled by 1/255), in batches of 512.
     */
    public float[] predict(Samples samples) {
        float[] out = new float[samples.size() * classCount];
        for (int from = 0; from < samples.size(); from += 512) {
            int to = Math.min(samples.size(), from + 512);
            double[] p = probabilities(Batches.inputs(samples, null, from, to), to - from);
            for (int i = 0; i < p.length; i++) {
                out[from * classCount + i] = (float) p[i];
            }
        }
        return out;
    }

    static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Ends the threads the network created itself (none when built with given workers). */
    @Override
    public void close() {
        if (ownedWorkers != null) {
            ownedWorkers.close();
        }
    }
}
