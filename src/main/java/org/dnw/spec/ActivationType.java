package org.dnw.spec;

/** Element-wise activation functions. Each keeps the shape of its input. */
public enum ActivationType {
    RELU("ReLU"),
    SIGMOID("sigmoid"),
    TANH("tanh"),
    /** Leaky ReLU with slope 0.01 for negative inputs. */
    LEAKY_RELU("leaky ReLU"),
    /** ELU with alpha 1. */
    ELU("ELU"),
    GELU("GELU");

    private final String label;

    ActivationType(String label) {
        this.label = label;
    }

    /** The name shown to a user. */
    public String label() {
        return label;
    }
}
