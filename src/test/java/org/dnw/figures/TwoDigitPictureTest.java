package org.dnw.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dnw.data.ImageSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoDigitPictureTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** 28×28 images, each one uniform grey level {@code greys[i]}. */
    private static ImageSamples uniform(int[] labels, int[] greys) {
        byte[] pixels = new byte[labels.length * 784];
        for (int i = 0; i < labels.length; i++) {
            java.util.Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) greys[i]);
        }
        return new ImageSamples(1, 28, 28, pixels, labels, List.of("3", "8"));
    }

    @Test
    void placesImagesByOutputAndFramesTheMistakesInRed() {
        // a right 3 (0.1), a wrong 3 (0.8), a right 8 (0.9), a wrong 8 (0.3)
        ImageSamples images = uniform(new int[] {0, 0, 1, 1}, new int[] {200, 150, 100, 50});
        float[] outputs = {0.1f, 0.8f, 0.9f, 0.3f};

        BufferedImage img = TwoDigitPicture.render(images, outputs);

        assertThat(img.getWidth()).isEqualTo(TwoDigitPicture.WIDTH);
        assertThat(img.getHeight()).isEqualTo(TwoDigitPicture.HEIGHT);
        int red = TwoDigitPicture.MISTAKE.getRGB() & 0xFFFFFF;
        int t = TwoDigitPicture.THUMBNAIL;
        int[] columns = {4, 32, 36, 12};
        for (int i = 0; i < 4; i++) {
            int x = TwoDigitPicture.LEFT + columns[i] * t;
            int band = images.labels()[i];
            int y = TwoDigitPicture.bandTop(band) + TwoDigitPicture.ROWS * t - t;
            int grey = new int[] {200, 150, 100, 50}[i];
            int inside = grey << 16 | grey << 8 | grey;
            boolean wrong = i == 1 || i == 3;
            assertThat(rgb(img, x + t / 2, y + t / 2)).as("image %d inside", i).isEqualTo(inside);
            assertThat(rgb(img, x, y)).as("image %d corner", i).isEqualTo(wrong ? red : inside);
            assertThat(rgb(img, x + t - 1, y + t - 1)).isEqualTo(wrong ? red : inside);
            assertThat(rgb(img, x + t / 2, y + 1)).isEqualTo(wrong ? red : inside);
        }
        // the threshold line, in an empty part of both bands
        int tx = TwoDigitPicture.thresholdX();
        assertThat(tx).isEqualTo(TwoDigitPicture.LEFT + 20 * t);
        int threshold = TwoDigitPicture.THRESHOLD.getRGB() & 0xFFFFFF;
        assertThat(rgb(img, tx, TwoDigitPicture.bandTop(0) + 10)).isEqualTo(threshold);
        assertThat(rgb(img, tx - 1, TwoDigitPicture.bandTop(1) + 10)).isEqualTo(threshold);
        assertThat(rgb(img, tx + 3, TwoDigitPicture.bandTop(1) + 10)).isNotEqualTo(threshold);
        // no red anywhere but the two frames: 2 × (28² − 24²) pixels
        assertThat(count(img, red)).isEqualTo(2 * (t * t - (t - 4) * (t - 4)));
        assertThat(TwoDigitPicture.title(images, 2, 4))
                .isEqualTo(
                        "3 vs 8: test accuracy 50.0 % (2 of 4 correct); 2 mistakes framed in"
                                + " red");
    }

    @Test
    void aFullColumnShowsTheRestAsACountAndKeepsTheMistakes() {
        int n = 20;
        int[] labels = new int[n];
        int[] greys = new int[n];
        float[] outputs = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = 1;
            greys[i] = 255;
            // all in column 10 (0.25–0.275): 8s below the threshold, so all wrong
            outputs[i] = 0.26f;
        }
        ImageSamples images = uniform(labels, greys);

        TwoDigitPicture.Layout layout = TwoDigitPicture.layout(images, outputs);

        assertThat(layout.placements()).hasSize(TwoDigitPicture.ROWS - 1);
        assertThat(layout.hidden()[1][10]).isEqualTo(n - TwoDigitPicture.ROWS + 1);
        assertThat(layout.placements()).allMatch(TwoDigitPicture.Placement::misclassified);
        assertThat(layout.correct()).isZero();

        // a column of right ones with one mistake: the mistake is placed, at the bottom
        float[] mixed = new float[n];
        int[] mixedLabels = new int[n];
        for (int i = 0; i < n; i++) {
            mixed[i] = 0.51f;
            mixedLabels[i] = i == 17 ? 0 : 1;
        }
        TwoDigitPicture.Layout l2 = TwoDigitPicture.layout(uniform(mixedLabels, greys), mixed);
        assertThat(l2.placements())
                .filteredOn(TwoDigitPicture.Placement::misclassified)
                .extracting(TwoDigitPicture.Placement::sample)
                .containsExactly(17);
        assertThat(l2.correct()).isEqualTo(n - 1);
    }

    @Test
    void takesTheSecondColumnOfTheTestProbabilities() {
        assertThat(TwoDigitPicture.secondColumn(new float[] {0.9f, 0.1f, 0.2f, 0.8f}))
                .containsExactly(0.1f, 0.8f);
    }

    @Test
    void refusesOtherThanTwoClassesOrMismatchedOutputs() {
        ImageSamples three =
                new ImageSamples(1, 1, 1, new byte[2], new int[] {0, 2}, List.of("a", "b", "c"));
        assertThatThrownBy(() -> TwoDigitPicture.render(three, new float[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 classes");
        assertThatThrownBy(
                        () ->
                                TwoDigitPicture.render(
                                        uniform(new int[] {0}, new int[] {1}), new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 outputs for 1 images");
    }

    @Test
    void writesAReadablePngAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pair.png");
        TwoDigitPicture.write(
                file, uniform(new int[] {0, 1}, new int[] {10, 20}), new float[] {0.2f, 0.7f});

        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(TwoDigitPicture.WIDTH);
        assertThat(back.getHeight()).isEqualTo(TwoDigitPicture.HEIGHT);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static int count(BufferedImage img, int colour) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb(img, x, y) == colour) {
                    n++;
                }
            }
        }
        return n;
    }
}
