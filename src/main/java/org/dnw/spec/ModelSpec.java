package org.dnw.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole network: a name, the shape of one input sample and the ordered layers from input to
 * output. Immutable; every edit returns a new spec.
 *
 * @param name a short name, e.g. the preset's ("seed-cnn")
 * @param input shape of one input sample (C × H × W for images, features for tables)
 * @param layers layers in order; normally the last is an {@link OutputSpec}
 */
public record ModelSpec(String name, Shape input, List<LayerSpec> layers) {

    public ModelSpec {
        name = name == null || name.isBlank() ? "network" : name;
        if (layers == null) {
            throw new IllegalArgumentException(
                    "\"layers\" is missing — a network needs a list of layers, from input to"
                            + " output");
        }
        layers = List.copyOf(layers);
    }

    /** The same network for another data set: new input shape and class count. */
    public ModelSpec adaptTo(Shape newInput, int classCount) {
        List<LayerSpec> adapted = new ArrayList<>(layers.size());
        for (LayerSpec layer : layers) {
            adapted.add(
                    layer instanceof OutputSpec out && out.activation() == OutputActivation.SOFTMAX
                            ? out.withClasses(classCount)
                            : layer);
        }
        return new ModelSpec(name, newInput, adapted);
    }

    public ModelSpec withName(String value) {
        return new ModelSpec(value, input, layers);
    }

    public ModelSpec withInput(Shape value) {
        return new ModelSpec(name, value, layers);
    }

    public ModelSpec withLayers(List<LayerSpec> value) {
        return new ModelSpec(name, input, value);
    }

    /** A copy with the layer at {@code index} (0-based) replaced. */
    public ModelSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return withLayers(copy);
    }

    /** A copy with {@code layer} inserted at {@code index} (0-based; size appends). */
    public ModelSpec withInserted(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.add(index, layer);
        return withLayers(copy);
    }

    /** A copy without the layer at {@code index} (0-based). */
    public ModelSpec withRemoved(int index) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.remove(index);
        return withLayers(copy);
    }

    /** A copy with the layer at {@code from} moved to position {@code to} (both 0-based). */
    public ModelSpec withMoved(int from, int to) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        LayerSpec moved = copy.remove(from);
        copy.add(to, moved);
        return withLayers(copy);
    }

    /** The output layer, or null when the network has none. */
    public OutputSpec output() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof OutputSpec out) {
                return out;
            }
        }
        return null;
    }

    /** Shapes, sizes and problems of this network (see {@link ShapeInference}). */
    public NetworkAnalysis analyse() {
        return ShapeInference.analyse(this);
    }
}
