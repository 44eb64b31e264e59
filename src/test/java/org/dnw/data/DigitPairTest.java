package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigitPairTest {

    /** Six 2×2 images labelled 3, 8, 1, 8, 3, 3; pixel p of image i is 10·i + p. */
    private static ImageSamples six() {
        int[] labels = {3, 8, 1, 8, 3, 3};
        byte[] pixels = new byte[6 * 4];
        for (int i = 0; i < 6; i++) {
            for (int p = 0; p < 4; p++) {
                pixels[i * 4 + p] = (byte) (10 * i + p);
            }
        }
        return new ImageSamples(
                1, 2, 2, pixels, labels, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    @Test
    void keepsTheTwoDigitsInOrderRelabelledZeroAndOne() {
        ImageSamples source = six();
        byte[] before = source.pixels().clone();

        ImageSamples pair = DigitPair.select(source, 3, 8);

        assertThat(pair.size()).isEqualTo(5);
        assertThat(pair.labels()).containsExactly(0, 1, 1, 0, 0);
        assertThat(pair.classNames()).containsExactly("3", "8");
        // images 0, 1, 3, 4, 5 of the source
        assertThat(pair.pixel(2, 0, 0, 0)).isEqualTo(30);
        assertThat(pair.pixel(4, 0, 1, 1)).isEqualTo(53);
        assertThat(pair.inputShape()).isEqualTo(source.inputShape());
        assertThat(source.pixels()).containsExactly(before);
        assertThat(source.labels()).containsExactly(3, 8, 1, 8, 3, 3);
    }

    @Test
    void theOrderOfTheDigitsDecidesWhichIsOne() {
        ImageSamples pair = DigitPair.select(six(), 8, 3);

        assertThat(pair.labels()).containsExactly(1, 0, 0, 1, 1);
        assertThat(pair.classNames()).containsExactly("8", "3");
    }

    @Test
    void refusesImpossibleDigits() {
        assertThatThrownBy(() -> DigitPair.select(six(), 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different digits");
        assertThatThrownBy(() -> DigitPair.select(six(), 3, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classes 0 to 9");
    }
}
