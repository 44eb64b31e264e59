package org.dnw.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void formatsCountsCompactlyAndInMegabytes() {
        assertThat(Quantities.count(3_274_634)).isEqualTo("3,274,634");
        assertThat(Quantities.compact(832)).isEqualTo("832");
        assertThat(Quantities.compact(627_200)).isEqualTo("627.2 K");
        assertThat(Quantities.compact(13_900_000)).isEqualTo("13.9 M");
        assertThat(Quantities.compact(2_500_000_000L)).isEqualTo("2.50 G");
        assertThat(Quantities.megabytes(98_765_432)).isEqualTo("98.8 MB");
        assertThat(Quantities.megabytes(1_234_000_000)).isEqualTo("1,234 MB");
        assertThat(Quantities.counted(1, "parameter")).isEqualTo("1 parameter");
        assertThat(Quantities.counted(2, "parameter")).isEqualTo("2 parameters");
    }
}
