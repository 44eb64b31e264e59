package org.dnw.spec;

/**
 * A fully connected layer on a flat input.
 *
 * @param units number of outputs, ≥ 1
 * @param bias whether each unit has a bias term
 */
public record DenseSpec(int units, boolean bias) implements LayerSpec {

    public static DenseSpec of(int units) {
        return new DenseSpec(units, true);
    }

    public DenseSpec withUnits(int value) {
        return new DenseSpec(value, bias);
    }

    public DenseSpec withBias(boolean value) {
        return new DenseSpec(units, value);
    }

    @Override
    public String kindName() {
        return "Dense";
    }

    @Override
    public String summary() {
        return units + " units" + (bias ? "" : ", no bias");
    }
}
