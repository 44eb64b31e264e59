package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerHealthTest {

    static LayerStatistics layer(int position, double updateRatio, double deadShare) {
        return new LayerStatistics(
                position, "Conv2d", 2, 0.01, 0.1, 0, 1e-3, updateRatio, deadShare, 32, 1024);
    }

    @Test
    void aHealthyLayerGivesNoWarning() {
        assertThat(LayerHealth.warnings(List.of(layer(1, 1e-3, 0.1), layer(4, 2e-3, Double.NaN))))
                .isEmpty();
    }

    @Test
    void moreThanHalfOfItsReluUnitsSilentMakesALayerLookDead() {
        List<String> w = LayerHealth.warnings(List.of(layer(3, 1e-3, 0.75), layer(5, 1e-3, 0.5)));

        assertThat(w).hasSize(1);
        assertThat(w.get(0))
                .startsWith("Layer 3 (Conv2d) looks dead: 75 % of its 32 ReLU units never fired")
                .contains("1024 validation images");
    }

    @Test
    void vanishingAndExplodingUpdatesAreNamed() {
        List<String> w =
                LayerHealth.warnings(
                        List.of(layer(1, 1e-6, 0), layer(2, 1e-5, 0), layer(3, 0.5, 0)));

        assertThat(w).hasSize(2);
        assertThat(w.get(0)).startsWith("Layer 1 (Conv2d): its updates vanish").contains("1.0e-06");
        assertThat(w.get(1)).startsWith("Layer 3 (Conv2d): its updates explode").contains("50 %");
    }

    @Test
    void weightsThatAreNoNumbersSayTheRunDiverged() {
        LayerStatistics broken =
                new LayerStatistics(2, "Dense", 1, Double.NaN, Double.NaN, 0, 0, 0, 0.9, 8, 10);

        assertThat(LayerHealth.warnings(List.of(broken)))
                .singleElement()
                .asString()
                .contains("no longer finite");
    }

    @Test
    void vanishingUpdatesBeforeADeadLayerBlameThatLayer() {
        List<String> w = LayerHealth.warnings(List.of(layer(1, 5e-6, 0), layer(4, 1e-3, 1.0)));

        assertThat(w).hasSize(2);
        assertThat(w.get(0))
                .startsWith("Layer 1 (Conv2d): its updates vanish")
                .endsWith("through layer 4 (Conv2d), which looks dead: mend that one first.");
    }
}
