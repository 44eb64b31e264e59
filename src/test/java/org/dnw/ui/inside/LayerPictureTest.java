package org.dnw.ui.inside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.dnw.train.LayerActivation;
import org.junit.jupiter.api.Test;

/** How one layer's output becomes grey maps, unit strips and class bars (hand-computed cases). */
class LayerPictureTest {

    @Test
    void eachMapIsScaledOnItsOwnUnlessTheScaleIsShared() {
        // two 1 × 2 maps: [0, 1] and [0, 4]
        LayerPicture p =
                LayerPicture.of(
                        new LayerActivation(
                                2,
                                ActivationSpec.relu(),
                                Shape.image(2, 1, 2),
                                new float[] {0, 1, 0, 4}),
                        List.of());
        assertThat(p.kind()).isEqualTo(LayerPicture.Kind.MAPS);
        assertThat(p.title()).isEqualTo("2 · ReLU — 2 × 1 × 2");
        assertThat(p.grey(0, 1, false)).isEqualTo(255);
        assertThat(p.grey(1, 1, false)).isEqualTo(255);
        assertThat(p.grey(0, 1, true)).isEqualTo(64); // 1 of 0..4
        assertThat(p.grey(1, 1, true)).isEqualTo(255);
        assertThat(p.describeMap(1)).isEqualTo("map 2 of 2: 1 × 2, values from 0.00 to 4.00");
    }

    @Test
    void aDeadMapIsBlackAndAConstantOneMidGrey() {
        LayerPicture p =
                LayerPicture.of(
                        new LayerActivation(
                                1,
                                ActivationSpec.relu(),
                                Shape.image(2, 1, 2),
                                new float[] {0, 0, 3, 3}),
                        List.of());
        assertThat(p.grey(0, 0, false)).isZero();
        assertThat(p.grey(1, 0, false)).isEqualTo(128);
    }

    @Test
    void aVectorIsAStripOfUnits() {
        LayerPicture p =
                LayerPicture.of(
                        new LayerActivation(
                                5, DenseSpec.of(3), Shape.flat(3), new float[] {-1, 0, 1}),
                        List.of());
        assertThat(p.kind()).isEqualTo(LayerPicture.Kind.UNITS);
        assertThat(p.width()).isEqualTo(3);
        assertThat(p.title()).isEqualTo("5 · 3 units"); // the summary already says it
        assertThat(p.grey(0, 0, false)).isZero();
        assertThat(p.grey(0, 1, false)).isEqualTo(128);
        assertThat(p.grey(0, 2, false)).isEqualTo(255);
    }

    @Test
    void theOutputBecomesClassProbabilitiesWithNames() {
        LayerPicture p =
                LayerPicture.of(
                        new LayerActivation(
                                7,
                                OutputSpec.softmax(3),
                                Shape.flat(3),
                                new float[] {0, (float) Math.log(3), 0}),
                        List.of("cat", "dog"));
        assertThat(p.kind()).isEqualTo(LayerPicture.Kind.CLASSES);
        assertThat(p.values()[0]).isCloseTo(0.2f, within(1e-6f));
        assertThat(p.values()[1]).isCloseTo(0.6f, within(1e-6f));
        assertThat(p.topClass()).isEqualTo(1);
        assertThat(p.classNames()).containsExactly("cat", "dog", "class 2");
    }

    @Test
    void aSigmoidOutputGivesTwoClasses() {
        LayerPicture p =
                LayerPicture.of(
                        new LayerActivation(
                                3,
                                new OutputSpec(2, OutputActivation.SIGMOID, true),
                                Shape.flat(1),
                                new float[] {0}),
                        List.of("no", "yes"));
        assertThat(p.values()).containsExactly(0.5f, 0.5f);
        assertThat(p.classNames()).containsExactly("no", "yes");
    }
}
