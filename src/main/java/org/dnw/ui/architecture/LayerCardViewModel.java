package org.dnw.ui.architecture;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Problem;
import org.dnw.ui.common.Quantities;

/**
 * One card of the editor: the layer at a fixed position of the stack, with its inferred shape,
 * sizes and problems. A card keeps its position; when layers are inserted or moved, the cards stay
 * and their layers change, so that a slider being dragged is never rebuilt under the pointer.
 */
public final class LayerCardViewModel {

    private final ArchitectureViewModel owner;
    private final int index;
    private final ReadOnlyObjectWrapper<LayerSpec> layer =
            new ReadOnlyObjectWrapper<>(this, "layer");
    private final ReadOnlyObjectWrapper<LayerKind> kind = new ReadOnlyObjectWrapper<>(this, "kind");
    private final ReadOnlyObjectWrapper<Status> status =
            new ReadOnlyObjectWrapper<>(
                    this, "status", new Status("", "", false, "", "", "", false, false, false));
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(this, "selected");

    LayerCardViewModel(ArchitectureViewModel owner, int index) {
        this.owner = owner;
        this.index = index;
    }

    void update(
            LayerSpec newLayer,
            LayerShape shape,
            List<Problem> problems,
            int layerCount,
            int firstErrorPosition) {
        kind.set(LayerKind.of(newLayer));
        layer.set(newLayer);
        boolean error = problems.stream().anyMatch(Problem::isError);
        status.set(
                new Status(
                        shape != null ? shape.input().toString() : "?",
                        shape != null ? shape.output().toString() : "?",
                        shape != null,
                        shape == null
                                ? ""
                                : shape.parameterCount() == 0
                                        ? "no parameters"
                                        : Quantities.counted(shape.parameterCount(), "parameter"),
                        multiplyAdds(shape, firstErrorPosition),
                        problems.stream().map(Problem::message).collect(Collectors.joining("\n")),
                        error,
                        !error && !problems.isEmpty(),
                        index == layerCount - 1));
    }

    private String multiplyAdds(LayerShape shape, int firstErrorPosition) {
        if (shape != null) {
            return shape.multiplyAdds() == 0
                    ? ""
                    : Quantities.compact(shape.multiplyAdds()) + " multiply-adds";
        }
        return firstErrorPosition > 0 && firstErrorPosition < position()
                ? "unknown until layer " + firstErrorPosition + " is fixed"
                : "";
    }

    void setSelected(boolean value) {
        selected.set(value);
    }

    /** 0-based index in the stack. */
    public int index() {
        return index;
    }

    /** 1-based position, as problems and users count. */
    public int position() {
        return index + 1;
    }

    public LayerSpec getLayer() {
        return layer.get();
    }

    public ReadOnlyObjectProperty<LayerSpec> layerProperty() {
        return layer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayerKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** The layer's shapes, sizes and problems; all change together, with every analysis. */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** For the output layer: "10 classes · softmax"; "" for other layers. */
    public String outputDescription() {
        if (layer.get() instanceof OutputSpec out) {
            return out.activation() == OutputActivation.SIGMOID
                    ? "2 classes · one sigmoid unit"
                    : out.classes() + " classes · softmax";
        }
        return "";
    }

    public void setKernel(int size) {
        if (layer.get() instanceof Conv2dSpec c) {
            edit(c.withKernel(size), "kernel size");
        } else if (layer.get() instanceof Pool2dSpec p) {
            edit(p.withKernel(size), "pooling window");
        }
    }

    public void setFilters(int count) {
        if (layer.get() instanceof Conv2dSpec c) {
            edit(c.withFilters(count), "feature count");
        }
    }

    public void setStride(int stride) {
        if (layer.get() instanceof Conv2dSpec c) {
            edit(c.withStride(stride), "stride");
        } else if (layer.get() instanceof Pool2dSpec p) {
            edit(p.withStride(stride), "stride");
        }
    }

    public void setPadding(Padding padding) {
        if (layer.get() instanceof Conv2dSpec c) {
            edit(c.withPadding(padding), "padding");
        }
    }

    public void setBias(boolean bias) {
        if (layer.get() instanceof Conv2dSpec c) {
            edit(c.withBias(bias), "bias");
        } else if (layer.get() instanceof DenseSpec d) {
            edit(d.withBias(bias), "bias");
        }
    }

    public void setPoolType(PoolType type) {
        if (layer.get() instanceof Pool2dSpec p) {
            edit(p.withType(type), "pooling type");
        }
    }

    public void setUnits(int units) {
        if (layer.get() instanceof DenseSpec d) {
            edit(d.withUnits(units), "units");
        }
    }

    public void setActivation(ActivationType function) {
        if (layer.get() instanceof ActivationSpec) {
            edit(ActivationSpec.of(function), "activation");
        }
    }

    public void setDropoutRate(double rate) {
        if (layer.get() instanceof DropoutSpec d) {
            edit(d.withRate(rate), "dropout rate");
        }
    }

    public void select() {
        owner.select(index);
    }

    public void remove() {
        owner.removeLayer(index);
    }

    public void duplicate() {
        owner.duplicateLayer(index);
    }

    public void moveUp() {
        owner.moveLayer(index, index - 1);
    }

    public void moveDown() {
        owner.moveLayer(index, index + 1);
    }

    public void insertBelow(LayerKind newKind) {
        owner.insertLayer(index + 1, newKind);
    }

    public void insertAbove(LayerKind newKind) {
        owner.insertLayer(index, newKind);
    }

    private void edit(LayerSpec changed, String field) {
        owner.editLayer(index, changed, field);
    }

    /**
     * What the analysis of the network says about the card's layer.
     *
     * @param inputShape shape entering the layer, e.g. "1 × 28 × 28", or "?" when inference stopped
     *     before it
     * @param outputShape shape leaving the layer, e.g. "32 × 28 × 28", or "?" when it cannot be
     *     inferred
     * @param shapeKnown false when inference stopped before or at this layer
     * @param parameters e.g. "832 parameters"
     * @param multiplyAdds e.g. "652.8 K multiply-adds"
     * @param problem the core's sentences about this layer, one per line; "" when none
     * @param error true when this layer makes the network impossible
     * @param warning true when this layer has only warnings
     * @param last true for the last layer of the stack
     */
    public record Status(
            String inputShape,
            String outputShape,
            boolean shapeKnown,
            String parameters,
            String multiplyAdds,
            String problem,
            boolean error,
            boolean warning,
            boolean last) {}
}
