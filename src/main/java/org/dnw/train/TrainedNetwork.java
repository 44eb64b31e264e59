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

    @Override
    void close();
}
