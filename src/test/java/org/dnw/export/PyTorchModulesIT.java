package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.dnw.engine.BlockFactory;
import org.dnw.engine.EngineSetup;
import org.dnw.engine.LoadedNetwork;
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
import org.dnw.spec.Shape;
import org.dnw.store.NpyReader;
import org.dnw.store.NpyWriter;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PyTorch module {@code model.py} declares computes what the workbench's network computes, for
 * every kind of layer: a network is built and initialised by the DJL engine (batch norm given
 * random scale, shift and running statistics, so that they matter), its probabilities for random
 * inputs taken through {@link LoadedNetwork}; then {@code model.py} and {@code model.pt} are
 * written from its parameters and Debian's python3 with torch computes {@code Net().probabilities}
 * for the same inputs. They must agree within 1e-5.
 */
class PyTorchModulesIT {

    private static final String SCRIPT =
            """
            import sys, warnings
            warnings.filterwarnings("ignore")
            import numpy as np, torch
            sys.path.insert(0, sys.argv[1])
            from model import Net
            net = Net()
            net.load_state_dict(torch.load(sys.argv[1] + "/model.pt"))
            net.eval()
            x = torch.from_numpy(np.load(sys.argv[2]))
            with torch.no_grad():
                p = net.probabilities(x).numpy().astype(np.float32)
            np.save(sys.argv[3], p)
            print("torch", torch.__version__, tuple(p.shape))
            """;

    @TempDir Path dir;

    static Stream<ModelSpec> networks() {
        return Stream.of(
                new ModelSpec(
                        "every image layer",
                        Shape.image(3, 12, 12),
                        List.of(
                                new Conv2dSpec(4, 4, 4, 1, Padding.SAME, false),
                                new BatchNormSpec(),
                                new ActivationSpec(ActivationType.LEAKY_RELU),
                                new Conv2dSpec(6, 3, 1, 2, Padding.explicit(1), true),
                                new ActivationSpec(ActivationType.ELU),
                                new Pool2dSpec(PoolType.AVERAGE, 3, 1),
                                new Conv2dSpec(5, 2, 2, 1, Padding.VALID, true),
                                new ActivationSpec(ActivationType.RELU),
                                new Pool2dSpec(PoolType.MAX, 2, 1),
                                new FlattenSpec(),
                                new DropoutSpec(0.5),
                                new DenseSpec(7, true),
                                new ActivationSpec(ActivationType.GELU),
                                new OutputSpec(4, OutputActivation.SOFTMAX, true))),
                new ModelSpec(
                        "dense, batch norm, sigmoid output",
                        Shape.flat(9),
                        List.of(
                                new DenseSpec(8, false),
                                new BatchNormSpec(),
                                new ActivationSpec(ActivationType.TANH),
                                new DropoutSpec(0.3),
                                new DenseSpec(5, true),
                                new ActivationSpec(ActivationType.SIGMOID),
                                new OutputSpec(2, OutputActivation.SIGMOID, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theExportedModuleGivesTheWorkbenchsProbabilities(ModelSpec spec) throws Exception {
        String python = PythonProcess.require("torch", "numpy");
        Path runFolder = Files.createDirectories(dir.resolve("run"));
        List<ParameterValues> parameters = saveRandomNetwork(spec, runFolder);
        int count = 16;
        int n = (int) spec.input().size();
        float[] inputs = new float[count * n];
        Random random = new Random(5);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextFloat();
        }
        float[] expected;
        try (LoadedNetwork network = LoadedNetwork.load(spec, runFolder)) {
            expected = network.probabilities(inputs, count);
        }

        TorchNetwork torch = TorchNetwork.of(spec, parameters);
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.writeString(
                export.resolve("model.py"),
                ModelPy.source(
                        torch, "test", List.of("a", "b", "c", "d").subList(0, classes(spec))),
                StandardCharsets.UTF_8);
        TorchStateDict.write(export.resolve("model.pt"), torch.stateDict());
        int[] shape = new int[spec.input().dims().size() + 1];
        shape[0] = count;
        for (int i = 1; i < shape.length; i++) {
            shape[i] = spec.input().dims().get(i - 1);
        }
        Path x = dir.resolve("x.npy");
        try (OutputStream out = Files.newOutputStream(x)) {
            NpyWriter.write(out, shape, inputs);
        }
        Path p = dir.resolve("p.npy");

        PythonProcess.Result r =
                PythonProcess.run(
                        null,
                        120,
                        python,
                        "-c",
                        SCRIPT,
                        export.toString(),
                        x.toString(),
                        p.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        float[] got = NpyReader.read(p, "p").values();
        assertThat(got).hasSameSizeAs(expected);
        float worst = 0;
        for (int i = 0; i < got.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - expected[i]));
        }
        System.out.printf(
                Locale.ROOT,
                "%s: PyTorch (%s) vs workbench, %d inputs × %d classes: largest |difference| %.2e%n",
                spec.name(),
                r.output(),
                count,
                classes(spec),
                worst);
        assertThat(worst).isLessThan(1e-5f);
        // the test can fail: a network whose batch norm were left out would differ
        float spread = 0;
        for (int i = 1; i < count; i++) {
            spread = Math.max(spread, Math.abs(expected[i * classes(spec)] - expected[0]));
        }
        assertThat(spread).as("inputs that give different probabilities").isGreaterThan(1e-3f);
    }

    private static int classes(ModelSpec spec) {
        return spec.output().classes();
    }

    /**
     * Builds and initialises {@code spec} with DJL, gives every batch norm random scale, shift and
     * running statistics, saves it as a run's model file into {@code folder}, and returns its
     * parameters as the engines name them.
     */
    private static List<ParameterValues> saveRandomNetwork(ModelSpec spec, Path folder)
            throws Exception {
        Engine.getInstance().setRandomSeed(11);
        Random random = new Random(13);
        List<ParameterValues> out = new ArrayList<>();
        try (Model model = Model.newInstance(LoadedNetwork.MODEL_NAME, EngineSetup.device())) {
            SequentialBlock block = BlockFactory.build(spec);
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    BlockFactory.batchShape(spec.input(), 1));
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray a = p.getValue().getArray();
                String name = p.getKey();
                if (name.contains("BatchNorm_")) {
                    float[] v = new float[(int) a.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] =
                                name.endsWith("runningVar")
                                        ? 0.5f + random.nextFloat()
                                        : (float) random.nextGaussian() * 0.5f
                                                + (name.endsWith("gamma") ? 1 : 0);
                    }
                    a.set(FloatBuffer.wrap(v));
                }
                int[] shape = new int[a.getShape().dimension()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = (int) a.getShape().get(i);
                }
                out.add(new ParameterValues(name, shape, a.toFloatArray()));
            }
            model.save(folder, LoadedNetwork.MODEL_NAME);
        }
        return out;
    }
}
