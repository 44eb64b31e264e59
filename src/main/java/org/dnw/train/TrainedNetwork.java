package org.dnw.train;

import org.dnw.data.Samples;
import org.dnw.spec.ModelSpec;

/**
 * A trained network of either engine, ready to predict. Implementations are safe to call from any
 * thread, one call at a time. Close it to free its memory.
 */
public interface TrainedNetwork extends AutoCloseable {

    ModelSpec spec();

    /** Number of classes of the output. */
    default int classCount() {
        return spec().output().classes();
    }

    /** True when the output is one sigmoid unit (probabilities [1 − p, p]). */
    default boolean isSigmoid() {
        return spec().output().activation() == org.dnw.spec.OutputActivation.SIGMOID;
    }

    /**
     * Class probabilities of {@code count} samples.
     *
     * @param inputs {@code count · C·H·W} values, images scaled to [0, 1], channel-first
     * @return {@code count × classCount} probabilities, row-major
     */
    float[] probabilities(float[] inputs, int count);

    /** Class probabilities of every sample, {@code size × classCount}, row-major. */
    float[] probabilities(Samples samples);

    /**
     * Every layer's output for one input, in spec order, in inference mode; the last is the output
     * layer's logits (before softmax or sigmoid).
     *
     * @param input one sample, {@code C·H·W} values scaled as for {@link #probabilities(float[],
     *     int)}
     * @throws UnsupportedOperationException when the engine cannot show its layers (the
     *     from-scratch engine); the message is one sentence
     */
    default java.util.List<LayerActivation> activations(float[] input) {
        throw new UnsupportedOperationException(
                "the layers of a network trained by this engine cannot be inspected yet;"
                        + " train it with the DJL engine");
    }

    /**
     * Why the network gives {@code classIndex} its score for {@code input}: the gradient of the
     * class's logit with respect to the input, and Grad-CAM on the last convolution layer (absent,
     * with a sentence, when there is none). Inference mode; changes nothing in the network.
     *
     * @param input one sample, {@code C·H·W} values scaled as for {@link #probabilities(float[],
     *     int)}
     * @param classIndex the class to explain, 0 ≤ classIndex &lt; {@link #classCount()}
     * @throws IllegalArgumentException when {@code input} is not one sample's size or the class is
     *     out of range
     * @throws UnsupportedOperationException when the engine cannot compute gradients for it (the
     *     from-scratch engine); the message is one sentence
     */
    default InputSaliency saliency(float[] input, int classIndex) {
        throw new UnsupportedOperationException(
                "why a network trained by this engine answers as it does cannot be shown yet;"
                        + " train it with the DJL engine");
    }

    @Override
    void close();
}
