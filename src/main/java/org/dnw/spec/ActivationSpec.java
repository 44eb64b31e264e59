package org.dnw.spec;

/**
 * An element-wise activation; keeps the shape.
 *
 * @param function which activation
 */
public record ActivationSpec(ActivationType function) implements LayerSpec {

    public ActivationSpec {
        if (function == null) {
            function = ActivationType.RELU;
        }
    }

    public static ActivationSpec relu() {
        return new ActivationSpec(ActivationType.RELU);
    }

    public static ActivationSpec of(ActivationType function) {
        return new ActivationSpec(function);
    }

    @Override
    public String kindName() {
        return "Activation";
    }

    @Override
    public String summary() {
        return function.label();
    }
}
