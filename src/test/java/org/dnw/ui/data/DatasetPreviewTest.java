package org.dnw.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

class DatasetPreviewTest {

    private final ImageSamples train = SyntheticData.grey(1_000, SyntheticData.DIGITS, 1);
    private final ImageSamples test = SyntheticData.grey(200, SyntheticData.DIGITS, 2);

    @Test
    void theValidationShareIsRoundedAndClampedAndNeverTakesEverySample() {
        DatasetPreview p = new DatasetPreview("MNIST", null, train, null, test, null);

        assertThat(p.splitSizes(0.1)).isEqualTo(new SplitSizes(900, 100, 200, false));
        assertThat(p.splitSizes(0.0005)).isEqualTo(new SplitSizes(999, 1, 200, false));
        assertThat(p.splitSizes(0.0004)).isEqualTo(new SplitSizes(1_000, 0, 200, false));
        assertThat(p.splitSizes(-1)).isEqualTo(new SplitSizes(1_000, 0, 200, false));
        assertThat(p.splitSizes(Double.NaN)).isEqualTo(new SplitSizes(1_000, 0, 200, false));
        assertThat(p.splitSizes(1)).isEqualTo(new SplitSizes(1, 999, 200, false));
        assertThat(p.origin()).isEmpty();
        assertThat(p.fileSha256()).isEmpty();
    }

    @Test
    void itDescribesItsSamples() {
        DatasetPreview p = new DatasetPreview("MNIST", "here", train, null, test, Map.of());

        assertThat(p.inputShape()).isEqualTo(Shape.image(1, 28, 28));
        assertThat(p.classCount()).isEqualTo(10);
        assertThat(p.classNames()).isEqualTo(SyntheticData.DIGITS);
        assertThat(p.isImages()).isTrue();
        assertThat(p.featureNames()).isEmpty();
        assertThat(p.hasFixedValidation()).isFalse();
    }

    @Test
    void splitsThatHoldTheirValidationKeepIt() {
        ImageSamples validation = SyntheticData.grey(50, SyntheticData.DIGITS, 3);
        DatasetPreview p =
                DatasetPreview.of(
                        new DataSplits("MNIST", train, validation, test, Map.of("a", "b")),
                        "read from /x");

        assertThat(p.splitSizes(0.3)).isEqualTo(new SplitSizes(1_000, 50, 200, true));
        assertThat(p.fileSha256()).containsEntry("a", "b");
        assertThat(p.name()).isEqualTo("MNIST");
    }

    @Test
    void splitsOfDifferentDataSetsAreRefused() {
        ImageSamples fashion = SyntheticData.grey(10, SyntheticData.FASHION, 4);
        assertThatThrownBy(() -> new DatasetPreview("x", "", train, null, fashion, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test samples have classes");
        ImageSamples colour = SyntheticData.colour(10, 5);
        ImageSamples cifarNamed = SyntheticData.colour(10, 6);
        assertThatThrownBy(
                        () ->
                                new DatasetPreview(
                                        "x",
                                        "",
                                        colour,
                                        null,
                                        new ImageSamples(
                                                1,
                                                28,
                                                28,
                                                new byte[784],
                                                new int[] {0},
                                                cifarNamed.classNames()),
                                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 × 28 × 28");
    }
}
