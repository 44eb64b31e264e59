package org.dnw.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a network, as immutable data. The JSON form carries a {@code "type"} field naming
 * the record ({@code conv2d}, {@code pool2d}, {@code flatten}, {@code dense}, {@code activation},
 * {@code dropout}, {@code batchNorm}, {@code output}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Conv2dSpec.class, name = "conv2d"),
    @JsonSubTypes.Type(value = Pool2dSpec.class, name = "pool2d"),
    @JsonSubTypes.Type(value = FlattenSpec.class, name = "flatten"),
    @JsonSubTypes.Type(value = DenseSpec.class, name = "dense"),
    @JsonSubTypes.Type(value = ActivationSpec.class, name = "activation"),
    @JsonSubTypes.Type(value = DropoutSpec.class, name = "dropout"),
    @JsonSubTypes.Type(value = BatchNormSpec.class, name = "batchNorm"),
    @JsonSubTypes.Type(value = OutputSpec.class, name = "output")
})
public sealed interface LayerSpec
        permits Conv2dSpec,
                Pool2dSpec,
                FlattenSpec,
                DenseSpec,
                ActivationSpec,
                DropoutSpec,
                BatchNormSpec,
                OutputSpec {

    /** A short name for the layer kind, e.g. "Conv2d". */
    String kindName();

    /** One line describing the layer's settings, e.g. "32 filters 5×5, stride 1, padding same". */
    String summary();
}
