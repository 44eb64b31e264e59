package org.dnw.spec;

/**
 * Dropout during training; the identity at evaluation. Keeps the shape.
 *
 * @param rate share of values set to zero while training, in [0, 1)
 */
public record DropoutSpec(double rate) implements LayerSpec {

    public DropoutSpec withRate(double value) {
        return new DropoutSpec(value);
    }

    @Override
    public String kindName() {
        return "Dropout";
    }

    @Override
    public String summary() {
        return "rate " + rate;
    }
}
