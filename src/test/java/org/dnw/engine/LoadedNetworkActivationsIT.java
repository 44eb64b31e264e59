package org.dnw.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.train.LayerActivation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LoadedNetwork#activations} on networks saved and loaded back like a run's: every layer's
 * output equals a direct forward pass (in a second, independently loaded model) through the block's
 * first layers as one {@link SequentialBlock}, within 1e-5; its shape equals shape inference's; and
 * softmax (or sigmoid) of the last layer equals the network's own probabilities.
 */
class LoadedNetworkActivationsIT {

    private static final float TOLERANCE = 1e-5f;

    @TempDir Path dir;

    static Stream<ModelSpec> networks() {
        return Stream.of(
                Presets.load("seed-cnn"),
                Presets.load("mlp"),
                Presets.load("seed-cnn").adaptTo(Shape.image(3, 32, 32), 10),
                new ModelSpec(
                        "batch norm, dropout, sigmoid",
                        Shape.image(1, 12, 12),
                        List.of(
                                Conv2dSpec.of(4, 3, 1, Padding.SAME),
                                new BatchNormSpec(),
                                new ActivationSpec(ActivationType.TANH),
                                new DropoutSpec(0.5),
                                new Pool2dSpec(PoolType.AVERAGE, 2, 2),
                                new FlattenSpec(),
                                new DenseSpec(9, true),
                                new ActivationSpec(ActivationType.GELU),
                                new OutputSpec(2, OutputActivation.SIGMOID, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyLayerEqualsADirectForwardPass(ModelSpec spec) throws Exception {
        Engine.getInstance().setRandomSeed(11);
        try (Model saved = Model.newInstance(LoadedNetwork.MODEL_NAME, EngineSetup.device())) {
            SequentialBlock block = BlockFactory.build(spec);
            saved.setBlock(block);
            block.initialize(
                    saved.getNDManager(),
                    DataType.FLOAT32,
                    BlockFactory.batchShape(spec.input(), 1));
            saved.save(dir, LoadedNetwork.MODEL_NAME);
        }
        float[] input = new float[(int) spec.input().size()];
        Random random = new Random(5);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat();
        }
        List<LayerActivation> activations;
        float[] probabilities;
        try (LoadedNetwork network = LoadedNetwork.load(spec, dir)) {
            activations = network.activations(input);
            probabilities = network.probabilities(input, 1);
        }
        List<LayerShape> inferred = spec.analyse().layers();
        assertThat(activations).hasSize(spec.layers().size());

        try (Model direct = Model.newInstance("direct", EngineSetup.device());
                NDManager manager = direct.getNDManager().newSubManager()) {
            SequentialBlock block = BlockFactory.build(spec);
            direct.setBlock(block);
            block.initialize(
                    direct.getNDManager(),
                    DataType.FLOAT32,
                    BlockFactory.batchShape(spec.input(), 1));
            direct.load(dir, LoadedNetwork.MODEL_NAME);
            NDArray x = manager.create(input, BlockFactory.batchShape(spec.input(), 1));
            ParameterStore store = new ParameterStore(manager, false);
            List<Block> children = new ArrayList<>(block.getChildren().values());
            for (int k = 0; k < children.size(); k++) {
                SequentialBlock prefix = new SequentialBlock();
                prefix.addAll(children.subList(0, k + 1));
                NDArray expected = prefix.forward(store, new NDList(x), false).singletonOrThrow();
                LayerActivation actual = activations.get(k);
                String what = spec.name() + " layer " + (k + 1) + " " + actual.layer().kindName();
                assertThat(actual.position()).isEqualTo(k + 1);
                assertThat(actual.layer()).isEqualTo(spec.layers().get(k));
                assertThat(actual.shape()).as(what).isEqualTo(inferred.get(k).output());
                assertThat(expected.getShape().getShape())
                        .as(what)
                        .containsExactly(BlockFactory.batchShape(actual.shape(), 1).getShape());
                assertThat(maxAbsDifference(expected.toFloatArray(), actual.values()))
                        .as(what)
                        .isLessThan(TOLERANCE);
            }
            NDArray logits = manager.create(activations.get(activations.size() - 1).values());
            float[] fromLast =
                    Logits.probabilities(logits.reshape(1, -1), Logits.isSigmoid(spec))
                            .toFloatArray();
            float[] whole =
                    Logits.probabilities(
                                    block.forward(store, new NDList(x), false).singletonOrThrow(),
                                    Logits.isSigmoid(spec))
                            .toFloatArray();
            assertThat(maxAbsDifference(fromLast, probabilities)).isLessThan(TOLERANCE);
            assertThat(maxAbsDifference(whole, probabilities)).isLessThan(TOLERANCE);
        }
    }

    private static float maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
