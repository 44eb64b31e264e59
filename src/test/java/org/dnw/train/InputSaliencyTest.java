package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

class InputSaliencyTest {

    @Test
    void saliencyMapIsTheLargestAbsoluteGradientOverChannels() {
        float[] gradient = {1, -2, 0.5f, -4, 3, 0};
        InputSaliency s =
                new InputSaliency(1, Shape.image(2, 1, 3), gradient, new float[3], 1, null);
        assertThat(s.saliencyMap()).containsExactly(4f, 3f, 0.5f);
        gradient[0] = 99;
        s.gradient()[1] = 99;
        assertThat(s.gradient()[0]).isEqualTo(1f);
        assertThat(s.gradient()[1]).isEqualTo(-2f);
    }

    @Test
    void gradCamIsEitherThereOrExplained() {
        InputSaliency none =
                new InputSaliency(
                        0, Shape.flat(3), new float[3], null, 0, InputSaliency.NO_CONVOLUTION);
        assertThat(none.gradCamMap()).isEmpty();
        assertThatThrownBy(() -> new InputSaliency(0, Shape.flat(3), new float[3], null, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new InputSaliency(
                                        0,
                                        Shape.image(1, 2, 2),
                                        new float[4],
                                        new float[3],
                                        1,
                                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
