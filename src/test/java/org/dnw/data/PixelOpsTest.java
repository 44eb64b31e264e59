package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PixelOpsTest {

    @Test
    void blurEqualsADirectConvolutionWithExtendedEdges() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] shapes = {{1, 28, 28}, {3, 32, 32}, {1, 5, 7}, {2, 3, 40}};
        for (int[] shape : shapes) {
            for (double sigma : new double[] {0.3, 1, 2.2, 3}) {
                int c = shape[0];
                int h = shape[1];
                int w = shape[2];
                float[] image = new float[5 + c * h * w];
                for (int i = 0; i < image.length; i++) {
                    image[i] = random.nextFloat();
                }
                float[] expected = reference(image, 5, c, h, w, sigma);
                PixelOps.blur(image, 5, c, h, w, sigma, new PixelOps.BlurScratch(h, w, 3));
                for (int i = 0; i < c * h * w; i++) {
                    assertThat(image[5 + i]).isCloseTo(expected[i], within(2e-5f));
                }
            }
        }
    }

    @Test
    void clipIsExactInsideAndAtTheBounds() {
        assertThat(PixelOps.clip(-0.25f)).isEqualTo(0f);
        assertThat(PixelOps.clip(-1e-9f)).isEqualTo(0f);
        assertThat(PixelOps.clip(1.5f)).isEqualTo(1f);
        assertThat(PixelOps.clip(1.0000001f)).isEqualTo(1f);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            float v = random.nextFloat();
            assertThat(PixelOps.clip(v)).isEqualTo(v);
        }
        assertThat(PixelOps.clip(1e-30f)).isEqualTo(1e-30f);
    }

    @Test
    void theNormalTableHasMeanZeroAndUnitVariance() {
        double[] z = new double[1 << 16];
        for (int i = 0; i < z.length; i++) {
            z[i] = PixelOps.inverseNormal((i + 0.5) / z.length);
        }
        assertThat(z[z.length / 2]).isCloseTo(0, within(1e-4));
        assertThat(PixelOps.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(PixelOps.inverseNormal(0.001)).isCloseTo(-3.090232, within(1e-6));
    }

    /** Direct 2D convolution with the product of the two 1D kernels, edges extended. */
    private static float[] reference(
            float[] image, int offset, int channels, int h, int w, double sigma) {
        int r = PixelOps.blurRadius(sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        float[] out = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int dy = -r; dy <= r; dy++) {
                        int yy = Math.max(0, Math.min(h - 1, y + dy));
                        for (int dx = -r; dx <= r; dx++) {
                            int xx = Math.max(0, Math.min(w - 1, x + dx));
                            v +=
                                    k[dy + r]
                                            * k[dx + r]
                                            / (sum * sum)
                                            * image[offset + (c * h + yy) * w + xx];
                        }
                    }
                    out[(c * h + y) * w + x] = (float) v;
                }
            }
        }
        return out;
    }
}
