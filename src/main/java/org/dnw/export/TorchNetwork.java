package org.dnw.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dnw.spec.ActivationSpec;
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
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Problem;
import org.dnw.train.ParameterValues;

/**
 * A trained network as PyTorch names it: one {@code nn.Module} attribute per layer of the spec
 * ({@code conv1}, {@code bn1}, {@code relu1}, {@code pool1}, {@code flatten}, {@code fc1}, {@code
 * dropout1}, {@code out}), the PyTorch module that computes what the workbench's layer computes,
 * and the layer's trained parameters under their {@code state_dict} names ({@code conv1.weight},
 * {@code bn1.running_mean}). The one mapping from the workbench's networks to PyTorch: the PyTorch
 * code ({@code model.py}, {@code model.pt}) and the ONNX file are written from it.
 *
 * <p>Both engines name a parameter {@code <NN><Kind>_<name>} ({@code 01Conv2d_weight}, {@code
 * 02BatchNorm_runningMean}) with NN the layer's 1-based position, and keep DJL's layouts, which are
 * PyTorch's: a convolution's weight is out × in × kh × kw, a dense layer's out × in, flatten is
 * NCHW (channel, then row, then column). So values are copied as they are; only names change.
 * BatchNorm's gamma, beta, runningMean and runningVar become weight, bias, running_mean and
 * running_var. Immutable.
 */
public final class TorchNetwork {

    /**
     * One layer.
     *
     * @param shape the layer with its position and its input and output shapes, as the editor shows
     *     them
     * @param attribute the module's attribute name, e.g. "conv1"
     * @param module the PyTorch constructor, e.g. {@code nn.Conv2d(1, 32, kernel_size=5,
     *     padding=2)}
     * @param parameters its trained parameters, in state_dict order
     */
    public record Layer(
            LayerShape shape, String attribute, String module, List<Parameter> parameters) {

        public Layer {
            parameters = List.copyOf(parameters);
        }

        /** The spec of the layer. */
        public LayerSpec spec() {
            return shape.layer();
        }

        /** The parameter named {@code attribute + "." + name}, e.g. "weight". */
        public ParameterValues parameter(String name) {
            for (Parameter p : parameters) {
                if (p.torchName().equals(attribute + "." + name)) {
                    return p.values();
                }
            }
            throw new IllegalStateException(attribute + " has no parameter " + name);
        }
    }

    /**
     * One trained parameter.
     *
     * @param djlName the engine's name, e.g. "01Conv2d_weight"
     * @param torchName the state_dict key, e.g. "conv1.weight"
     * @param values shape and values, as trained
     */
    public record Parameter(String djlName, String torchName, ParameterValues values) {}

    private final ModelSpec spec;
    private final List<Layer> layers;

    private TorchNetwork(ModelSpec spec, List<Layer> layers) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
    }

    /**
     * Maps {@code spec} and its trained parameters.
     *
     * @param parameters every parameter the engine saved (a run's {@code weights.npz})
     * @throws IllegalArgumentException with a sentence when the spec cannot work, or when a
     *     parameter is missing, left over, or of another shape than the spec's layer needs
     */
    public static TorchNetwork of(ModelSpec spec, List<ParameterValues> parameters) {
        NetworkAnalysis analysis = spec.analyse();
        if (!analysis.isValid()) {
            throw new IllegalArgumentException(
                    "the network cannot work: "
                            + analysis.errors().stream()
                                    .map(Problem::message)
                                    .collect(Collectors.joining("; ")));
        }
        Map<Integer, List<ParameterValues>> byPosition = new HashMap<>();
        for (ParameterValues p : parameters) {
            int position = ParameterValues.positionOf(p.name());
            if (position < 1 || position > spec.layers().size()) {
                throw new IllegalArgumentException(
                        "the saved parameter " + p.name() + " belongs to no layer of the network");
            }
            byPosition.computeIfAbsent(position, k -> new ArrayList<>()).add(p);
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Long> totals =
                spec.layers().stream()
                        .collect(Collectors.groupingBy(TorchNetwork::kind, Collectors.counting()));
        List<Layer> out = new ArrayList<>();
        for (LayerShape shape : analysis.layers()) {
            LayerSpec layer = shape.layer();
            String kind = kind(layer);
            int n = counts.merge(kind, 1, Integer::sum);
            String attribute =
                    (kind.equals("out") || kind.equals("flatten")) && totals.get(kind) == 1
                            ? kind
                            : kind + n;
            List<ParameterValues> saved =
                    byPosition.getOrDefault(shape.position(), Collections.emptyList());
            out.add(
                    new Layer(
                            shape, attribute, module(shape), parameters(shape, attribute, saved)));
        }
        return new TorchNetwork(spec, out);
    }

    /** The network's spec. */
    public ModelSpec spec() {
        return spec;
    }

    /** Every layer, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The output layer's activation: softmax over the classes, or one sigmoid unit. */
    public OutputActivation outputActivation() {
        return spec.output().activation();
    }

    /** Every parameter by its state_dict name, in order: what {@code model.pt} holds. */
    public Map<String, ParameterValues> stateDict() {
        Map<String, ParameterValues> out = new LinkedHashMap<>();
        for (Layer layer : layers) {
            for (Parameter p : layer.parameters()) {
                out.put(p.torchName(), p.values());
            }
        }
        return out;
    }

    /** The attribute's stem for a layer: conv, bn, relu, pool, flatten, fc, dropout, out. */
    static String kind(LayerSpec layer) {
        if (layer instanceof Conv2dSpec) {
            return "conv";
        }
        if (layer instanceof BatchNormSpec) {
            return "bn";
        }
        if (layer instanceof Pool2dSpec) {
            return "pool";
        }
        if (layer instanceof FlattenSpec) {
            return "flatten";
        }
        if (layer instanceof DenseSpec) {
            return "fc";
        }
        if (layer instanceof DropoutSpec) {
            return "dropout";
        }
        if (layer instanceof OutputSpec) {
            return "out";
        }
        if (layer instanceof ActivationSpec a) {
            return a.function().name().toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("no PyTorch module for " + layer);
    }

    /**
     * The PyTorch module computing what the workbench's layer computes (see {@code
     * engine/BlockFactory}): 'same' padding is (k − 1) / 2 zeros on every side, as the workbench
     * pads (an even kernel therefore shrinks the map by one, as it does here); pooling has no
     * padding and rounds down; average pooling counts padding (there is none); leaky ReLU's slope
     * is 0.01, ELU's alpha 1, GELU the exact (erf) one; BatchNorm's eps is 1e-5 and PyTorch's
     * momentum 0.1 is DJL's 0.9 (the weight of the old running statistic).
     */
    static String module(LayerShape shape) {
        LayerSpec layer = shape.layer();
        if (layer instanceof Conv2dSpec c) {
            StringBuilder s =
                    new StringBuilder("nn.Conv2d(")
                            .append(shape.input().channels())
                            .append(", ")
                            .append(c.filters())
                            .append(", kernel_size=")
                            .append(
                                    c.kernelHeight() == c.kernelWidth()
                                            ? String.valueOf(c.kernelHeight())
                                            : "("
                                                    + c.kernelHeight()
                                                    + ", "
                                                    + c.kernelWidth()
                                                    + ")");
            if (c.stride() != 1) {
                s.append(", stride=").append(c.stride());
            }
            int ph = c.padding().perSide(c.kernelHeight());
            int pw = c.padding().perSide(c.kernelWidth());
            if (ph != 0 || pw != 0) {
                s.append(", padding=").append(ph == pw ? ph : "(" + ph + ", " + pw + ")");
            }
            if (!c.bias()) {
                s.append(", bias=False");
            }
            return s.append(')').toString();
        }
        if (layer instanceof BatchNormSpec) {
            boolean image = shape.input().isImage();
            int features = image ? shape.input().channels() : (int) shape.input().size();
            return (image ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(")
                    + features
                    + ", eps=1e-5, momentum=0.1)";
        }
        if (layer instanceof Pool2dSpec p) {
            return (p.poolType() == PoolType.AVERAGE ? "nn.AvgPool2d(" : "nn.MaxPool2d(")
                    + p.kernel()
                    + (p.stride() == p.kernel() ? "" : ", stride=" + p.stride())
                    + ")";
        }
        if (layer instanceof FlattenSpec) {
            return "nn.Flatten()";
        }
        if (layer instanceof DenseSpec d) {
            return linear(shape, d.units(), d.bias());
        }
        if (layer instanceof OutputSpec o) {
            return linear(shape, o.units(), o.bias());
        }
        if (layer instanceof DropoutSpec d) {
            return "nn.Dropout(p=" + trim(d.rate()) + ")";
        }
        if (layer instanceof ActivationSpec a) {
            return switch (a.function()) {
                case RELU -> "nn.ReLU()";
                case SIGMOID -> "nn.Sigmoid()";
                case TANH -> "nn.Tanh()";
                case LEAKY_RELU -> "nn.LeakyReLU(0.01)";
                case ELU -> "nn.ELU(alpha=1.0)";
                case GELU -> "nn.GELU()";
            };
        }
        throw new IllegalArgumentException("no PyTorch module for " + layer);
    }

    private static String linear(LayerShape shape, int units, boolean bias) {
        return "nn.Linear("
                + shape.input().size()
                + ", "
                + units
                + (bias ? "" : ", bias=False")
                + ")";
    }

    private static String trim(double value) {
        String s = Double.toString(value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) + ".0" : s;
    }

    /** The layer's parameters under their state_dict names, checked against the layer's shape. */
    private static List<Parameter> parameters(
            LayerShape shape, String attribute, List<ParameterValues> saved) {
        Map<String, int[]> expected = expectedShapes(shape);
        Map<String, ParameterValues> bySuffix = new HashMap<>();
        for (ParameterValues p : saved) {
            String suffix = p.name().substring(p.name().lastIndexOf('_') + 1);
            bySuffix.put(suffix, p);
        }
        List<Parameter> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            String djlSuffix = e.getKey();
            ParameterValues p = bySuffix.remove(djlSuffix);
            String where = "layer " + shape.position() + " (" + shape.layer().kindName() + ")";
            if (p == null) {
                throw new IllegalArgumentException(
                        "the saved parameters lack " + where + "'s " + djlSuffix);
            }
            if (!java.util.Arrays.equals(p.shape(), e.getValue())) {
                throw new IllegalArgumentException(
                        "the saved "
                                + p.name()
                                + " has shape "
                                + dims(p.shape())
                                + " but "
                                + where
                                + " needs "
                                + dims(e.getValue()));
            }
            String torchName = attribute + "." + torchSuffix(djlSuffix);
            out.add(
                    new Parameter(
                            p.name(),
                            torchName,
                            new ParameterValues(torchName, p.shape(), p.values())));
        }
        if (!bySuffix.isEmpty()) {
            throw new IllegalArgumentException(
                    "the saved parameters "
                            + bySuffix.values().stream()
                                    .map(ParameterValues::name)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + " belong to no part of layer "
                            + shape.position()
                            + " ("
                            + shape.layer().kindName()
                            + ")");
        }
        return out;
    }

    /** DJL's parameter names of a layer (the part after '_') and their shapes, in order. */
    private static Map<String, int[]> expectedShapes(LayerShape shape) {
        Map<String, int[]> out = new LinkedHashMap<>();
        LayerSpec layer = shape.layer();
        if (layer instanceof Conv2dSpec c) {
            out.put(
                    "weight",
                    new int[] {
                        c.filters(), shape.input().channels(), c.kernelHeight(), c.kernelWidth()
                    });
            if (c.bias()) {
                out.put("bias", new int[] {c.filters()});
            }
        } else if (layer instanceof DenseSpec d) {
            linearShapes(out, shape, d.units(), d.bias());
        } else if (layer instanceof OutputSpec o) {
            linearShapes(out, shape, o.units(), o.bias());
        } else if (layer instanceof BatchNormSpec) {
            int n = shape.input().isImage() ? shape.input().channels() : (int) shape.input().size();
            for (String name : List.of("gamma", "beta", "runningMean", "runningVar")) {
                out.put(name, new int[] {n});
            }
        }
        return out;
    }

    private static void linearShapes(
            Map<String, int[]> out, LayerShape shape, int units, boolean bias) {
        out.put("weight", new int[] {units, (int) shape.input().size()});
        if (bias) {
            out.put("bias", new int[] {units});
        }
    }

    private static String torchSuffix(String djlSuffix) {
        return switch (djlSuffix) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> djlSuffix;
        };
    }

    static String dims(int[] shape) {
        return java.util.Arrays.stream(shape)
                .mapToObj(String::valueOf)
                .collect(Collectors.joining("×"));
    }
}
