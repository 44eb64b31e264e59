package org.dnw.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.dnw.data.Samples;
import org.dnw.spec.ModelSpec;

/**
 * What the one {@link EngineTrainingLoop} needs from an engine: build a network, train one batch,
 * evaluate one batch, read weights, save the parameters, free what it holds. The loop owns
 * everything else (epochs, batches, shuffling, augmentation, pause/cancel, divergence, weight
 * captures, evaluation and the order of events).
 *
 * <p>The implementations live side by side in {@code org.dnw.engine.djl} and {@code
 * org.dnw.engine.scratch}. This contract lives here, below them, because its vocabulary ({@link
 * Hyperparameters}, {@link ParameterValues}) is the training layer's, which the user interface
 * shares; the engines depend on it and {@code train} never imports an engine.
 *
 * <p>One instance trains one run: created, used and closed on the run's own thread, in this order:
 * {@link #build}, then (to resume a run) {@link #loadState}, then any number of {@link
 * #beginEpoch}/{@link #trainBatch}/{@link #evaluateBatch}/weight reads/{@link #saveState}, then at
 * most one {@link #save}, then {@link #close}. Not thread-safe.
 */
public interface TrainingEngine extends AutoCloseable {

    /**
     * Refuses a request this engine cannot train, before anything is built.
     *
     * @throws Refused with the sentence for the user; nothing when it can train it
     */
    default void check(TrainingRequest request) {}

    /**
     * Builds and initialises the network on the calling (training) thread, its weights drawn from
     * {@code hyperparameters.seed()}.
     *
     * @param batchSize the largest batch {@link #trainBatch} will see, ≥ 1
     * @throws IOException or a runtime exception when the engine cannot start; {@link #failure}
     *     says why
     */
    void build(ModelSpec spec, Hyperparameters hyperparameters, int batchSize) throws IOException;

    /** Trainable values in the built network. */
    long parameterCount();

    /** The device, in words, for {@link TrainingEvent.RunStarted#device()}. */
    String device();

    /** Library and machine versions for {@link TrainingEvent.RunStarted#environment()}. */
    Map<String, String> environment();

    /**
     * The machine part every engine's {@link #environment()} holds, in this order: "java" (version
     * and vendor) and "os" (name, version, architecture). A fresh, modifiable map.
     */
    static Map<String, String> platform() {
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
        return env;
    }

    /**
     * The seed of the generator that shuffles the training order each epoch; each engine keeps its
     * own, so that a run gives the same numbers as before the loop was shared.
     */
    long shuffleSeed(long seed);

    /** Classes the network tells apart: the length of one row of probabilities. */
    int classCount();

    /**
     * One optimiser step on the samples {@code order[from] .. order[from + count - 1]}.
     *
     * @param augment applied to the engine's input buffer (NCHW floats in [0, 1], {@code count}
     *     images) before the step; null for none
     * @param learningRate the step size for this batch
     * @return the batch's mean loss (before the step) and its correct predictions
     */
    BatchResult trainBatch(
            Samples samples,
            int[] order,
            int from,
            int count,
            ObjIntConsumer<float[]> augment,
            double learningRate);

    /**
     * Loss and predictions for the samples {@code from .. from + count - 1} without training.
     *
     * @param details also return each sample's predicted class and class probabilities
     */
    EvaluatedBatch evaluateBatch(Samples samples, int from, int count, boolean details);

    /** The first weight matrix (a dense layer's (units, inputs), a convolution's kernels). */
    ParameterValues firstWeights();

    /**
     * Every layer's output for one sample, in inference mode (dropout off, batch norm with its
     * running statistics), as {@link TrainedNetwork#activations} gives them; called by the loop
     * between batches when the run's {@link RunControl#probe()} is set.
     *
     * @param input one sample, {@code C·H·W} values in [0, 1] (images) as the training batches
     * @throws UnsupportedOperationException when the engine cannot show its layers; the message is
     *     one sentence
     */
    default List<LayerActivation> activations(float[] input) {
        throw new UnsupportedOperationException(
                "the layers of a network trained by this engine cannot be inspected yet;"
                        + " train it with the DJL engine");
    }

    /** Every parameter, in the network's order. */
    List<ParameterValues> parameters();

    /**
     * The weights (not the bias) of the weighted layer at {@code position} (1-based, in the spec),
     * copied; null when that layer has no weights or the engine cannot tell its layers apart. Only
     * that one layer is copied, so a live view of a deep layer stays cheap.
     */
    default ParameterValues layerWeights(int position) {
        return null;
    }

    /**
     * Like {@link #layerWeights(int)}, but only the first {@code maxRows} filters (or units) are
     * copied, so that a live view of a wide dense layer never copies its whole matrix at every
     * capture. The shape says how many rows came.
     */
    default ParameterValues layerWeights(int position, int maxRows) {
        ParameterValues all = layerWeights(position);
        if (all == null || all.shape().length == 0 || all.shape()[0] <= maxRows) {
            return all;
        }
        int[] shape = all.shape().clone();
        int per = all.values().length / shape[0];
        shape[0] = maxRows;
        return new ParameterValues(
                all.name(), shape, java.util.Arrays.copyOf(all.values(), maxRows * per));
    }

    /**
     * Asks the engine to keep, during the next {@link #trainBatch}, each weighted layer's weights
     * before the optimiser step and the loss's gradient with respect to them, for {@link
     * #watchedStep}. The loop asks for the epoch's last batch only: one copy of the weights an
     * epoch.
     */
    default void watchNextStep() {}

    /**
     * What the step watched after {@link #watchNextStep} kept; null when the engine does not
     * measure its layers (then the loop reports no {@link TrainingEvent.LayersMeasured}).
     */
    default WatchedStep watchedStep() {
        return null;
    }

    /**
     * Which ReLU units fired (were above 0) for at least one of the samples {@code 0 .. count - 1},
     * in inference mode: for every ReLU layer, by its 1-based spec position, one flag per channel
     * (an image-shaped output) or per unit (a vector). Empty when the engine cannot tell.
     */
    default Map<Integer, boolean[]> reluFiring(Samples samples, int count) {
        return Map.of();
    }

    /**
     * An exact copy of every parameter's current values (and any running statistics the network
     * keeps), held in memory for {@link #restoreParameters}; used by early stopping to keep the
     * best epoch. Cheap next to an epoch: one copy of the weights.
     */
    ParameterSnapshot snapshotParameters();

    /**
     * Puts back the values of {@code snapshot}, taken from this engine's built network by {@link
     * #snapshotParameters}; what is evaluated, read and saved afterwards is that network.
     */
    void restoreParameters(ParameterSnapshot snapshot);

    /**
     * Called by the loop at the start of every epoch, before its first batch. Engines whose forward
     * pass draws random numbers (dropout) reseed that generator from {@code (seed, epoch)} for
     * epochs ≥ 2, so that a run resumed from a checkpoint draws what an uninterrupted one draws
     * (PyTorch's generator state cannot be saved through DJL). Epoch 1 keeps the draws of the
     * build's seed, and a network without dropout draws nothing, so its numbers are unchanged.
     *
     * @param seed the run's seed
     * @param epoch 1-based
     */
    default void beginEpoch(long seed, int epoch) {}

    /**
     * Writes the whole training state into {@code folder} (existing and empty): every parameter
     * with any running statistics (BatchNorm), and the optimiser's state (Adam's moment estimates
     * and per-parameter update counts, momentum buffers), exactly, in {@link EngineStateFiles}'
     * format. Together with the loop's own state, {@link #loadState} on a freshly built engine then
     * trains on with the very same numbers.
     */
    void saveState(Path folder) throws IOException;

    /**
     * Puts back a state written by {@link #saveState} of an engine built with the same spec and
     * hyperparameters; called right after {@link #build}, before the first batch.
     *
     * @throws IOException when the files are missing, unreadable or do not fit the network
     */
    void loadState(Path folder) throws IOException;

    /** Writes {@code snapshot} (from {@link #snapshotParameters}) exactly into {@code file}. */
    void saveSnapshot(ParameterSnapshot snapshot, Path file) throws IOException;

    /**
     * Reads a snapshot written by {@link #saveSnapshot}, for {@link #restoreParameters} on this
     * (built) engine.
     */
    ParameterSnapshot loadSnapshot(Path file) throws IOException;

    /** Saves the trained parameters in {@code folder}, in the engine's own format. */
    void save(Path folder) throws IOException;

    /**
     * The sentence for a run that stopped on {@code error} at {@code epoch}, {@code batch}; null
     * when the error is not the engine's to describe (the loop then rethrows it).
     */
    Failure failure(Throwable error, int epoch, int batch);

    /** Frees native memory and threads; the loop calls it before the terminal event. */
    @Override
    void close();

    /**
     * @param meanLoss the batch's mean loss
     * @param correct samples whose predicted class was the true class
     */
    record BatchResult(double meanLoss, long correct) {}

    /**
     * @param meanLoss the mean loss over the batch
     * @param correct correct predictions
     * @param predicted each sample's predicted class, or null without details
     * @param probabilities {@code count × classCount()} probabilities, or null without details
     */
    record EvaluatedBatch(double meanLoss, long correct, int[] predicted, float[] probabilities) {}

    /**
     * One watched optimiser step, by the 1-based spec position of each weighted layer.
     *
     * @param before the layer's weights just before the step
     * @param gradients the loss's gradient with respect to them, same length
     */
    record WatchedStep(Map<Integer, float[]> before, Map<Integer, float[]> gradients) {
        public WatchedStep {
            before = Map.copyOf(before);
            gradients = Map.copyOf(gradients);
        }
    }

    /**
     * A copy of an engine's parameters, opaque to the loop; only the engine that took it reads it.
     */
    interface ParameterSnapshot {}

    /** Why a run failed and what to try, for {@link TrainingEvent.RunFailed}. */
    record Failure(String reason, String advice) {}

    /**
     * What an engine cannot do with a request, said before the run starts.
     *
     * @see TrainingLoop#problems(TrainingRequest)
     */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String advice;

        /**
         * @param reason the sentence shown as the failure's reason
         * @param advice what to try
         */
        public Refused(String reason, String advice) {
            super(reason);
            this.advice = advice;
        }

        /** What to try. */
        public String advice() {
            return advice;
        }
    }
}
