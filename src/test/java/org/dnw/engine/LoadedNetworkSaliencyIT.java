package org.dnw.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Shape;
import org.dnw.train.InputSaliency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LoadedNetwork#saliency} on networks saved and loaded back like a run's: the input gradient
 * equals a central finite-difference estimate of the class's logit (read through {@link
 * LoadedNetwork#activations}, an independent forward pass without autograd), and Grad-CAM has the
 * input's size, is never negative and lights up where a synthetic pattern is.
 */
class LoadedNetworkSaliencyIT {

    /** Step of the central differences. */
    private static final float H = 1e-2f;

    /**
     * Tolerance |estimate − gradient| ≤ ABSOLUTE + RELATIVE · |gradient|. Float32 logits of these
     * networks are below 10 in size, so each carries a rounding error near 1e-6; the difference of
     * two divided by 2h = 0.02 is off by about 1e-4. The truncation error of central differences is
     * h²/6 · |f'''| ≈ 2e-5 · |f'''|, and these smooth (tanh, GELU, sigmoid, average-pool) networks
     * with their initial weights have |f'''| of order 1. 2e-3 leaves a factor of 10 above both; a
     * wrong gradient (a missing layer, the wrong class, the softmax's instead of the logit's) is
     * off by far more, as the test's last assertion shows.
     */
    private static final float ABSOLUTE = 2e-3f;

    private static final float RELATIVE = 2e-2f;

    @TempDir Path dir;

    static Stream<ModelSpec> networks() {
        return Stream.of(
                new ModelSpec(
                        "dense",
                        Shape.image(1, 6, 6),
                        List.of(
                                new FlattenSpec(),
                                new DenseSpec(12, true),
                                new ActivationSpec(ActivationType.TANH),
                                new OutputSpec(4, OutputActivation.SOFTMAX, true))),
                new ModelSpec(
                        "small conv",
                        Shape.image(1, 8, 8),
                        List.of(
                                Conv2dSpec.of(3, 3, 1, Padding.SAME),
                                new ActivationSpec(ActivationType.TANH),
                                new Pool2dSpec(PoolType.AVERAGE, 2, 2),
                                new FlattenSpec(),
                                new DenseSpec(6, true),
                                new ActivationSpec(ActivationType.GELU),
                                new OutputSpec(3, OutputActivation.SOFTMAX, true))),
                new ModelSpec(
                        "colour conv, sigmoid",
                        Shape.image(3, 6, 6),
                        List.of(
                                Conv2dSpec.of(4, 3, 2, Padding.SAME),
                                new ActivationSpec(ActivationType.TANH),
                                new FlattenSpec(),
                                new OutputSpec(2, OutputActivation.SIGMOID, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void gradientEqualsCentralDifferences(ModelSpec spec) throws Exception {
        save(spec, block -> {});
        int n = (int) spec.input().size();
        float[] x = new float[n];
        Random random = new Random(3);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat();
        }
        float worstDifference = 0;
        float largestGradient = 0;
        try (LoadedNetwork network = LoadedNetwork.load(spec, dir)) {
            for (int k = 0; k < network.classCount(); k++) {
                InputSaliency s = network.saliency(x, k);
                float[] g = s.gradient();
                assertThat(s.classIndex()).isEqualTo(k);
                assertThat(g).hasSize(n);
                float largest = 0;
                for (float v : g) {
                    largest = Math.max(largest, Math.abs(v));
                }
                assertThat(largest).as("a gradient that is not all zero").isGreaterThan(1e-3f);
                for (int t = 0; t < 8; t++) {
                    int i = random.nextInt(n);
                    float estimate = centralDifference(network, spec, x, i, k);
                    worstDifference = Math.max(worstDifference, Math.abs(estimate - g[i]));
                    largestGradient = Math.max(largestGradient, Math.abs(g[i]));
                    assertThat(Math.abs(estimate - g[i]))
                            .as(
                                    "%s class %d input %d: estimate %f, gradient %f",
                                    spec.name(), k, i, estimate, g[i])
                            .isLessThanOrEqualTo(ABSOLUTE + RELATIVE * Math.abs(g[i]));
                }
                boolean hasConv = spec.layers().stream().anyMatch(l -> l instanceof Conv2dSpec);
                if (hasConv) {
                    float[] cam = s.gradCamMap().orElseThrow();
                    assertThat(cam).hasSize(spec.input().height() * spec.input().width());
                    for (float v : cam) {
                        assertThat(v).isGreaterThanOrEqualTo(0f);
                    }
                    // the convolution's maps after the activation that follows it
                    assertThat(s.gradCamLayer()).isEqualTo(2);
                } else {
                    assertThat(s.gradCamMap()).isEmpty();
                    assertThat(s.gradCamAbsence()).isEqualTo(InputSaliency.NO_CONVOLUTION);
                }
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%s: saliency vs central differences (step 0.01), %d classes × 8 inputs:"
                            + " largest |difference| %.2e, largest |gradient| %.2e%n",
                    spec.name(),
                    network.classCount(),
                    worstDifference,
                    largestGradient);
            // the test can fail: another class's gradient is not this class's estimate
            int other = 1;
            float[] g0 = network.saliency(x, 0).gradient();
            float worst = 0;
            for (int i = 0; i < n; i++) {
                worst =
                        Math.max(
                                worst,
                                Math.abs(g0[i] - centralDifference(network, spec, x, i, other)));
            }
            assertThat(worst).isGreaterThan(ABSOLUTE + RELATIVE);
        }
    }

    @Test
    void gradCamLightsUpWhereThePatternIs() throws Exception {
        // Filter 0 copies the input, filter 1 its negative (killed by the ReLU); class 1 sums
        // filter 0's map, class 0 looks at nothing. So d score / d A is 1 on filter 0, 0 on
        // filter 1, and Grad-CAM for class 1 is the input itself.
        ModelSpec spec =
                new ModelSpec(
                        "pattern",
                        Shape.image(1, 12, 12),
                        List.of(
                                Conv2dSpec.of(2, 3, 1, Padding.SAME),
                                new ActivationSpec(ActivationType.RELU),
                                new FlattenSpec(),
                                new OutputSpec(2, OutputActivation.SOFTMAX, true)));
        save(
                spec,
                block -> {
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        float[] v = new float[(int) p.getValue().getArray().size()];
                        String name = p.getKey();
                        if (name.contains("Conv2d") && name.endsWith("weight")) {
                            v[4] = 1; // filter 0, centre
                            v[9 + 4] = -1; // filter 1, centre
                        } else if (name.endsWith("weight")) {
                            // (2 classes, 2·12·12 features): class 1 sums filter 0's map
                            for (int i = 0; i < 144; i++) {
                                v[288 + i] = 1;
                            }
                        }
                        p.getValue().getArray().set(FloatBuffer.wrap(v));
                    }
                });
        float[] x = new float[144];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.02f;
        }
        for (int r = 7; r <= 9; r++) {
            for (int c = 1; c <= 3; c++) {
                x[r * 12 + c] = 1f;
            }
        }
        try (LoadedNetwork network = LoadedNetwork.load(spec, dir)) {
            float[] cam = network.saliency(x, 1).gradCamMap().orElseThrow();
            assertThat(cam).hasSize(144);
            double inside = 0;
            double outside = 0;
            int peak = 0;
            for (int i = 0; i < 144; i++) {
                assertThat(cam[i]).isGreaterThanOrEqualTo(0f);
                int r = i / 12;
                int c = i % 12;
                if (r >= 7 && r <= 9 && c >= 1 && c <= 3) {
                    inside += cam[i] / 9;
                } else {
                    outside += cam[i] / 135;
                }
                if (cam[i] > cam[peak]) {
                    peak = i;
                }
            }
            assertThat(peak / 12).isBetween(7, 9);
            assertThat(peak % 12).isBetween(1, 3);
            assertThat(inside).isGreaterThan(10 * outside);
            float[] none = network.saliency(x, 0).gradCamMap().orElseThrow();
            for (float v : none) {
                assertThat(v).isEqualTo(0f);
            }
            assertThatThrownBy(() -> network.saliency(x, 2))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> network.saliency(new float[3], 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static float centralDifference(
            LoadedNetwork network, ModelSpec spec, float[] x, int i, int k) {
        float[] plus = x.clone();
        float[] minus = x.clone();
        plus[i] += H;
        minus[i] -= H;
        return (score(network, spec, plus, k) - score(network, spec, minus, k)) / (2 * H);
    }

    private static float score(LoadedNetwork network, ModelSpec spec, float[] x, int k) {
        var acts = network.activations(x);
        float[] logits = acts.get(acts.size() - 1).values();
        if (Logits.isSigmoid(spec)) {
            return k == 1 ? logits[0] : -logits[0];
        }
        return logits[k];
    }

    private void save(ModelSpec spec, Consumer<SequentialBlock> set) throws Exception {
        Engine.getInstance().setRandomSeed(7);
        try (Model saved = Model.newInstance(LoadedNetwork.MODEL_NAME, EngineSetup.device())) {
            SequentialBlock block = BlockFactory.build(spec);
            saved.setBlock(block);
            block.initialize(
                    saved.getNDManager(),
                    DataType.FLOAT32,
                    BlockFactory.batchShape(spec.input(), 1));
            set.accept(block);
            saved.save(dir, LoadedNetwork.MODEL_NAME);
        }
    }
}
