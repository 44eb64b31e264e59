package org.dnw.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

/** A layer's output as a picture: maps as a grid, a long vector wrapped into rows. */
class ActivationPictureTest {

    @Test
    void anImageOutputIsAGridOfItsMaps() {
        float[] values = new float[8 * 5 * 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i);
        }

        BufferedImage picture = ActivationPicture.render(Shape.image(8, 5, 5), values);
        BufferedImage grid = KernelGridImage.render(new int[] {8, 1, 5, 5}, values, null);

        assertThat(picture.getWidth()).isEqualTo(grid.getWidth());
        assertThat(picture.getHeight()).isEqualTo(grid.getHeight());
        assertThat(picture.getRGB(20, 20)).isEqualTo(grid.getRGB(20, 20));
    }

    @Test
    void aLongVectorIsWrappedIntoRowsNotOneLine() {
        float[] values = new float[8192];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }

        BufferedImage picture = ActivationPicture.render(Shape.flat(8192), values);

        assertThat(ActivationPicture.columnsFor(8192)).isEqualTo(91);
        // 91 × 91 units: a square, not an 8,192-unit line
        assertThat(picture.getWidth()).isEqualTo(picture.getHeight());
        assertThat(picture.getWidth()).isLessThan(2000);
        int s = KernelGridImage.pixelsPerWeight(new int[] {1, 1, 91, 91}, 91 * 91, null);
        int gap = Math.max(2, s / 2);
        // one scale for all units: they brighten left to right, then row by row
        int first = picture.getRaster().getSample(gap, gap, 0);
        int endOfRow = picture.getRaster().getSample(gap + 90 * s, gap, 0);
        int secondRow = picture.getRaster().getSample(gap, gap + s, 0);
        int last = picture.getRaster().getSample(gap + 1 * s, gap + 90 * s, 0);
        int padding = picture.getRaster().getSample(gap + 90 * s, gap + 90 * s, 0);
        assertThat(first).isZero();
        assertThat(endOfRow).isGreaterThan(first);
        assertThat(secondRow).isGreaterThanOrEqualTo(endOfRow);
        // unit 8191 sits in row 90, column 1; the largest unit is white, the places after it black
        assertThat(last).isEqualTo(255);
        assertThat(padding).isZero();
    }

    @Test
    void aShortVectorStaysOnOneRow() {
        BufferedImage picture =
                ActivationPicture.render(
                        Shape.flat(10), new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        BufferedImage strip =
                KernelGridImage.render(
                        new int[] {1, 1, 1, 10}, new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, null);

        assertThat(picture.getWidth()).isEqualTo(strip.getWidth());
        assertThat(picture.getHeight()).isEqualTo(strip.getHeight());
    }

    @Test
    void valuesThatDoNotFitTheShapeAreRefused() {
        assertThatThrownBy(() -> ActivationPicture.render(Shape.flat(10), new float[9]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 values");
    }
}
