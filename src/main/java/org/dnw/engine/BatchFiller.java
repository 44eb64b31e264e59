package org.dnw.engine;

import org.dnw.data.ImageSamples;
import org.dnw.data.Samples;
import org.dnw.data.TableSamples;

/**
 * Copies samples into a float buffer for one batch, in the engine's layout: images as N×C×H×W
 * values in [0, 1] (byte / 255), table rows as they are. The data stays uint8 in memory; only one
 * batch is ever converted. Stateless.
 */
public final class BatchFiller {

    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT[i] = i / 255f;
        }
    }

    private BatchFiller() {}

    /** Values per sample: C·H·W for images, the feature count for tables. */
    public static int sampleSize(Samples samples) {
        return (int) samples.inputShape().size();
    }

    /**
     * Fills {@code out} with the samples {@code order[from]..order[from + count - 1]}.
     *
     * @param out at least {@code count · sampleSize} floats; the rest is left as it is
     * @param labels at least {@code count} longs, receives the class indices
     */
    public static void fill(
            Samples samples, int[] order, int from, int count, float[] out, long[] labels) {
        int[] classes = samples.labels();
        if (samples instanceof ImageSamples images) {
            byte[] pixels = images.pixels();
            int n = images.imageBytes();
            for (int i = 0; i < count; i++) {
                int index = order == null ? from + i : order[from + i];
                int src = index * n;
                int dst = i * n;
                for (int k = 0; k < n; k++) {
                    out[dst + k] = UNIT[pixels[src + k] & 0xFF];
                }
                labels[i] = classes[index];
            }
        } else if (samples instanceof TableSamples table) {
            int n = table.featureCount();
            float[] values = table.values();
            for (int i = 0; i < count; i++) {
                int index = order == null ? from + i : order[from + i];
                System.arraycopy(values, index * n, out, i * n, n);
                labels[i] = classes[index];
            }
        }
    }
}
