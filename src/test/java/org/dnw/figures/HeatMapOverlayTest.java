package org.dnw.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

class HeatMapOverlayTest {

    @Test
    void coldPixelsShowTheGreyImageAndTheHottestIsTintedYellow() {
        Shape shape = Shape.image(1, 2, 2);
        float[] image = {0f, 0.5f, 1f, 0.2f};
        float[] heat = {0f, -3f, 0f, 4f};
        int[] px = HeatMapOverlay.argb(shape, image, heat);
        assertThat(px[0]).isEqualTo(0xff000000);
        assertThat(px[1]).isEqualTo(0xff808080); // negative heat is not tinted
        assertThat(px[2]).isEqualTo(0xffffffff);
        int r = px[3] >> 16 & 0xff;
        int g = px[3] >> 8 & 0xff;
        int b = px[3] & 0xff;
        // 0.2 grey (51) blended 75 % with the ramp's top, yellow (255, 255, 120)
        assertThat(r).isEqualTo(204);
        assertThat(g).isEqualTo(204);
        assertThat(b).isEqualTo(103);
    }

    @Test
    void colourInputKeepsItsColoursWhereThereIsNoHeat() {
        Shape shape = Shape.image(3, 1, 2);
        float[] image = {1f, 0f, 0f, 1f, 0f, 0f}; // red, green pixels (R plane, G plane, B plane)
        int[] px = HeatMapOverlay.argb(shape, image, new float[] {0f, 0f});
        assertThat(px[0]).isEqualTo(0xffff0000);
        assertThat(px[1]).isEqualTo(0xff00ff00);
    }

    @Test
    void aFewExtremeValuesDoNotHideTheRest() {
        float[] heat = new float[200];
        for (int i = 0; i < heat.length; i++) {
            heat[i] = 1f;
        }
        heat[0] = 1000f;
        heat[1] = 1000f;
        assertThat(HeatMapOverlay.fullStrength(heat)).isEqualTo(1f);
    }

    @Test
    void renderEnlargesEachPixelToASquare() {
        Shape shape = Shape.image(1, 2, 3);
        float[] heat = {0, 0, 0, 0, 0, 1};
        BufferedImage img = HeatMapOverlay.render(shape, new float[6], heat, 4);
        assertThat(img.getWidth()).isEqualTo(12);
        assertThat(img.getHeight()).isEqualTo(8);
        assertThat(img.getRGB(0, 0) & 0xffffff).isZero();
        assertThat(img.getRGB(11, 7)).isEqualTo(img.getRGB(8, 4));
        assertThat(img.getRGB(11, 7) & 0xffffff).isNotZero();
        assertThat(HeatMapOverlay.pixelsPerValue(Shape.image(1, 28, 28), 280)).isEqualTo(10);
    }

    @Test
    void mismatchedSizesAreRefused() {
        assertThatThrownBy(
                        () -> HeatMapOverlay.argb(Shape.image(1, 2, 2), new float[4], new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 4 image and 4 heat values");
    }
}
