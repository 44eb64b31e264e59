package org.dnw.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

/** Grad-CAM's arithmetic against hand-computed cases; no native engine. */
class SaliencyPassTest {

    @Test
    void gradCamWeighsEachMapByItsMeanGradientAndCutsNegatives() {
        // two 1×2 maps: weights mean(1, 3) = 2 and mean(-1, -1) = -1
        float[] a = {1, 2, 3, 1};
        float[] grad = {1, 3, -1, -1};
        float[] cam = SaliencyPass.gradCam(a, grad, Shape.image(2, 1, 2));
        // 2·1 − 3 = −1 → 0; 2·2 − 1 = 3
        assertThat(cam).containsExactly(0f, 3f);
    }

    @Test
    void upsamplingKeepsConstantsAndInterpolatesBetweenCentres() {
        float[] constant = SaliencyPass.upsample(new float[] {2, 2, 2, 2}, 2, 2, 5, 7);
        for (float v : constant) {
            assertThat(v).isCloseTo(2f, within(1e-6f));
        }
        float[] row = SaliencyPass.upsample(new float[] {0, 4}, 1, 2, 1, 4);
        // centres of 4 output pixels at 0.5, 1.5, 2.5, 3.5 map to −0.25, 0.25, 0.75, 1.25
        assertThat(row).containsExactly(0f, 1f, 3f, 4f);
    }
}
