package org.dnw.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

class KernelGridImageTest {

    /** Six 5×5 grey kernels; kernel k holds (i − 12)·(k + 1)³ for weight i, row-major. */
    static float[] convValues() {
        float[] v = new float[6 * 25];
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < 25; i++) {
                v[k * 25 + i] = (i - 12) * (float) Math.pow(k + 1, 3);
            }
        }
        return v;
    }

    @Test
    void greyConvGridHasTheExpectedPixelSize() {
        BufferedImage img =
                KernelGridImage.render(new int[] {6, 1, 5, 5}, convValues(), Shape.image(1, 9, 9));

        // 13 px per weight (5 × 13 ≥ 64), 6 px gaps, 3 columns × 2 rows of 65 px tiles
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getWidth()).isEqualTo(3 * 65 + 4 * 6);
        assertThat(img.getHeight()).isEqualTo(2 * 65 + 3 * 6);
    }

    @Test
    void eachKernelsMinimumIsBlackAndMaximumWhiteIndependently() {
        BufferedImage img =
                KernelGridImage.render(new int[] {6, 1, 5, 5}, convValues(), Shape.image(1, 9, 9));

        for (int k = 0; k < 6; k++) {
            int x0 = 6 + (k % 3) * 71;
            int y0 = 6 + (k / 3) * 71;
            // weight (0, 0) is the kernel's minimum, (4, 4) its maximum, (2, 2) the midpoint
            assertThat(grey(img, x0, y0)).as("kernel %d min", k).isZero();
            assertThat(grey(img, x0 + 12, y0 + 12)).as("kernel %d min, last pixel", k).isZero();
            assertThat(grey(img, x0 + 4 * 13, y0 + 4 * 13)).as("kernel %d max", k).isEqualTo(255);
            assertThat(grey(img, x0 + 2 * 13 + 6, y0 + 2 * 13 + 6)).isEqualTo(128);
            // (0, 1) is weight 1: 1/24 of the range
            assertThat(grey(img, x0 + 13, y0)).isEqualTo(Math.round(255f / 24));
        }
        assertThat(grey(img, 0, 0)).isEqualTo(KernelGridImage.BACKGROUND);
        assertThat(grey(img, 6 + 65, 10)).isEqualTo(KernelGridImage.BACKGROUND);
    }

    @Test
    void threeInputChannelsMakeRgbTiles() {
        // 2 kernels of 3 × 2 × 2: kernel 0 is R = 1, G = 0, B = 0.5 everywhere
        float[] v = new float[2 * 12];
        for (int i = 0; i < 4; i++) {
            v[i] = 1f;
            v[4 + i] = 0f;
            v[8 + i] = 0.5f;
        }
        for (int i = 12; i < 24; i++) {
            v[i] = i;
        }
        BufferedImage img = KernelGridImage.render(new int[] {2, 3, 2, 2}, v, null);

        // 32 px per weight, 16 px gaps, 2 tiles of 64 px side by side
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(img.getWidth()).isEqualTo(2 * 64 + 3 * 16);
        assertThat(img.getHeight()).isEqualTo(64 + 2 * 16);
        assertThat(img.getRGB(16, 16) & 0xFFFFFF).isEqualTo(0xFF0080);
        // kernel 1: its first weight (R, value 12) is the minimum, its last (B, value 23) the max
        int x1 = 16 + 64 + 16;
        assertThat(img.getRGB(x1, 16) & 0xFFFFFF)
                .isEqualTo(rgb(0, level(16, 12, 23), level(20, 12, 23)));
        assertThat(img.getRGB(x1 + 63, 16 + 63) & 0xFF).isEqualTo(255);
    }

    @Test
    void denseWeightsOnImageInputAreReshapedToTheImage() {
        // 2 units × 16 inputs on a 1 × 4 × 4 image; unit u's weight j is j
        float[] v = new float[32];
        for (int i = 0; i < 32; i++) {
            v[i] = i % 16;
        }
        BufferedImage img = KernelGridImage.render(new int[] {2, 16}, v, Shape.image(1, 4, 4));

        // 16 px per weight, 8 px gaps, two 64 px tiles
        assertThat(img.getWidth()).isEqualTo(2 * 64 + 3 * 8);
        assertThat(img.getHeight()).isEqualTo(64 + 2 * 8);
        assertThat(grey(img, 8, 8)).isZero();
        assertThat(grey(img, 8 + 3 * 16, 8 + 3 * 16)).isEqualTo(255);
        // weight 4 is row 1, column 0
        assertThat(grey(img, 8, 8 + 16)).isEqualTo(68);
    }

    @Test
    void denseWeightsOnTableInputAreStackedStrips() {
        BufferedImage img = KernelGridImage.render(new int[] {3, 7}, ramp(21), Shape.flat(7));

        // 10 px per weight (7 × 10 ≥ 64), 5 px gaps, 3 strips of 70 × 10 in one column
        assertThat(img.getWidth()).isEqualTo(70 + 2 * 5);
        assertThat(img.getHeight()).isEqualTo(3 * 10 + 4 * 5);
        assertThat(grey(img, 5, 5)).isZero();
        assertThat(grey(img, 5 + 69, 5 + 9)).isEqualTo(255);
    }

    @Test
    void constantKernelIsMidGrey() {
        BufferedImage img = KernelGridImage.render(new int[] {1, 1, 2, 2}, new float[4], null);

        assertThat(grey(img, img.getWidth() / 2, img.getHeight() / 2)).isEqualTo(128);
    }

    @Test
    void wideLayersAreScaledDownToStayUnderTheImageLimit() {
        int[] shape = {512, 3072};
        Shape cifar = Shape.image(3, 32, 32);

        int s = KernelGridImage.pixelsPerWeight(shape, 512 * 3072, cifar);

        // 23 × 23 tiles of 32 weights: 8 px would give 5984² pixels; 5 px gives 3728²
        assertThat(s).isEqualTo(5);
        assertThat(KernelGridImage.pixelsPerWeight(new int[] {32, 1, 5, 5}, 800, null))
                .isEqualTo(13);
        assertThat(
                        KernelGridImage.pixelsPerWeight(
                                new int[] {10, 784}, 7840, Shape.image(1, 28, 28)))
                .isEqualTo(8);
    }

    @Test
    void pngRoundTripKeepsSizeAndLevels() throws IOException {
        BufferedImage img =
                KernelGridImage.render(new int[] {6, 1, 5, 5}, convValues(), Shape.image(1, 9, 9));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(back.getWidth()).isEqualTo(img.getWidth());
        assertThat(back.getHeight()).isEqualTo(img.getHeight());
        assertThat(back.getRaster().getSample(6, 6, 0)).isZero();
        assertThat(back.getRaster().getSample(6 + 52, 6 + 52, 0)).isEqualTo(255);
    }

    @Test
    void rejectsValuesThatDoNotMatchTheShape() {
        assertThatThrownBy(() -> KernelGridImage.render(new int[] {2, 3}, new float[5], null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KernelGridImage.render(new int[] {}, new float[1], null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    private static int level(float v, float min, float max) {
        return Math.round((v - min) / (max - min) * 255);
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.5f - 3;
        }
        return v;
    }

    @Test
    void meanOverChannelsAveragesEachFiltersChannels() {
        // 2 filters of 2 channels of 1 × 2: filter 0 = [1, 3] and [3, 5], filter 1 = [0, 0], [2, 4]
        float[] v = {1, 3, 3, 5, 0, 0, 2, 4};

        assertThat(KernelGridImage.meanOverChannels(2, 2, 2, v)).containsExactly(2f, 4f, 1f, 2f);
        assertThatThrownBy(() -> KernelGridImage.meanOverChannels(2, 3, 2, v))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeeperLayersFiltersShowTheirChannelsSideBySideOrTheirMean() {
        int[] shape = {4, 6, 3, 3};
        float[] v = new float[4 * 6 * 9];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i);
        }
        BufferedImage sideBySide = KernelGridImage.render(shape, v, null, false);
        BufferedImage mean = KernelGridImage.render(shape, v, null, true);

        // side by side: one row per filter, one tile per channel; mean: one tile per filter
        int s = KernelGridImage.pixelsPerWeight(shape, v.length, null);
        int gap = Math.max(2, s / 2);
        assertThat(sideBySide.getWidth()).isEqualTo(6 * 3 * s + 7 * gap);
        assertThat(sideBySide.getHeight()).isEqualTo(4 * 3 * s + 5 * gap);
        assertThat(mean.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(mean.getWidth()).isEqualTo(2 * 3 * s + 3 * gap);
        assertThat(mean.getHeight()).isEqualTo(2 * 3 * s + 3 * gap);
    }

    @Test
    void theMeanOfAnRgbDenseUnitIsOneGreyImage() {
        float[] v = new float[2 * 3 * 4 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7;
        }
        BufferedImage colour =
                KernelGridImage.render(new int[] {2, 48}, v, Shape.image(3, 4, 4), false);
        BufferedImage grey =
                KernelGridImage.render(new int[] {2, 48}, v, Shape.image(3, 4, 4), true);

        assertThat(colour.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(grey.getWidth()).isEqualTo(colour.getWidth());
    }
}
