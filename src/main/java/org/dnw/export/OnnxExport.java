package org.dnw.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnw.export.onnx.OnnxProto.AttributeProto;
import org.dnw.export.onnx.OnnxProto.GraphProto;
import org.dnw.export.onnx.OnnxProto.ModelProto;
import org.dnw.export.onnx.OnnxProto.NodeProto;
import org.dnw.export.onnx.OnnxProto.OperatorSetIdProto;
import org.dnw.export.onnx.OnnxProto.StringStringEntryProto;
import org.dnw.export.onnx.OnnxProto.TensorProto;
import org.dnw.export.onnx.OnnxProto.TensorShapeProto;
import org.dnw.export.onnx.OnnxProto.TypeProto;
import org.dnw.export.onnx.OnnxProto.ValueInfoProto;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Shape;
import org.dnw.train.ParameterValues;

/**
 * Writes a saved run's network as an ONNX model (IR version 8, opset 13) that ONNX Runtime runs:
 * input {@value #INPUT} (float32, [batch, C, H, W] for images, [batch, features] for tables, the
 * batch dimension symbolic), output {@value #OUTPUT} (float32, [batch, classes]: softmax over the
 * classes, or [1 − p, p] for a single sigmoid unit), as the workbench predicts.
 *
 * <p>Built from {@link TorchNetwork}, the one mapping: one node (GELU: five) per layer, named and
 * producing a tensor named after the layer's PyTorch attribute ({@code conv1}, {@code bn1}, ...),
 * and the trained parameters as initializers under their {@code state_dict} names ({@code
 * conv1.weight}, {@code bn1.running_mean}), so the file reads like {@code model.py}. Inference
 * only: dropout is left out, batch norm uses the running statistics (epsilon 1e-5). The messages
 * are ONNX's own schema ({@code src/main/proto/onnx.proto}) written by Google's protobuf runtime.
 * Stateless.
 */
public final class OnnxExport {

    /** The ONNX IR version written: 8 (ONNX 1.10 to 1.12), which onnx 1.12's checker accepts. */
    public static final int IR_VERSION = 8;

    /** The default-domain operator set the graph uses. */
    public static final int OPSET = 13;

    /** The graph's input name. */
    public static final String INPUT = "input";

    /** The graph's output name. */
    public static final String OUTPUT = "probabilities";

    /** The model's producer name. */
    public static final String PRODUCER = "Deep Network Workbench";

    /** The file name ending an ONNX file must have. */
    public static final String SUFFIX = ".onnx";

    /** Metadata key of the class names, a JSON array (index = class). */
    public static final String CLASS_NAMES_KEY = "class_names";

    private static final float BATCH_NORM_EPSILON = 1e-5f;
    private static final float LEAKY_RELU_SLOPE = 0.01f;
    private static final float ELU_ALPHA = 1f;

    private OnnxExport() {}

    /**
     * Writes {@code run}'s network, softmax output included, to {@code file}, replacing a file that
     * is there (as a save dialog that asked first does).
     *
     * @see #write(ExportedRun, Path, boolean)
     */
    public static void write(ExportedRun run, Path file) throws IOException {
        write(run, file, true);
    }

    /**
     * Writes {@code run}'s network to {@code file} through a hidden temporary file beside it and
     * one rename: the file is either complete or as it was. Missing parent folders are made.
     *
     * @param file a path ending in {@value #SUFFIX}
     * @param replace whether an existing file may be replaced
     * @throws IllegalArgumentException with a sentence when {@code file} does not end in {@value
     *     #SUFFIX}, is a folder, lies under a file, or exists and {@code replace} is false
     * @throws IOException with a sentence when the file cannot be written (e.g. permission denied)
     */
    public static void write(ExportedRun run, Path file, boolean replace) throws IOException {
        Path target = checkTarget(file, replace);
        ModelProto model = model(run);
        ExportFiles.writeFile(target, model::writeTo);
    }

    /**
     * Checks that {@code file} can be written as an ONNX file, before anything is written.
     *
     * @return the absolute, normalized path
     * @throws IllegalArgumentException with a sentence when it cannot (see {@link
     *     #write(ExportedRun, Path, boolean)})
     * @throws IOException with a sentence when the nearest existing folder above it is not writable
     */
    public static Path checkTarget(Path file, boolean replace) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(
                    target + " is a folder — name the ONNX file to write, e.g. model" + SUFFIX);
        }
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
            throw new IllegalArgumentException(
                    "the ONNX file's name must end in " + SUFFIX + ", e.g. model" + SUFFIX);
        }
        if (Files.exists(target) && !replace) {
            throw new IllegalArgumentException(
                    target + " already exists — name a new file, or replace it (--replace)");
        }
        ExportFiles.checkFoldersAbove(target);
        return target;
    }

    /** The ONNX model of {@code run}'s network (what {@link #write} writes). */
    static ModelProto model(ExportedRun run) {
        TorchNetwork network = run.network();
        Shape in = network.spec().input();
        GraphProto.Builder graph =
                GraphProto.newBuilder()
                        .setName(network.spec().name() == null ? "network" : network.spec().name())
                        .addInput(value(INPUT, in.isImage() ? in.dims() : List.of(in.width())));
        String x = INPUT;
        for (TorchNetwork.Layer layer : network.layers()) {
            for (TorchNetwork.Parameter p : layer.parameters()) {
                graph.addInitializer(tensor(p.torchName(), p.values()));
            }
            x = addLayer(graph, layer, x);
        }
        int classes = network.spec().output().classes();
        if (network.outputActivation() == OutputActivation.SIGMOID) {
            // [1 − p, p] with p = sigmoid(z), as the workbench turns its one unit into two classes
            graph.addNode(node("Sigmoid", "sigmoid", List.of(x), "p"));
            graph.addNode(constant("one", 1f));
            graph.addNode(node("Sub", "one_minus_p", List.of("one", "p"), "one_minus_p"));
            graph.addNode(
                    node("Concat", OUTPUT, List.of("one_minus_p", "p"), OUTPUT)
                            .addAttribute(integer("axis", 1)));
        } else {
            graph.addNode(
                    node("Softmax", OUTPUT, List.of(x), OUTPUT).addAttribute(integer("axis", 1)));
        }
        graph.addOutput(value(OUTPUT, List.of(classes)));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setDocString(docString(run))
                .setGraph(graph)
                .addMetadataProps(entry("run", run.runName()))
                .addMetadataProps(entry(CLASS_NAMES_KEY, json(run.run().classNames())))
                .addMetadataProps(entry("preprocessing", preprocessing(in)))
                .build();
    }

    /** Adds the nodes of {@code layer} reading tensor {@code x}; returns its output tensor. */
    private static String addLayer(GraphProto.Builder graph, TorchNetwork.Layer layer, String x) {
        LayerSpec spec = layer.spec();
        String name = layer.attribute();
        if (spec instanceof Conv2dSpec c) {
            int ph = c.padding().perSide(c.kernelHeight());
            int pw = c.padding().perSide(c.kernelWidth());
            graph.addNode(
                    node("Conv", name, withParameters(x, layer, "weight", "bias"), name)
                            .addAttribute(ints("kernel_shape", c.kernelHeight(), c.kernelWidth()))
                            .addAttribute(ints("strides", c.stride(), c.stride()))
                            .addAttribute(ints("pads", ph, pw, ph, pw)));
        } else if (spec instanceof BatchNormSpec) {
            graph.addNode(
                    node(
                                    "BatchNormalization",
                                    name,
                                    withParameters(
                                            x,
                                            layer,
                                            "weight",
                                            "bias",
                                            "running_mean",
                                            "running_var"),
                                    name)
                            .addAttribute(floats("epsilon", BATCH_NORM_EPSILON)));
        } else if (spec instanceof Pool2dSpec p) {
            NodeProto.Builder pool =
                    node(
                                    p.poolType() == PoolType.AVERAGE ? "AveragePool" : "MaxPool",
                                    name,
                                    List.of(x),
                                    name)
                            .addAttribute(ints("kernel_shape", p.kernel(), p.kernel()))
                            .addAttribute(ints("strides", p.stride(), p.stride()));
            graph.addNode(pool);
        } else if (spec instanceof FlattenSpec) {
            graph.addNode(node("Flatten", name, List.of(x), name).addAttribute(integer("axis", 1)));
        } else if (spec instanceof DenseSpec || spec instanceof OutputSpec) {
            graph.addNode(
                    node("Gemm", name, withParameters(x, layer, "weight", "bias"), name)
                            .addAttribute(integer("transB", 1)));
        } else if (spec instanceof DropoutSpec) {
            return x; // inference: dropout passes its input through
        } else if (spec instanceof ActivationSpec a) {
            switch (a.function()) {
                case RELU -> graph.addNode(node("Relu", name, List.of(x), name));
                case SIGMOID -> graph.addNode(node("Sigmoid", name, List.of(x), name));
                case TANH -> graph.addNode(node("Tanh", name, List.of(x), name));
                case LEAKY_RELU ->
                        graph.addNode(
                                node("LeakyRelu", name, List.of(x), name)
                                        .addAttribute(floats("alpha", LEAKY_RELU_SLOPE)));
                case ELU ->
                        graph.addNode(
                                node("Elu", name, List.of(x), name)
                                        .addAttribute(floats("alpha", ELU_ALPHA)));
                case GELU -> addGelu(graph, name, x);
            }
        } else {
            throw new IllegalArgumentException("no ONNX node for " + spec);
        }
        return name;
    }

    /**
     * The exact GELU, x · ½ · (1 + erf(x / √2)), as PyTorch's {@code nn.GELU()} computes it: opset
     * 13 has Erf but no Gelu operator (that came with opset 20).
     */
    private static void addGelu(GraphProto.Builder graph, String name, String x) {
        String p = name + ".";
        graph.addNode(constant(p + "sqrt2", (float) Math.sqrt(2)));
        graph.addNode(constant(p + "one", 1f));
        graph.addNode(constant(p + "half", 0.5f));
        graph.addNode(node("Div", p + "scaled", List.of(x, p + "sqrt2"), p + "scaled"));
        graph.addNode(node("Erf", p + "erf", List.of(p + "scaled"), p + "erf"));
        graph.addNode(node("Add", p + "one_plus_erf", List.of(p + "erf", p + "one"), p + "sum"));
        graph.addNode(node("Mul", p + "times_x", List.of(x, p + "sum"), p + "times_x"));
        graph.addNode(node("Mul", name, List.of(p + "times_x", p + "half"), name));
    }

    /** {@code x} and the layer's initializers among {@code names}, in that order. */
    private static List<String> withParameters(
            String x, TorchNetwork.Layer layer, String... names) {
        List<String> inputs = new ArrayList<>();
        inputs.add(x);
        for (String n : names) {
            String full = layer.attribute() + "." + n;
            if (layer.parameters().stream().anyMatch(p -> p.torchName().equals(full))) {
                inputs.add(full);
            }
        }
        return inputs;
    }

    private static NodeProto.Builder node(
            String op, String name, List<String> inputs, String output) {
        return NodeProto.newBuilder()
                .setOpType(op)
                .setName(name)
                .addAllInput(inputs)
                .addOutput(output);
    }

    private static NodeProto constant(String name, float value) {
        TensorProto t =
                TensorProto.newBuilder()
                        .setName(name)
                        .setDataType(TensorProto.DataType.FLOAT_VALUE)
                        .addFloatData(value)
                        .build();
        return node("Constant", name, List.of(), name)
                .addAttribute(
                        AttributeProto.newBuilder()
                                .setName("value")
                                .setType(AttributeProto.AttributeType.TENSOR)
                                .setT(t))
                .build();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a =
                AttributeProto.newBuilder()
                        .setName(name)
                        .setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static AttributeProto floats(String name, float value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    /** A float32 tensor, little-endian raw data, PyTorch's layout (what the engines save). */
    private static TensorProto tensor(String name, ParameterValues values) {
        TensorProto.Builder t =
                TensorProto.newBuilder()
                        .setName(name)
                        .setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (int d : values.shape()) {
            t.addDims(d);
        }
        // the array is not kept elsewhere, so protobuf may hold it without a second copy
        return t.setRawData(
                        UnsafeByteOperations.unsafeWrap(
                                TorchStateDict.littleEndian(values.values())))
                .build();
    }

    /** A float32 value of shape [batch, dims...], the batch dimension symbolic. */
    private static ValueInfoProto value(String name, List<Integer> dims) {
        TensorShapeProto.Builder shape =
                TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(
                        TypeProto.newBuilder()
                                .setTensorType(
                                        TypeProto.Tensor.newBuilder()
                                                .setElemType(TensorProto.DataType.FLOAT_VALUE)
                                                .setShape(shape)))
                .build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static String preprocessing(Shape in) {
        return in.isImage()
                ? "float32 NCHW [batch, "
                        + in.channels()
                        + ", "
                        + in.height()
                        + ", "
                        + in.width()
                        + "]: pixels / 255 (values in [0, 1]), channels then rows then columns"
                : "float32 [batch, "
                        + in.width()
                        + "]: the table's feature values as the workbench read them";
    }

    private static String docString(ExportedRun run) {
        return "Run "
                + run.runName()
                + " of the Deep Network Workbench. Input \""
                + INPUT
                + "\": "
                + preprocessing(run.network().spec().input())
                + ". Output \""
                + OUTPUT
                + "\": float32 [batch, classes], "
                + (run.network().outputActivation() == OutputActivation.SIGMOID
                        ? "[1 - p, p] with p = sigmoid of the one output unit"
                        : "softmax over the classes")
                + "; the class names are in the metadata ("
                + CLASS_NAMES_KEY
                + ").";
    }

    private static String json(List<String> names) {
        try {
            return new ObjectMapper().writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
