package org.dnw.ui.tryit;

import java.util.List;
import org.dnw.data.DigitPreprocessor;
import org.dnw.spec.Shape;
import org.dnw.train.InputSaliency;

/**
 * A trained network that classifies one picture at a time, as the Try-it tab needs it. The
 * application implements it with the engine (a predictor over the model of a finished or opened
 * run); tests with fakes.
 *
 * <p>Threading: {@link #probabilities} and {@link #close} are called on the Try-it view model's
 * background executor, one call at a time, never on the FX thread. The other methods may be called
 * on any thread and must be cheap.
 */
public interface Classifier extends AutoCloseable {

    /** Class names, index = class; as many as {@link #probabilities} returns. */
    List<String> classNames();

    /** The network's input shape, C × H × W (an image shape, e.g. 1 × 28 × 28). */
    Shape inputShape();

    /** The data set the network was trained on, e.g. "MNIST"; decides the preprocessing. */
    String datasetName();

    /**
     * The network's output probabilities for one picture.
     *
     * @param uint8Image {@link #inputShape()} unsigned bytes (0–255), channel-first, row-major, as
     *     in the training data (the implementation scales them as training did)
     * @return one probability per class, summing to 1 (softmax applied)
     * @throws Exception when the network cannot run; its message is shown to the user
     */
    float[] probabilities(byte[] uint8Image) throws Exception;

    /**
     * Why the network gives class {@code classIndex} its score for one picture: saliency and
     * Grad-CAM (see {@link InputSaliency}). Called like {@link #probabilities}.
     *
     * @param uint8Image as for {@link #probabilities}
     * @throws Exception when the network cannot say (e.g. its engine computes no gradients); its
     *     message is shown to the user
     */
    default InputSaliency explain(byte[] uint8Image, int classIndex) throws Exception {
        throw new UnsupportedOperationException(
                "this network cannot show why it answers as it does");
    }

    /** What the tab says it is using, e.g. "seed-cnn trained on MNIST (run 20260301-101500)". */
    default String description() {
        return "the network trained on " + datasetName();
    }

    /** How pictures are prepared: centred like MNIST digits, or resized to the input. */
    default DigitPreprocessor.Mode preprocessing() {
        return DigitPreprocessor.Mode.forDataset(datasetName(), inputShape());
    }

    /**
     * Frees the network (e.g. the engine's predictor and model); called on the background executor
     * when another replaces it. Throws nothing checked, so that closing cannot be interrupted.
     */
    @Override
    default void close() {}
}
