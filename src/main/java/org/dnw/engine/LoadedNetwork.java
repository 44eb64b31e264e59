package org.dnw.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.data.Samples;
import org.dnw.spec.ModelSpec;
import org.dnw.train.InputSaliency;
import org.dnw.train.LayerActivation;
import org.dnw.train.TrainedNetwork;

/**
 * A trained network loaded back from the DJL params in a run folder, for prediction. The block is
 * rebuilt from the spec (so names and order match those saved) and the parameters loaded into it.
 * Methods are synchronized: use it from any thread, one call at a time. Close it to free its native
 * memory.
 */
public final class LoadedNetwork implements TrainedNetwork {

    /** Prefix of the params file the training loop writes: {@code model-0000.params}. */
    public static final String MODEL_NAME = "model";

    private final Model model;
    private final ModelSpec spec;
    private final boolean sigmoid;
    private final int classCount;
    private final int sampleSize;

    private LoadedNetwork(Model model, ModelSpec spec) {
        this.model = model;
        this.spec = spec;
        this.sigmoid = Logits.isSigmoid(spec);
        this.classCount = spec.output() == null ? 0 : spec.output().classes();
        this.sampleSize = (int) spec.input().size();
    }

    /**
     * Loads {@code folder/model-NNNN.params} into a network built from {@code spec}.
     *
     * @throws IOException with a sentence when the folder has no params file or they do not match
     *     the spec (a damaged or foreign run)
     */
    public static LoadedNetwork load(ModelSpec spec, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        SequentialBlock block = BlockFactory.build(spec);
        Device device = EngineSetup.device();
        Model model = Model.newInstance(MODEL_NAME, device, "PyTorch");
        try {
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    BlockFactory.batchShape(spec.input(), 1));
            model.load(folder, MODEL_NAME);
            return new LoadedNetwork(model, spec);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(
                    "the saved network in "
                            + folder.getFileName()
                            + " cannot be loaded ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage())
                            + ")",
                    e);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Number of classes of the output. */
    public int classCount() {
        return classCount;
    }

    /**
     * Class probabilities of {@code count} samples.
     *
     * @param inputs {@code count · C·H·W} values in the engine's layout (see {@link BatchFiller})
     * @return {@code count × classCount} probabilities, row-major
     */
    public synchronized float[] probabilities(float[] inputs, int count) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x =
                    batch.create(
                            inputs.length == (long) count * sampleSize
                                    ? inputs
                                    : java.util.Arrays.copyOf(inputs, count * sampleSize),
                            BlockFactory.batchShape(spec.input(), count));
            NDList out =
                    model.getBlock()
                            .forward(new ParameterStore(batch, false), new NDList(x), false);
            return Logits.probabilities(out.singletonOrThrow(), sigmoid).toFloatArray();
        }
    }

    /**
     * Class probabilities of every sample, in batches of 256.
     *
     * @return {@code samples.size() × classCount} probabilities, row-major
     */
    public synchronized float[] probabilities(Samples samples) {
        int n = samples.size();
        float[] all = new float[n * classCount];
        int batchSize = 256;
        float[] buffer = new float[batchSize * sampleSize];
        long[] labels = new long[batchSize];
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            BatchFiller.fill(samples, null, from, count, buffer, labels);
            float[] p = probabilities(buffer, count);
            System.arraycopy(p, 0, all, from * classCount, count * classCount);
        }
        return all;
    }

    /**
     * Every layer's output for one sample: the block's children run one after another in inference
     * mode, each output copied to a {@code float[]}; all native memory is freed before returning.
     *
     * @param input {@code C·H·W} values in the engine's layout (see {@link BatchFiller})
     * @return one entry per layer of the spec, in order; the last holds the logits
     * @throws IllegalArgumentException when {@code input} is not one sample's size
     */
    @Override
    public synchronized List<LayerActivation> activations(float[] input) {
        return LayerOutputs.of(model.getBlock(), model.getNDManager(), spec, input);
    }

    /**
     * Input gradients of the class's logit and Grad-CAM on the last convolution layer, with PyTorch
     * autograd in inference mode (see {@link SaliencyPass}); the parameters are not changed.
     *
     * @param input {@code C·H·W} values in the engine's layout (see {@link BatchFiller})
     * @throws IllegalArgumentException when {@code input} is not one sample's size or the class is
     *     not one of the network's
     */
    @Override
    public synchronized InputSaliency saliency(float[] input, int classIndex) {
        if (input.length != sampleSize) {
            throw new IllegalArgumentException(
                    "one sample has " + sampleSize + " values, not " + input.length);
        }
        if (classIndex < 0 || classIndex >= classCount) {
            throw new IllegalArgumentException(
                    "class "
                            + classIndex
                            + " is not one of the network's 0 to "
                            + (classCount - 1));
        }
        return SaliencyPass.run(
                model.getBlock().getChildren().values(),
                model.getNDManager(),
                spec,
                input,
                classIndex);
    }

    @Override
    public synchronized void close() {
        model.close();
    }
}
