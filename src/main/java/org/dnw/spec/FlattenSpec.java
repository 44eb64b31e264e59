package org.dnw.spec;

/** Turns an image (C × H × W) into a vector of C·H·W features, channel-major. */
public record FlattenSpec() implements LayerSpec {

    @Override
    public String kindName() {
        return "Flatten";
    }

    @Override
    public String summary() {
        return "to a vector";
    }
}
