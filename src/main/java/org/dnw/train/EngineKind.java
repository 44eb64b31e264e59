package org.dnw.train;

/** Which engine trains a network. */
public enum EngineKind {
    /** PyTorch through DJL: every layer type, CPU or GPU. */
    DJL("PyTorch (DJL)"),
    /**
     * The plain-Java engine of {@code org.dnw.engine.scratch}: only dense layers, activations and
     * the output; plain SGD with optional per-epoch decay; CPU.
     */
    SCRATCH("From scratch (Java)");

    private final String label;

    EngineKind(String label) {
        this.label = label;
    }

    /** The name shown to a user. */
    public String label() {
        return label;
    }
}
