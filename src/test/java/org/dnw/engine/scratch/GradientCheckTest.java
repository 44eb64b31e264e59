package org.dnw.engine.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.dnw.train.LossKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Central differences in double precision against every backward pass: for a layer, the scalar
 * {@code f = Σ g ⊙ forward(x)} with a random upstream gradient {@code g}, whose derivatives are
 * what {@code backward(g)} must return (inputs) and store (parameters); for a loss, the loss
 * itself; for whole networks, the training loss against every weight and bias.
 */
class GradientCheckTest {

    private static final double STEP = 1e-6;

    private final Random random = new Random(7);

    @Test
    void linearInputsWeightsAndBias() {
        try (Workers workers = Workers.single()) {
            Linear layer = new Linear(5, 4, true, workers);
            layer.initialise(Linear.Init.XAVIER_UNIFORM, random);
            // non-zero biases, so that their gradient is checked away from the initial value
            for (int j = 0; j < 4; j++) {
                layer.bias().values()[j] = random.nextGaussian();
            }
            checkLayer(layer, 3, randoms(15, 1.0));
        }
    }

    @Test
    void linearWithoutBias() {
        try (Workers workers = Workers.single()) {
            Linear layer = new Linear(6, 2, false, workers);
            layer.initialise(Linear.Init.HE_UNIFORM, random);
            assertThat(layer.parameters()).hasSize(1);
            checkLayer(layer, 4, randoms(24, 2.0));
        }
    }

    @Test
    void linearSkipsZeroInputsWithoutChangingTheGradient() {
        try (Workers workers = Workers.single()) {
            Linear layer = new Linear(8, 3, true, workers);
            layer.initialise(Linear.Init.XAVIER_UNIFORM, random);
            double[] x = randoms(16, 1.0);
            for (int i = 0; i < x.length; i += 3) {
                x[i] = 0;
            }
            checkLayer(layer, 2, x);
        }
    }

    @Test
    void relu() {
        double[] x = randoms(12, 1.0);
        // keep clear of the kink at 0, where the derivative is undefined
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) < 0.05) {
                x[i] = x[i] < 0 ? -0.1 : 0.1;
            }
        }
        checkLayer(new ReLU(4), 3, x);
    }

    @Test
    void sigmoid() {
        checkLayer(new Sigmoid(4), 3, randoms(12, 3.0));
    }

    @Test
    void tanh() {
        checkLayer(new Tanh(5), 2, randoms(10, 2.0));
    }

    @Test
    void softmax() {
        checkLayer(new Softmax(4), 3, randoms(12, 2.0));
    }

    @Test
    void squaredErrorOnOneHotTargets() {
        checkLoss(new SquaredError(3), randoms(12, 1.0), new int[] {0, 2, 1, 2});
    }

    @Test
    void squaredErrorOnTheLabelOfOneSigmoidUnit() {
        double[] p = {0.2, 0.9, 0.6, 0.4};
        checkLoss(new SquaredError(1), p, new int[] {0, 1, 1, 0});
        // ½ (0.2² + 0.1² + 0.4² + 0.4²) / 4
        assertThat(new SquaredError(1).forward(p, new int[] {0, 1, 1, 0}, 4))
                .isCloseTo(0.5 * (0.04 + 0.01 + 0.16 + 0.16) / 4, within(1e-15));
    }

    @Test
    void softmaxCrossEntropy() {
        checkLoss(new SoftmaxCrossEntropy(4), randoms(12, 3.0), new int[] {3, 0, 1});
    }

    @Test
    void sigmoidCrossEntropy() {
        checkLoss(new SigmoidCrossEntropy(), randoms(5, 4.0), new int[] {0, 1, 1, 0, 1});
    }

    @ParameterizedTest(name = "{0} output, {1}, hidden {2}")
    @CsvSource({
        "SOFTMAX, CROSS_ENTROPY, RELU",
        "SOFTMAX, SQUARED_ERROR, SIGMOID",
        "SIGMOID, SQUARED_ERROR, TANH",
        "SIGMOID, CROSS_ENTROPY, SIGMOID"
    })
    void wholeNetworksAgainstEveryParameter(
            OutputActivation output, LossKind loss, ActivationType hidden) {
        int classes = output == OutputActivation.SIGMOID ? 2 : 3;
        List<LayerSpec> layers =
                List.of(
                        DenseSpec.of(5),
                        ActivationSpec.of(hidden),
                        DenseSpec.of(4),
                        ActivationSpec.of(ActivationType.TANH),
                        new OutputSpec(classes, output, true));
        ModelSpec spec = new ModelSpec("check", Shape.flat(6), layers);
        try (Workers workers = Workers.single()) {
            ScratchNetwork net = ScratchNetwork.create(spec, loss, 11, workers);
            int n = 4;
            double[] x = randoms(n * 6, 1.5);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextInt(classes);
            }
            net.forwardLoss(x, labels, n);
            net.backward();
            List<Parameter> params = net.parameters();
            assertThat(params).hasSize(6);
            for (Parameter p : params) {
                double[] analytic = p.gradient().clone();
                double[] numeric = numericGradient(p.values(), () -> net.forwardLoss(x, labels, n));
                assertClose(analytic, numeric, p.name());
            }
        }
    }

    /** Checks input and parameter gradients of one layer at {@code x}. */
    private void checkLayer(Layer layer, int n, double[] x) {
        double[] g = randoms(n * layer.outputSize(), 1.0);
        DoubleSupplier f = () -> weightedSum(layer.forward(x, n), g);
        layer.forward(x, n);
        double[] dx = layer.backward(g, n, true);
        List<double[]> paramGrads =
                layer.parameters().stream().map(p -> p.gradient().clone()).toList();

        assertClose(dx, numericGradient(x, f), layer.kind() + " input");
        for (int k = 0; k < paramGrads.size(); k++) {
            Parameter p = layer.parameters().get(k);
            assertClose(
                    paramGrads.get(k),
                    numericGradient(p.values(), f),
                    layer.kind() + " " + p.name());
        }
        // the first layer's input gradient may be skipped, parameter gradients may not
        layer.forward(x, n);
        assertThat(layer.backward(g, n, false)).isNull();
        for (int k = 0; k < paramGrads.size(); k++) {
            assertThat(layer.parameters().get(k).gradient()).containsExactly(paramGrads.get(k));
        }
    }

    private void checkLoss(Loss loss, double[] values, int[] labels) {
        int n = labels.length;
        loss.forward(values, labels, n);
        double[] analytic = loss.backward();
        assertClose(
                analytic,
                numericGradient(values, () -> loss.forward(values, labels, n)),
                loss.getClass().getSimpleName());
    }

    /** (f(v + h) − f(v − h)) / 2h for every element of {@code v}, restoring it after. */
    static double[] numericGradient(double[] v, DoubleSupplier f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double keep = v[i];
            v[i] = keep + STEP;
            double up = f.getAsDouble();
            v[i] = keep - STEP;
            double down = f.getAsDouble();
            v[i] = keep;
            out[i] = (up - down) / (2 * STEP);
        }
        return out;
    }

    static void assertClose(double[] analytic, double[] numeric, String what) {
        assertThat(analytic).as(what).hasSameSizeAs(numeric);
        double scale = 0;
        for (double v : numeric) {
            scale = Math.max(scale, Math.abs(v));
        }
        // a gradient of all zeros would pass anything: the checks use points where it is not
        assertThat(scale).as(what + " has a non-zero gradient").isGreaterThan(1e-3);
        for (int i = 0; i < analytic.length; i++) {
            assertThat(analytic[i])
                    .as("%s, element %d", what, i)
                    .isCloseTo(numeric[i], within(1e-7 + 1e-6 * Math.abs(numeric[i])));
        }
    }

    private static double weightedSum(double[] y, double[] g) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * g[i];
        }
        return s;
    }

    private double[] randoms(int count, double scale) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = random.nextGaussian() * scale;
        }
        return v;
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
