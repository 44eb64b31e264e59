package org.dnw.ui.tryit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrokeRasterTest {

    @Test
    void aStrokeIsAThickRoundCappedWhiteLineOnBlack() {
        Stroke line = Stroke.at(50, 100).to(150, 100).to(250, 100);

        // 280 pad units drawn on 140 pixels: a 22-unit pen is 11 pixels wide
        int[] grey = StrokeRaster.render(List.of(line), 280, 140, 22);

        assertThat(grey).hasSize(140 * 140);
        int column = 50;
        double ink = 0;
        for (int y = 0; y < 140; y++) {
            ink += grey[y * 140 + column] / 255.0;
        }
        assertThat(ink).as("ink across the line, in pixels").isCloseTo(11, within(0.05));
        assertThat(grey[50 * 140 + 75]).isEqualTo(255);
        assertThat(grey[70 * 140 + 75]).isZero();
        // the round cap reaches half a pen width beyond the last point, and no further
        assertThat(grey[50 * 140 + 129]).isGreaterThan(127);
        assertThat(grey[50 * 140 + 132]).isZero();
        // antialiased edge: some grey between black and white
        assertThat(java.util.Arrays.stream(grey).filter(v -> v > 0 && v < 255).count())
                .isGreaterThan(50);
    }

    @Test
    void aDotIsADisc() {
        int[] grey = StrokeRaster.render(List.of(Stroke.at(140, 140)), 280, 140, 22);

        assertThat(grey[70 * 140 + 70]).isEqualTo(255);
        assertThat(grey[70 * 140 + 74]).isEqualTo(255);
        assertThat(grey[70 * 140 + 77]).isZero();
        assertThat(grey[74 * 140 + 74]).as("a disc, not a square").isLessThan(255);
    }

    @Test
    void smoothingPassesThroughTheEndsAndNearTheMiddle() {
        Stroke corner = Stroke.at(0, 0).to(100, 0).to(100, 100);

        double[] xy = corner.smoothed();

        assertThat(xy[0]).isZero();
        assertThat(xy[1]).isZero();
        assertThat(xy[xy.length - 2]).isEqualTo(100);
        assertThat(xy[xy.length - 1]).isEqualTo(100);
        // the corner is rounded: the curve cuts inside (100, 0)
        for (int i = 0; i < xy.length; i += 2) {
            assertThat(Math.hypot(xy[i] - 100, xy[i + 1])).isGreaterThan(20);
        }
    }
}
