package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dnw.engine.BlockFactory;
import org.dnw.engine.EngineSetup;
import org.dnw.engine.LoadedNetwork;
import org.dnw.export.onnx.OnnxProto.ModelProto;
import org.dnw.export.onnx.OnnxProto.NodeProto;
import org.dnw.export.onnx.OnnxProto.TensorShapeProto;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Shape;
import org.dnw.store.DatasetInfo;
import org.dnw.store.NpyWriter;
import org.dnw.store.RunManifest;
import org.dnw.store.SavedRun;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX file of a network with random weights, run by ONNX Runtime, against the workbench's own
 * network: the same parameters saved by DJL and loaded back through {@link LoadedNetwork} (its
 * probabilities as prediction computes them). Every layer kind is covered: convolutions with stride
 * 2, an even and a non-square kernel with 'same' padding and no bias, batch norm on images and on
 * vectors with non-trivial running statistics, average and max pooling, dropout, every activation,
 * a dense layer without bias, softmax and single-sigmoid outputs. No data: the inputs are random.
 */
class OnnxExportTest {

    private static final List<String> CLASSES = List.of("cat", "dog \"d\"", "bird");

    @TempDir Path dir;

    /** Input 3×10×10; every layer kind; 3 classes, softmax. */
    static ModelSpec everyLayerKind() {
        List<LayerSpec> layers =
                List.of(
                        Conv2dSpec.of(4, 4, 1, Padding.SAME), // even kernel: 10 → 9
                        new BatchNormSpec(),
                        ActivationSpec.of(ActivationType.LEAKY_RELU),
                        new Conv2dSpec(5, 3, 3, 2, Padding.SAME, false), // stride 2: 9 → 5
                        ActivationSpec.of(ActivationType.ELU),
                        Pool2dSpec.average(2, 1), // 5 → 4
                        ActivationSpec.of(ActivationType.GELU),
                        new Conv2dSpec(6, 3, 2, 1, Padding.VALID, true), // 4×4 → 2×3
                        ActivationSpec.of(ActivationType.SIGMOID),
                        Pool2dSpec.max(2, 2), // 2×3 → 1×1, rounding down
                        new FlattenSpec(),
                        DenseSpec.of(7),
                        new BatchNormSpec(),
                        ActivationSpec.of(ActivationType.TANH),
                        new DropoutSpec(0.5),
                        new DenseSpec(5, false),
                        ActivationSpec.relu(),
                        OutputSpec.softmax(3));
        return new ModelSpec("every-kind", Shape.image(3, 10, 10), layers);
    }

    /** Input of 6 features; one sigmoid unit for 2 classes. */
    static ModelSpec sigmoidOutput() {
        return new ModelSpec(
                "sigmoid",
                Shape.flat(6),
                List.of(
                        DenseSpec.of(8),
                        ActivationSpec.of(ActivationType.GELU),
                        new DropoutSpec(0.3),
                        new OutputSpec(2, OutputActivation.SIGMOID, true)));
    }

    @Test
    void everyLayerKindGivesTheWorkbenchsProbabilities() throws Exception {
        double largest = compare(everyLayerKind(), CLASSES, 11);
        System.out.printf("every layer kind: largest |ONNX Runtime − workbench| = %.3g%n", largest);
    }

    @Test
    void aSingleSigmoidUnitGivesOneMinusPAndP() throws Exception {
        double largest = compare(sigmoidOutput(), List.of("no", "yes"), 12);
        System.out.printf("sigmoid output: largest |ONNX Runtime − workbench| = %.3g%n", largest);
    }

    @Test
    void theFileNamesItsPartsAsPyTorchDoesAndDescribesItsInputAndClasses() throws Exception {
        ExportedRun run = fakeRun(everyLayerKind(), CLASSES, dir.resolve("run"), 3).run();
        Path file = dir.resolve("out/model.onnx");
        OnnxExport.write(run, file, false);
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));

        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(13);
        assertThat(model.getProducerName()).isEqualTo("Deep Network Workbench");
        assertThat(model.getDocString()).contains(run.runName()).contains("pixels / 255", "NCHW");
        assertThat(model.getMetadataPropsList())
                .anySatisfy(
                        e -> {
                            assertThat(e.getKey()).isEqualTo("class_names");
                            assertThat(e.getValue())
                                    .isEqualTo("[\"cat\",\"dog \\\"d\\\"\",\"bird\"]");
                        });
        assertThat(model.getGraph().getInitializerList().stream().map(t -> t.getName()))
                .containsExactlyElementsOf(run.network().stateDict().keySet())
                .contains("conv1.weight", "bn1.running_mean", "bn2.running_var", "fc2.weight");
        assertThat(model.getGraph().getNodeList().stream().map(NodeProto::getOpType))
                .doesNotContain("Dropout")
                .contains("Erf", "AveragePool", "MaxPool", "BatchNormalization", "Gemm")
                .endsWith("Softmax");
        NodeProto conv1 = model.getGraph().getNode(0);
        assertThat(conv1.getName()).isEqualTo("conv1");
        assertThat(conv1.getAttributeList())
                .anySatisfy(
                        a -> {
                            assertThat(a.getName()).isEqualTo("pads");
                            assertThat(a.getIntsList()).containsExactly(1L, 1L, 1L, 1L);
                        });
        List<TensorShapeProto.Dimension> in =
                model.getGraph().getInput(0).getType().getTensorType().getShape().getDimList();
        assertThat(in.get(0).getDimParam()).isEqualTo("batch");
        assertThat(in.subList(1, 4).stream().map(d -> d.getDimValue()))
                .containsExactly(3L, 10L, 10L);
        assertThat(model.getGraph().getOutput(0).getName()).isEqualTo("probabilities");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void aBadTargetGetsOneSentenceAndNothingIsWritten() throws Exception {
        ExportedRun run =
                fakeRun(sigmoidOutput(), List.of("no", "yes"), dir.resolve("run"), 4).run();
        Path out = Files.createDirectories(dir.resolve("out"));

        assertThatThrownBy(() -> OnnxExport.write(run, out.resolve("model.pt"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ONNX file's name must end in .onnx, e.g. model.onnx");
        Path folder = Files.createDirectories(out.resolve("a.onnx"));
        assertThatThrownBy(() -> OnnxExport.write(run, folder, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(
                        "a.onnx is a folder — name the ONNX file to write, e.g. model.onnx");
        Path file = Files.writeString(out.resolve("file"), "x");
        assertThatThrownBy(() -> OnnxExport.write(run, file.resolve("sub/m.onnx"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a file, not a folder");
        Path existing = Files.writeString(out.resolve("old.onnx"), "keep me");
        assertThatThrownBy(() -> OnnxExport.write(run, existing, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(
                        "old.onnx already exists — name a new file, or replace it (--replace)");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.onnx", "file", "old.onnx");
        }

        OnnxExport.write(run, existing, true);
        assertThat(ModelProto.parseFrom(Files.readAllBytes(existing)).getGraph().getNodeCount())
                .isPositive();
    }

    @Test
    void anUnwritablePlaceGetsASentence() throws Exception {
        // sysfs refuses new files even to root, who may write into any folder chmod can make
        Path sys = Path.of("/sys");
        assumeTrue(
                Files.isDirectory(sys.resolve("kernel")),
                "skipped: needs Linux's /sys, a folder nobody may create files in");
        ExportedRun run =
                fakeRun(sigmoidOutput(), List.of("no", "yes"), dir.resolve("run"), 5).run();
        assertThatThrownBy(() -> OnnxExport.write(run, sys.resolve("dnw-export/model.onnx"), false))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write into /sys")
                .hasMessageEndingWith(" — choose another folder");
        assertThat(sys.resolve("dnw-export")).doesNotExist();
    }

    /** Exports a random network and compares ONNX Runtime's probabilities with the workbench's. */
    private double compare(ModelSpec spec, List<String> classes, long seed) throws Exception {
        Fake fake = fakeRun(spec, classes, dir.resolve("run"), seed);
        Path file = dir.resolve("model.onnx");
        OnnxExport.write(fake.run(), file, false);

        int count = 6;
        int size = (int) spec.input().size();
        Random random = new Random(seed + 100);
        float[] x = new float[count * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(256) / 255f;
        }
        float[] expected;
        try (LoadedNetwork network = LoadedNetwork.load(spec, fake.folder())) {
            expected = network.probabilities(x, count);
        }
        long[] sample = spec.input().dims().stream().mapToLong(Integer::longValue).toArray();
        float[] actual;
        try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(file)) {
            actual = ort.probabilities(x, count, sample);
        }
        assertThat(actual).hasSize(count * classes.size()).hasSameSizeAs(expected);
        double largest = 0;
        double spread = 0;
        for (int i = 0; i < actual.length; i++) {
            largest = Math.max(largest, Math.abs(actual[i] - expected[i]));
            spread = Math.max(spread, Math.abs(expected[i] - expected[i % classes.size()]));
        }
        for (int n = 0; n < count; n++) {
            float sum = 0;
            for (int k = 0; k < classes.size(); k++) {
                sum += actual[n * classes.size() + k];
            }
            assertThat(sum)
                    .as("row %d sums to 1", n)
                    .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
        assertThat(spread).as("the samples get different probabilities").isGreaterThan(1e-3);
        assertThat(largest).as("largest difference").isLessThanOrEqualTo(1e-5);
        return largest;
    }

    private record Fake(ExportedRun run, Path folder) {}

    /**
     * A run folder holding {@code spec} with random parameters (batch norm's running variance
     * positive) as DJL's {@code model-0000.params} and as {@code weights.npz}, read back as the
     * export reads a run.
     */
    private static Fake fakeRun(ModelSpec spec, List<String> classes, Path folder, long seed)
            throws IOException {
        Files.createDirectories(folder);
        EngineSetup.configure();
        Random random = new Random(seed);
        List<ParameterValues> parameters = new ArrayList<>();
        SequentialBlock block = BlockFactory.build(spec);
        try (Model model =
                Model.newInstance(LoadedNetwork.MODEL_NAME, EngineSetup.device(), "PyTorch")) {
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    BlockFactory.batchShape(spec.input(), 1));
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray a = p.getValue().getArray();
                float[] v = new float[(int) a.size()];
                boolean variance = p.getKey().endsWith("_runningVar");
                for (int i = 0; i < v.length; i++) {
                    v[i] =
                            variance
                                    ? 0.3f + 1.5f * random.nextFloat()
                                    : (float) (0.6 * random.nextGaussian());
                }
                a.set(FloatBuffer.wrap(v));
                int[] shape =
                        java.util.Arrays.stream(a.getShape().getShape())
                                .mapToInt(d -> (int) d)
                                .toArray();
                parameters.add(new ParameterValues(p.getKey(), shape, v));
            }
            model.save(folder, LoadedNetwork.MODEL_NAME);
        }
        try (OutputStream out =
                Files.newOutputStream(folder.resolve(org.dnw.store.RunLayers.WEIGHTS_NPZ))) {
            NpyWriter.writeNpz(out, parameters);
        }
        RunManifest manifest =
                new RunManifest(
                        RunManifest.FORMAT_VERSION,
                        spec.name(),
                        spec,
                        null,
                        seed,
                        new DatasetInfo("toy", classes, Map.of(), 0, 0, 0),
                        Map.of(),
                        "CPU",
                        0,
                        null,
                        null,
                        0,
                        null,
                        null,
                        List.of());
        SavedRun saved = new SavedRun(folder, manifest, List.of(), null, null, List.of());
        return new Fake(ExportedRun.of(saved), folder);
    }
}
