package org.dnw.engine.scratch;

import org.dnw.data.ImageSamples;
import org.dnw.data.Samples;
import org.dnw.data.TableSamples;

/**
 * Turns samples into the engine's input batches: images flattened channel-major (as DJL's flatten
 * of NCHW) and scaled from 0–255 to [0, 1], table rows as they are. Stateless.
 */
final class Batches {

    private Batches() {}

    /**
     * The inputs of samples {@code order[from..to)}, row-major {@code (to − from) × features}.
     *
     * @param order sample indices; null for 0, 1, 2, ...
     */
    static double[] inputs(Samples samples, int[] order, int from, int to) {
        int n = to - from;
        int width = (int) samples.inputShape().size();
        double[] out = new double[n * width];
        if (samples instanceof ImageSamples images) {
            byte[] pixels = images.pixels();
            for (int r = 0; r < n; r++) {
                int s = order == null ? from + r : order[from + r];
                int src = s * width;
                int dst = r * width;
                for (int p = 0; p < width; p++) {
                    int v = pixels[src + p] & 0xFF;
                    // most MNIST pixels are 0: leave them, the array is already zero
                    if (v != 0) {
                        out[dst + p] = v / 255.0;
                    }
                }
            }
        } else {
            float[] values = ((TableSamples) samples).values();
            for (int r = 0; r < n; r++) {
                int s = order == null ? from + r : order[from + r];
                for (int p = 0; p < width; p++) {
                    out[r * width + p] = values[s * width + p];
                }
            }
        }
        return out;
    }

    /** The labels of samples {@code order[from..to)}. */
    static int[] labels(Samples samples, int[] order, int from, int to) {
        int[] all = samples.labels();
        int[] out = new int[to - from];
        for (int r = 0; r < out.length; r++) {
            out[r] = all[order == null ? from + r : order[from + r]];
        }
        return out;
    }
}
