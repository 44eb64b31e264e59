package org.dnw.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dnw.store.EpochMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvePictureTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static List<EpochMetrics> epochs() {
        return List.of(
                new EpochMetrics(1, 1.2, 0.60, 1.3, 0.55, 0.1, 2),
                new EpochMetrics(2, 0.7, 0.80, 0.9, 0.70, 0.1, 2),
                new EpochMetrics(3, 0.4, 0.90, 0.8, 0.75, 0.1, 2),
                new EpochMetrics(4, 0.3, 0.95, 0.85, 0.78, 0.1, 2));
    }

    @Test
    void drawsEveryEpochsPointsInTheCurvesColours() {
        BufferedImage img = CurvePicture.render(epochs(), "mlp on MNIST");

        assertThat(img.getWidth()).isEqualTo(CurvePicture.WIDTH);
        assertThat(img.getHeight()).isEqualTo(CurvePicture.HEIGHT);
        double[] loss =
                CurvePicture.range(
                        new double[] {1.2, 0.7, 0.4, 0.3},
                        new double[] {1.3, 0.9, 0.8, 0.85},
                        1,
                        false);
        double[] acc =
                CurvePicture.range(
                        new double[] {0.6, 0.8, 0.9, 0.95},
                        new double[] {0.55, 0.7, 0.75, 0.78},
                        100,
                        true);
        // loss axis from 0 to a round number above 1.3; accuracy within 0–100 %
        assertThat(loss[0]).isZero();
        assertThat(loss[1]).isGreaterThanOrEqualTo(1.3).isLessThan(1.6);
        assertThat(acc[0]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(55);
        assertThat(acc[1]).isGreaterThanOrEqualTo(95).isLessThanOrEqualTo(100);
        double[] lossR = {loss[0], loss[1]};
        double[] accR = {acc[0] / 100, acc[1] / 100};
        List<EpochMetrics> e = epochs();
        for (int i = 0; i < 4; i++) {
            int[] t = CurvePicture.pixel(0, i + 1, 4, e.get(i).trainLoss(), lossR);
            int[] v = CurvePicture.pixel(0, i + 1, 4, e.get(i).validationLoss(), lossR);
            int[] ta = CurvePicture.pixel(1, i + 1, 4, e.get(i).trainAccuracy(), accR);
            int[] va = CurvePicture.pixel(1, i + 1, 4, e.get(i).validationAccuracy(), accR);
            assertThat(rgb(img, t))
                    .as("train loss, epoch %d", i + 1)
                    .isEqualTo(CurvePicture.TRAINING.getRGB() & 0xFFFFFF);
            assertThat(rgb(img, v))
                    .as("validation loss, epoch %d", i + 1)
                    .isEqualTo(CurvePicture.VALIDATION.getRGB() & 0xFFFFFF);
            assertThat(rgb(img, ta)).isEqualTo(CurvePicture.TRAINING.getRGB() & 0xFFFFFF);
            assertThat(rgb(img, va)).isEqualTo(CurvePicture.VALIDATION.getRGB() & 0xFFFFFF);
        }
        // a lower loss is drawn lower on the page, at a larger y
        assertThat(CurvePicture.pixel(0, 4, 4, 0.3, lossR)[1])
                .isGreaterThan(CurvePicture.pixel(0, 1, 4, 1.2, lossR)[1]);
        // the axes are drawn: the y axis of the loss panel is dark
        int axisX = CurvePicture.LEFT;
        int midY =
                (CurvePicture.TITLE_HEIGHT
                                + CurvePicture.TOP
                                + CurvePicture.HEIGHT
                                - CurvePicture.BOTTOM)
                        / 2;
        assertThat(brightness(img.getRGB(axisX, midY))).isLessThan(120);
    }

    @Test
    void theLegendGoesWhereTheCurvesAreNot() {
        double[] rising = new double[10];
        double[] falling = new double[10];
        for (int i = 0; i < 10; i++) {
            rising[i] = 0.5 + 0.05 * i;
            falling[i] = 1.0 - 0.09 * i;
        }
        int w = 120;
        int h = 52;
        int right = 2 * CurvePicture.PANEL_WIDTH - CurvePicture.RIGHT - w - 10;
        int bottom = CurvePicture.HEIGHT - CurvePicture.BOTTOM - h - 10;
        int top = CurvePicture.TITLE_HEIGHT + CurvePicture.TOP + 8;

        // accuracy rising into the top right corner: the legend moves to the bottom right
        assertThat(
                        CurvePicture.legendBox(
                                1,
                                10,
                                new double[][] {rising, null},
                                new double[] {0.5, 1.0},
                                w,
                                h))
                .containsExactly(right, bottom);
        // loss falling from the top left to the bottom right: the top right corner is free
        assertThat(
                        CurvePicture.legendBox(
                                0, 10, new double[][] {falling, null}, new double[] {0, 1.0}, w, h))
                .containsExactly(right - CurvePicture.PANEL_WIDTH, top);
    }

    @Test
    void withoutValidationThereIsNoOrangeAnywhere() {
        double nan = Double.NaN;
        BufferedImage img =
                CurvePicture.render(
                        "no validation",
                        new double[] {1.0, 0.5},
                        new double[] {nan, nan},
                        new double[] {0.5, 0.9},
                        null);

        int orange = CurvePicture.VALIDATION.getRGB() & 0xFFFFFF;
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y) & 0xFFFFFF;
                assertThat(c).isNotEqualTo(orange);
                if (c == (CurvePicture.TRAINING.getRGB() & 0xFFFFFF)) {
                    blue++;
                }
            }
        }
        assertThat(blue).isGreaterThan(100);
    }

    @Test
    void oneEpochIsOnePointInTheMiddle() {
        BufferedImage img = CurvePicture.render(List.of(epochs().get(0)), "one");
        double[] r = CurvePicture.range(new double[] {1.2}, new double[] {1.3}, 1, false);
        int[] p = CurvePicture.pixel(0, 1, 1, 1.2, new double[] {r[0], r[1]});
        int middle = (CurvePicture.LEFT + CurvePicture.PANEL_WIDTH - CurvePicture.RIGHT) / 2;

        assertThat(p[0]).isBetween(middle - 1, middle + 1);
        assertThat(rgb(img, p)).isEqualTo(CurvePicture.TRAINING.getRGB() & 0xFFFFFF);
    }

    @Test
    void writesAReadablePngAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("curves.png");
        CurvePicture.write(file, epochs(), "saved");

        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(CurvePicture.WIDTH);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        // overwriting keeps one file, and a folder that does not exist fails without leftovers
        CurvePicture.write(file, epochs().subList(0, 2), "again");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThatThrownBy(() -> CurvePicture.write(dir.resolve("none/c.png"), epochs(), "x"))
                .isInstanceOf(IOException.class);
    }

    private static int rgb(BufferedImage img, int[] p) {
        return img.getRGB(p[0], p[1]) & 0xFFFFFF;
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
    }
}
