package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.Test;

/** The one mapping to PyTorch: names, modules, shapes and values, and its refusals. */
class TorchNetworkTest {

    private final Random random = new Random(7);

    @Test
    void theSeedCnnMapsToNamedModulesWithTheEditorsShapes() {
        ModelSpec spec = Presets.load("seed-cnn");
        List<ParameterValues> saved =
                List.of(
                        values("01Conv2d_weight", 32, 1, 5, 5),
                        values("01Conv2d_bias", 32),
                        values("04Conv2d_weight", 64, 32, 5, 5),
                        values("04Conv2d_bias", 64),
                        values("08Linear_weight", 1024, 3136),
                        values("08Linear_bias", 1024),
                        values("10Linear_weight", 10, 1024),
                        values("10Linear_bias", 10));

        TorchNetwork net = TorchNetwork.of(spec, saved);

        assertThat(net.layers())
                .extracting(TorchNetwork.Layer::attribute)
                .containsExactly(
                        "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "fc1",
                        "relu3", "out");
        assertThat(net.layers())
                .extracting(TorchNetwork.Layer::module)
                .containsExactly(
                        "nn.Conv2d(1, 32, kernel_size=5, padding=2)",
                        "nn.ReLU()",
                        "nn.MaxPool2d(2)",
                        "nn.Conv2d(32, 64, kernel_size=5, padding=2)",
                        "nn.ReLU()",
                        "nn.MaxPool2d(2)",
                        "nn.Flatten()",
                        "nn.Linear(3136, 1024)",
                        "nn.ReLU()",
                        "nn.Linear(1024, 10)");
        Map<String, ParameterValues> state = net.stateDict();
        assertThat(state.keySet())
                .containsExactly(
                        "conv1.weight",
                        "conv1.bias",
                        "conv2.weight",
                        "conv2.bias",
                        "fc1.weight",
                        "fc1.bias",
                        "out.weight",
                        "out.bias");
        // values and layouts pass through untouched: DJL's layouts are PyTorch's
        assertThat(state.get("fc1.weight").values()).isSameAs(saved.get(4).values());
        assertThat(state.get("fc1.weight").shape()).containsExactly(1024, 3136);
        assertThat(net.layers().get(6).shape().output()).isEqualTo(Shape.flat(3136));
    }

    @Test
    void batchNormDropoutEvenKernelsStridesAndEveryActivationMapToPyTorch() {
        ModelSpec spec =
                new ModelSpec(
                        "all",
                        Shape.image(3, 12, 12),
                        List.of(
                                new Conv2dSpec(4, 4, 4, 1, Padding.SAME, false),
                                new BatchNormSpec(),
                                new ActivationSpec(ActivationType.LEAKY_RELU),
                                new Conv2dSpec(6, 3, 1, 2, Padding.explicit(1), true),
                                new ActivationSpec(ActivationType.ELU),
                                new Pool2dSpec(PoolType.AVERAGE, 3, 1),
                                new FlattenSpec(),
                                new DropoutSpec(0.25),
                                new DenseSpec(5, true),
                                new BatchNormSpec(),
                                new ActivationSpec(ActivationType.GELU),
                                new ActivationSpec(ActivationType.TANH),
                                new ActivationSpec(ActivationType.SIGMOID),
                                new OutputSpec(2, OutputActivation.SIGMOID, true)));
        // shapes: 3×12×12 → conv 4×4 'same' (1 per side: 11×11) → conv 3×1 stride 2, pad 1
        // (6×6×7) → avg 3 stride 1 (6×4×5 = 120)
        List<ParameterValues> saved = new ArrayList<>();
        saved.add(values("01Conv2d_weight", 4, 3, 4, 4));
        for (String s : List.of("gamma", "beta", "runningMean", "runningVar")) {
            saved.add(values("02BatchNorm_" + s, 4));
        }
        saved.add(values("04Conv2d_weight", 6, 4, 3, 1));
        saved.add(values("04Conv2d_bias", 6));
        saved.add(values("09Linear_weight", 5, 120));
        saved.add(values("09Linear_bias", 5));
        for (String s : List.of("gamma", "beta", "runningMean", "runningVar")) {
            saved.add(values("10BatchNorm_" + s, 5));
        }
        saved.add(values("14Linear_weight", 1, 5));
        saved.add(values("14Linear_bias", 1));

        TorchNetwork net = TorchNetwork.of(spec, saved);

        assertThat(net.layers())
                .extracting(TorchNetwork.Layer::module)
                .containsExactly(
                        "nn.Conv2d(3, 4, kernel_size=4, padding=1, bias=False)",
                        "nn.BatchNorm2d(4, eps=1e-5, momentum=0.1)",
                        "nn.LeakyReLU(0.01)",
                        "nn.Conv2d(4, 6, kernel_size=(3, 1), stride=2, padding=1)",
                        "nn.ELU(alpha=1.0)",
                        "nn.AvgPool2d(3, stride=1)",
                        "nn.Flatten()",
                        "nn.Dropout(p=0.25)",
                        "nn.Linear(120, 5)",
                        "nn.BatchNorm1d(5, eps=1e-5, momentum=0.1)",
                        "nn.GELU()",
                        "nn.Tanh()",
                        "nn.Sigmoid()",
                        "nn.Linear(5, 1)");
        assertThat(net.layers())
                .extracting(TorchNetwork.Layer::attribute)
                .containsExactly(
                        "conv1",
                        "bn1",
                        "leaky_relu1",
                        "conv2",
                        "elu1",
                        "pool1",
                        "flatten",
                        "dropout1",
                        "fc1",
                        "bn2",
                        "gelu1",
                        "tanh1",
                        "sigmoid1",
                        "out");
        assertThat(net.stateDict().keySet())
                .containsExactly(
                        "conv1.weight",
                        "bn1.weight",
                        "bn1.bias",
                        "bn1.running_mean",
                        "bn1.running_var",
                        "conv2.weight",
                        "conv2.bias",
                        "fc1.weight",
                        "fc1.bias",
                        "bn2.weight",
                        "bn2.bias",
                        "bn2.running_mean",
                        "bn2.running_var",
                        "out.weight",
                        "out.bias");
        assertThat(net.layers().get(1).parameter("running_var").values())
                .isSameAs(saved.get(4).values());
        assertThat(net.outputActivation()).isEqualTo(OutputActivation.SIGMOID);
    }

    @Test
    void aParameterOfAnotherShapeIsRefusedWithASentence() {
        ModelSpec spec = Presets.load("mlp");
        List<ParameterValues> saved = new ArrayList<>(mlpParameters());
        saved.set(0, values(saved.get(0).name(), 64, 784));
        assertThatThrownBy(() -> TorchNetwork.of(spec, saved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has shape 64×784")
                .hasMessageContaining("needs " + TorchNetwork.dims(mlpParameters().get(0).shape()));
    }

    @Test
    void aMissingOrStrayParameterIsRefusedWithASentence() {
        ModelSpec spec = Presets.load("mlp");
        List<ParameterValues> missing = new ArrayList<>(mlpParameters());
        ParameterValues bias = missing.remove(1);
        assertThatThrownBy(() -> TorchNetwork.of(spec, missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lack layer " + ParameterValues.positionOf(bias.name()))
                .hasMessageContaining("bias");

        List<ParameterValues> stray = new ArrayList<>(mlpParameters());
        stray.add(values("99Linear_weight", 2, 2));
        assertThatThrownBy(() -> TorchNetwork.of(spec, stray))
                .hasMessageContaining("99Linear_weight belongs to no layer");

        List<ParameterValues> extra = new ArrayList<>(mlpParameters());
        String first = extra.get(0).name().substring(0, 2);
        extra.add(values(first + "Linear_gamma", 3));
        assertThatThrownBy(() -> TorchNetwork.of(spec, extra))
                .hasMessageContaining(first + "Linear_gamma belong to no part of layer");
    }

    @Test
    void aNetworkThatCannotWorkIsRefused() {
        ModelSpec spec =
                new ModelSpec(
                        "broken",
                        Shape.image(1, 4, 4),
                        List.of(new DenseSpec(3, true), OutputSpec.softmax(2)));
        assertThatThrownBy(() -> TorchNetwork.of(spec, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the network cannot work: ")
                .hasMessageContaining("Flatten");
    }

    /** The mlp preset's parameters, by the engines' names, with random values. */
    private List<ParameterValues> mlpParameters() {
        ModelSpec spec = Presets.load("mlp");
        List<ParameterValues> out = new ArrayList<>();
        for (org.dnw.spec.LayerShape s : spec.analyse().layers()) {
            if (s.layer() instanceof DenseSpec || s.layer() instanceof OutputSpec) {
                int units = (int) s.output().size();
                String p = String.format("%02dLinear_", s.position());
                out.add(values(p + "weight", units, (int) s.input().size()));
                out.add(values(p + "bias", units));
            }
        }
        return out;
    }

    private ParameterValues values(String name, int... shape) {
        float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return new ParameterValues(name, shape, v);
    }
}
