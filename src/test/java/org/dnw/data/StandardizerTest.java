package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static TableSamples rows(int features, float... values) {
        int n = values.length / features;
        return new TableSamples(
                features,
                values,
                new int[n],
                List.of("only"),
                features == 2 ? List.of("x", "y") : List.of("x", "y", "z"));
    }

    @Test
    void fitsPopulationMeanAndStdPerFeature() {
        // x: 1, 3, 5 → mean 3, std √(8/3); y: 10, 10, 40 → mean 20, std √200
        Standardizer s = Standardizer.fit(rows(2, 1, 10, 3, 10, 5, 40));

        assertThat(s.featureCount()).isEqualTo(2);
        assertThat(s.means()).containsExactly(new double[] {3, 20}, within(1e-12));
        assertThat(s.stds()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(s.stds()[1]).isCloseTo(Math.sqrt(200), within(1e-9));
    }

    @Test
    void appliesTheFittedFiguresToAnotherTable() {
        Standardizer s = Standardizer.fit(rows(2, 1, 10, 3, 10, 5, 40));
        TableSamples other =
                new TableSamples(
                        2,
                        new float[] {3, 20, 7, 0},
                        new int[] {0, 0},
                        List.of("only"),
                        List.of("x", "y"));

        TableSamples out = s.apply(other);

        assertThat(out.values()[0]).isEqualTo(0f);
        assertThat(out.values()[1]).isEqualTo(0f);
        assertThat((double) out.values()[2]).isCloseTo(4 / Math.sqrt(8.0 / 3), within(1e-6));
        assertThat((double) out.values()[3]).isCloseTo(-20 / Math.sqrt(200), within(1e-6));
        assertThat(out.featureNames()).containsExactly("x", "y");
        assertThat(other.values()).containsExactly(3, 20, 7, 0);
    }

    @Test
    void theTrainingTableBecomesMeanZeroStdOne() {
        TableSamples t = rows(3, 1, 5, 100, 2, 5, 200, 4, 5, 300, 9, 5, 900);
        TableSamples out = Standardizer.fit(t).apply(t);

        for (int j = 0; j < 3; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < 4; i++) {
                mean += out.values()[i * 3 + j] / 4.0;
            }
            for (int i = 0; i < 4; i++) {
                double d = out.values()[i * 3 + j] - mean;
                sq += d * d / 4;
            }
            assertThat(mean).isCloseTo(0, within(1e-6));
            // the constant feature y (all 5) has std 1 and becomes all 0
            assertThat(Math.sqrt(sq)).isCloseTo(j == 1 ? 0 : 1, within(1e-6));
        }
        assertThat(Standardizer.fit(t).stds()[1]).isEqualTo(1.0);
    }

    @Test
    void refusesEmptyTablesAndOtherFeatureCounts() {
        assertThatThrownBy(() -> Standardizer.fit(rows(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        Standardizer s = Standardizer.fit(rows(2, 1, 2, 3, 4));
        assertThatThrownBy(() -> s.apply(rows(3, 1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the standardiser was fitted on 2 features but the table has 3");
    }
}
