package org.dnw.ui.inside;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes of the Inside tab's pictures. */
class MapLayoutTest {

    @Test
    void mapsAreMagnifiedToAboutSixtyFourPixels() {
        assertThat(MapLayout.magnification(28)).isEqualTo(2);
        assertThat(MapLayout.magnification(14)).isEqualTo(5);
        assertThat(MapLayout.magnification(7)).isEqualTo(9);
        assertThat(MapLayout.magnification(1)).isEqualTo(16);
        assertThat(MapLayout.magnification(200)).isEqualTo(1);
    }

    @Test
    void aWideDenseLayerWrapsIntoRows() {
        int units = 8000;
        int side = MapLayout.unitPixels(units);
        int columns = MapLayout.columns(units, side, 1, 900);
        assertThat(side).isEqualTo(4);
        assertThat(columns).isEqualTo(180);
        assertThat(MapLayout.rows(units, columns)).isEqualTo(45);
        assertThat(columns * (side + 1)).isLessThanOrEqualTo(900);
    }

    @Test
    void fewMapsTakeNoMoreColumnsThanThereAreMaps() {
        assertThat(MapLayout.columns(3, 56, 6, 2000)).isEqualTo(3);
        assertThat(MapLayout.columns(32, 56, 6, 100)).isEqualTo(1);
        assertThat(MapLayout.columns(32, 56, 6, 366)).isEqualTo(6);
    }
}
