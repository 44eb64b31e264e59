package org.dnw.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;

/**
 * A setting a sweep varies. Network settings apply to one layer (1-based position) or, with layer
 * 0, to every layer of their kind: kernel size, features, padding and stride to convolutions,
 * activation to activation layers, pooling to pooling layers, units to dense hidden layers.
 * Training settings apply to the hyperparameters. Values are written as a user types them ("5",
 * "same", "relu", "adam", "0.001").
 */
public enum SweepSetting {
    KERNEL_SIZE("kernel size", "kernel"),
    FEATURES("features", "filters"),
    PADDING("padding", "padding"),
    STRIDE("stride", "stride"),
    ACTIVATION("activation", "activation"),
    POOLING("pooling", "pooling"),
    UNITS("units", "units"),
    OPTIMIZER("optimizer", "optimizer"),
    LEARNING_RATE("learning rate", "lr"),
    BATCH_SIZE("batch size", "batch");

    private final String label;
    private final String key;

    SweepSetting(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** The name shown to a user, e.g. "kernel size". */
    public String label() {
        return label;
    }

    /** A short key for names and files, e.g. "kernel". */
    public String key() {
        return key;
    }

    /** True for settings that change the network rather than the hyperparameters. */
    public boolean isNetworkSetting() {
        return ordinal() <= UNITS.ordinal();
    }

    /** Typical values to offer a user, as text. */
    public List<String> suggestedValues() {
        return switch (this) {
            case KERNEL_SIZE -> List.of("3", "5", "7");
            case FEATURES -> List.of("8", "16", "32", "64");
            case PADDING -> List.of("valid", "same");
            case STRIDE -> List.of("1", "2");
            case ACTIVATION -> List.of("relu", "sigmoid", "tanh");
            case POOLING -> List.of("max", "average");
            case UNITS -> List.of("64", "256", "1024");
            case OPTIMIZER -> List.of("adam", "sgd", "momentum", "rmsprop");
            case LEARNING_RATE -> List.of("0.0001", "0.001", "0.01");
            case BATCH_SIZE -> List.of("32", "64", "128");
        };
    }

    /**
     * The setting named {@code name}: its label or key or constant name, ignoring case, spaces,
     * dashes and underscores.
     *
     * @throws IllegalArgumentException naming the settings when none matches
     */
    public static SweepSetting parse(String name) {
        String wanted = normalise(name);
        for (SweepSetting s : values()) {
            if (normalise(s.label).equals(wanted)
                    || normalise(s.key).equals(wanted)
                    || normalise(s.name()).equals(wanted)) {
                return s;
            }
        }
        List<String> names = new ArrayList<>();
        for (SweepSetting s : values()) {
            names.add(s.key);
        }
        throw new IllegalArgumentException(
                "no sweep setting named '"
                        + name
                        + "' — choose one of "
                        + String.join(", ", names));
    }

    /**
     * The network and hyperparameters with this setting at {@code value}.
     *
     * @param layer 1-based position of the layer to change, or 0 for every layer of the kind
     * @throws IllegalArgumentException with a sentence when the value cannot be read or the network
     *     has no such layer
     */
    public Variant apply(Variant base, String value, int layer) {
        String v = value.strip();
        return switch (this) {
            case OPTIMIZER ->
                    new Variant(base.spec(), base.hyperparameters().withOptimizer(optimizer(v)));
            case LEARNING_RATE ->
                    new Variant(
                            base.spec(),
                            base.hyperparameters().withLearningRate(positiveDouble(v)));
            case BATCH_SIZE ->
                    new Variant(base.spec(), base.hyperparameters().withBatchSize(positiveInt(v)));
            default -> new Variant(layers(base.spec(), v, layer), base.hyperparameters());
        };
    }

    private ModelSpec layers(ModelSpec spec, String value, int layer) {
        if (layer < 0 || layer > spec.layers().size()) {
            throw new IllegalArgumentException(
                    "the network has no layer " + layer + " (it has " + spec.layers().size() + ")");
        }
        List<LayerSpec> out = new ArrayList<>(spec.layers());
        int changed = 0;
        for (int i = 0; i < out.size(); i++) {
            if (layer != 0 && i != layer - 1) {
                continue;
            }
            LayerSpec changedLayer = change(out.get(i), value);
            if (changedLayer != null) {
                out.set(i, changedLayer);
                changed++;
            } else if (layer != 0) {
                throw new IllegalArgumentException(
                        "layer "
                                + layer
                                + " is a "
                                + out.get(i).kindName()
                                + " layer, which has no "
                                + label);
            }
        }
        if (changed == 0) {
            throw new IllegalArgumentException("the network has no layer with a " + label);
        }
        return spec.withLayers(out);
    }

    /** The layer with this setting at {@code value}, or null when the layer has no such setting. */
    private LayerSpec change(LayerSpec layer, String value) {
        return switch (this) {
            case KERNEL_SIZE ->
                    layer instanceof Conv2dSpec c ? c.withKernel(positiveInt(value)) : null;
            case FEATURES ->
                    layer instanceof Conv2dSpec c ? c.withFilters(positiveInt(value)) : null;
            case PADDING -> layer instanceof Conv2dSpec c ? c.withPadding(padding(value)) : null;
            case STRIDE -> layer instanceof Conv2dSpec c ? c.withStride(positiveInt(value)) : null;
            case ACTIVATION ->
                    layer instanceof ActivationSpec ? new ActivationSpec(activation(value)) : null;
            case POOLING -> layer instanceof Pool2dSpec p ? p.withType(pooling(value)) : null;
            case UNITS ->
                    layer instanceof DenseSpec d
                            ? new DenseSpec(positiveInt(value), d.bias())
                            : null;
            default -> null;
        };
    }

    private int positiveInt(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(label + " must be a whole number ≥ 1, not '" + v + "'");
    }

    private double positiveDouble(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(label + " must be a positive number, not '" + v + "'");
    }

    private static Padding padding(String v) {
        return switch (normalise(v)) {
            case "valid" -> Padding.VALID;
            case "same" -> Padding.SAME;
            default -> {
                try {
                    yield Padding.explicit(Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "padding must be 'valid', 'same' or a number of pixels, not '"
                                    + v
                                    + "'");
                }
            }
        };
    }

    private static ActivationType activation(String v) {
        String wanted = normalise(v);
        for (ActivationType a : ActivationType.values()) {
            if (normalise(a.name()).equals(wanted) || normalise(a.label()).equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "no activation named '"
                        + v
                        + "' — choose relu, sigmoid, tanh, leaky-relu, elu or gelu");
    }

    private static PoolType pooling(String v) {
        String wanted = normalise(v);
        if (wanted.equals("max")) {
            return PoolType.MAX;
        }
        if (wanted.equals("average") || wanted.equals("avg") || wanted.equals("mean")) {
            return PoolType.AVERAGE;
        }
        throw new IllegalArgumentException("pooling must be 'max' or 'average', not '" + v + "'");
    }

    private static OptimizerKind optimizer(String v) {
        String wanted = normalise(v);
        for (OptimizerKind o : OptimizerKind.values()) {
            if (normalise(o.name()).equals(wanted) || normalise(o.label()).equals(wanted)) {
                return o;
            }
        }
        throw new IllegalArgumentException(
                "no optimizer named '"
                        + v
                        + "' — choose adam, sgd, momentum, nesterov, rmsprop or adagrad");
    }

    private static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\s_+-]", "");
    }

    /** A network with its hyperparameters. */
    public record Variant(ModelSpec spec, Hyperparameters hyperparameters) {}
}
