package org.dnw.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shape inference (plain Java) agrees with what DJL's PyTorch layers really produce: every layer
 * type, every padding mode, strides 1–3, odd and even kernels, square and oblong inputs. Each
 * network is run forward layer by layer and each output shape compared, as are the parameter
 * counts.
 */
class BlockFactoryIT {

    static Stream<ModelSpec> networks() {
        List<ModelSpec> out = new ArrayList<>();
        Shape[] inputs = {Shape.image(1, 28, 28), Shape.image(3, 13, 17)};
        Padding[] paddings = {
            Padding.VALID, Padding.SAME, Padding.explicit(1), Padding.explicit(2)
        };
        for (Shape input : inputs) {
            for (int kernel : new int[] {1, 2, 3, 5}) {
                for (int stride = 1; stride <= 3; stride++) {
                    for (Padding padding : paddings) {
                        out.add(
                                net(
                                        "conv k" + kernel + " s" + stride + " p" + padding,
                                        input,
                                        new Conv2dSpec(
                                                6, kernel, kernel, stride, padding, kernel != 2),
                                        new FlattenSpec(),
                                        OutputSpec.softmax(10)));
                    }
                }
            }
            out.add(
                    net(
                            "oblong kernel",
                            input,
                            new Conv2dSpec(4, 3, 5, 1, Padding.SAME, true),
                            new FlattenSpec(),
                            OutputSpec.softmax(3)));
            for (PoolType type : PoolType.values()) {
                for (int kernel : new int[] {2, 3}) {
                    for (int stride = 1; stride <= 3; stride++) {
                        out.add(
                                net(
                                        type + " pool k" + kernel + " s" + stride,
                                        input,
                                        new Pool2dSpec(type, kernel, stride),
                                        new FlattenSpec(),
                                        OutputSpec.softmax(10)));
                    }
                }
            }
            List<LayerSpec> everything = new ArrayList<>();
            everything.add(Conv2dSpec.of(8, 3, 1, Padding.SAME));
            everything.add(new BatchNormSpec());
            for (ActivationType a : ActivationType.values()) {
                everything.add(new ActivationSpec(a));
            }
            everything.add(new DropoutSpec(0.25));
            everything.add(new Pool2dSpec(PoolType.MAX, 2, 2));
            everything.add(new FlattenSpec());
            everything.add(new DenseSpec(20, true));
            everything.add(new BatchNormSpec());
            everything.add(new DenseSpec(7, false));
            everything.add(new OutputSpec(2, OutputActivation.SIGMOID, true));
            out.add(new ModelSpec("every layer", input, everything));
        }
        for (String preset : Presets.NAMES) {
            out.add(Presets.load(preset));
        }
        out.add(Presets.load("seed-cnn").adaptTo(Shape.image(3, 32, 32), 10));
        return out.stream().filter(s -> s.analyse().isValid());
    }

    private static ModelSpec net(String name, Shape input, LayerSpec... layers) {
        return new ModelSpec(name, input, List.of(layers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void djlProducesTheInferredShapes(ModelSpec spec) {
        NetworkAnalysis analysis = spec.analyse();
        SequentialBlock block = BlockFactory.build(spec);
        try (Model model = Model.newInstance("shapes", EngineSetup.device(), "PyTorch");
                NDManager manager = model.getNDManager().newSubManager()) {
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    BlockFactory.batchShape(spec.input(), 2));
            NDArray x = manager.randomUniform(0, 1, BlockFactory.batchShape(spec.input(), 2));
            ParameterStore store = new ParameterStore(manager, false);
            NDList current = new NDList(x);
            List<Block> children = block.getChildren().values();
            assertThat(children).hasSize(spec.layers().size());
            for (int i = 0; i < children.size(); i++) {
                current = children.get(i).forward(store, current, false);
                LayerShape expected = analysis.layers().get(i);
                long[] actual = current.singletonOrThrow().getShape().getShape();
                long[] wanted = BlockFactory.batchShape(expected.output(), 2).getShape();
                assertThat(actual)
                        .as("layer %d (%s) of %s", i + 1, expected.layer().summary(), spec.name())
                        .containsExactly(wanted);
                long params = 0;
                for (Pair<String, ai.djl.nn.Parameter> p : children.get(i).getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        params += p.getValue().getArray().size();
                    }
                }
                assertThat(params)
                        .as("parameters of layer %d of %s", i + 1, spec.name())
                        .isEqualTo(expected.parameterCount());
            }
        }
    }
}
