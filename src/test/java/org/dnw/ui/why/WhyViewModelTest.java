package org.dnw.ui.why;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnw.spec.Shape;
import org.dnw.train.InputSaliency;
import org.junit.jupiter.api.Test;

/** The "Why?" part with executors that queue tasks, so that the test decides when they run. */
class WhyViewModelTest {

    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> fx = new ArrayList<>();
    private final WhyViewModel model = new WhyViewModel(background::add, fx::add);
    private final List<Integer> asked = new ArrayList<>();
    private static final Shape SHAPE = Shape.image(1, 2, 2);
    private static final List<String> NAMES = List.of("zero", "one", "two");

    private InputSaliency explain(int k) {
        asked.add(k);
        // the class's gradient lights up pixel k; Grad-CAM pixel 3 − k
        float[] g = new float[4];
        g[k] = -2f;
        float[] cam = new float[4];
        cam[3 - k] = 1f;
        return new InputSaliency(k, SHAPE, g, cam, 1, null);
    }

    private void runAll() {
        while (!background.isEmpty() || !fx.isEmpty()) {
            List<Runnable> now = new ArrayList<>(background);
            background.clear();
            now.forEach(Runnable::run);
            now = new ArrayList<>(fx);
            fx.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void explainsThePredictedClassOffTheFxThreadThenAnotherOnRequest() {
        model.show(this::explain, SHAPE, new float[4], NAMES, 1);
        assertThat(model.titleProperty().get()).isEqualTo("Why did it say one?");
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(asked).as("nothing ran on the calling thread").isEmpty();
        runAll();
        assertThat(asked).containsExactly(1);
        assertThat(model.busyProperty().get()).isFalse();
        WhyViewModel.Overlay s = model.saliencyProperty().get();
        assertThat(s.width()).isEqualTo(2);
        assertThat(tinted(s.argb())).containsExactly(1);
        assertThat(tinted(model.gradCamProperty().get().argb())).containsExactly(2);
        assertThat(model.captionProperty().get())
                .contains("score for one")
                .contains("Grad-CAM")
                .contains("yellow most");

        model.choose(2);
        assertThat(model.titleProperty().get()).isEqualTo("Why not two? (it said one)");
        runAll();
        assertThat(model.chosenProperty().get()).isEqualTo(2);
        assertThat(tinted(model.saliencyProperty().get().argb())).containsExactly(2);
    }

    @Test
    void theLatestRequestWinsAndClearingForgetsTheImage() {
        model.show(this::explain, SHAPE, new float[4], NAMES, 0);
        model.choose(2);
        runAll();
        assertThat(tinted(model.saliencyProperty().get().argb())).containsExactly(2);
        model.choose(1);
        model.clear();
        runAll();
        assertThat(model.saliencyProperty().get()).isNull();
        assertThat(model.titleProperty().get()).isEmpty();
        model.choose(0);
        assertThat(background).as("no image, nothing to explain").isEmpty();
    }

    @Test
    void aNetworkWithoutConvolutionOrGradientsSaysSo() {
        model.show(
                k ->
                        new InputSaliency(
                                k, SHAPE, new float[4], null, 0, InputSaliency.NO_CONVOLUTION),
                SHAPE,
                new float[4],
                NAMES,
                0);
        runAll();
        assertThat(model.gradCamProperty().get()).isNull();
        assertThat(model.captionProperty().get()).contains("this network has none");
        model.show(
                k -> {
                    throw new UnsupportedOperationException("this engine computes no gradients");
                },
                SHAPE,
                new float[4],
                NAMES,
                0);
        runAll();
        assertThat(model.saliencyProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("This engine computes no gradients.");
    }

    /** Indices of the pixels that are not grey. */
    private static List<Integer> tinted(int[] argb) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < argb.length; i++) {
            if ((argb[i] >> 16 & 0xff) != (argb[i] & 0xff)) {
                out.add(i);
            }
        }
        return out;
    }
}
