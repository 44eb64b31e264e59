package org.dnw.ui.architecture;

import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;

/** The kinds of layer a user can add, in palette order, with the layer each starts as. */
public enum LayerKind {
    CONVOLUTION(
            "Convolution",
            "kind-conv",
            "Slides small learned filters over the image to find local patterns."),
    POOLING(
            "Pooling",
            "kind-pool",
            "Shrinks the image by keeping the maximum or average of each window."),
    FLATTEN(
            "Flatten",
            "kind-flatten",
            "Turns the channels × height × width image into one long vector."),
    DENSE("Dense", "kind-dense", "Connects every input to every unit: a fully connected layer."),
    ACTIVATION(
            "Activation",
            "kind-activation",
            "Bends each value with a non-linear function such as ReLU."),
    DROPOUT(
            "Dropout",
            "kind-dropout",
            "Zeroes a share of the values while training, against overfitting."),
    BATCH_NORM(
            "Batch norm",
            "kind-batch-norm",
            "Normalises each channel over the batch; often speeds training up."),
    OUTPUT("Output", "kind-output", "One unit per class; its scores become the prediction.");

    private final String label;
    private final String styleClass;
    private final String description;

    LayerKind(String label, String styleClass, String description) {
        this.label = label;
        this.styleClass = styleClass;
        this.description = description;
    }

    /** The name shown on cards and in menus. */
    public String label() {
        return label;
    }

    /** The style class that colours this kind's badge, e.g. "kind-conv". */
    public String styleClass() {
        return styleClass;
    }

    /** One sentence saying what the layer does, for tooltips. */
    public String description() {
        return description;
    }

    /** A new layer of this kind with sensible settings for {@code network}. */
    public LayerSpec newLayer(ModelSpec network) {
        return switch (this) {
            case CONVOLUTION -> Conv2dSpec.of(16, 3, 1, Padding.SAME);
            case POOLING -> Pool2dSpec.max(2, 2);
            case FLATTEN -> new FlattenSpec();
            case DENSE -> DenseSpec.of(128);
            case ACTIVATION -> ActivationSpec.relu();
            case DROPOUT -> new DropoutSpec(0.5);
            case BATCH_NORM -> new BatchNormSpec();
            case OUTPUT ->
                    OutputSpec.softmax(network.output() == null ? 10 : network.output().classes());
        };
    }

    /** The kind of {@code layer}. */
    public static LayerKind of(LayerSpec layer) {
        if (layer instanceof Conv2dSpec) {
            return CONVOLUTION;
        }
        if (layer instanceof Pool2dSpec) {
            return POOLING;
        }
        if (layer instanceof FlattenSpec) {
            return FLATTEN;
        }
        if (layer instanceof DenseSpec) {
            return DENSE;
        }
        if (layer instanceof ActivationSpec) {
            return ACTIVATION;
        }
        if (layer instanceof DropoutSpec) {
            return DROPOUT;
        }
        if (layer instanceof BatchNormSpec) {
            return BATCH_NORM;
        }
        return OUTPUT;
    }
}
