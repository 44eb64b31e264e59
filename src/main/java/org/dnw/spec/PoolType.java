package org.dnw.spec;

/** Pooling over a window: the maximum or the average of its values. */
public enum PoolType {
    MAX("max"),
    AVERAGE("average");

    private final String label;

    PoolType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
