package org.dnw.spec;

/**
 * Batch normalisation over the channel axis (images) or the feature axis (vectors). Keeps the
 * shape; has a learned scale and shift per channel.
 */
public record BatchNormSpec() implements LayerSpec {

    @Override
    public String kindName() {
        return "BatchNorm";
    }

    @Override
    public String summary() {
        return "per channel";
    }
}
