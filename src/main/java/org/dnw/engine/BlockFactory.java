package org.dnw.engine;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.stream.Collectors;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;

/**
 * Turns a {@link ModelSpec} into a DJL {@link SequentialBlock}, one child per layer in order, so
 * that parameter names are {@code NNKind_weight}/{@code NNKind_bias} (e.g. {@code 01Conv2d_weight})
 * and DJL's output shapes equal those of {@link org.dnw.spec.ShapeInference}. The output layer is a
 * linear layer producing logits (softmax or sigmoid is applied by the loss and by prediction).
 * Stateless.
 */
public final class BlockFactory {

    private BlockFactory() {}

    /**
     * Builds the network.
     *
     * @throws IllegalArgumentException when shape inference reports an error; the message lists the
     *     problems, one per line
     */
    public static SequentialBlock build(ModelSpec spec) {
        NetworkAnalysis analysis = spec.analyse();
        if (!analysis.isValid()) {
            throw new IllegalArgumentException(
                    "the network cannot be built:\n"
                            + analysis.errors().stream()
                                    .map(org.dnw.spec.Problem::message)
                                    .collect(Collectors.joining("\n")));
        }
        SequentialBlock net = new SequentialBlock();
        for (LayerSpec layer : spec.layers()) {
            net.add(block(layer));
        }
        return net;
    }

    /** The input shape of a batch of {@code batchSize} samples, NCHW or (N, features). */
    public static Shape batchShape(org.dnw.spec.Shape input, long batchSize) {
        if (input.isImage()) {
            return new Shape(batchSize, input.channels(), input.height(), input.width());
        }
        return new Shape(batchSize, input.width());
    }

    static Block block(LayerSpec layer) {
        if (layer instanceof Conv2dSpec c) {
            return Conv2d.builder()
                    .setKernelShape(new Shape(c.kernelHeight(), c.kernelWidth()))
                    .setFilters(c.filters())
                    .optStride(new Shape(c.stride(), c.stride()))
                    .optPadding(
                            new Shape(
                                    c.padding().perSide(c.kernelHeight()),
                                    c.padding().perSide(c.kernelWidth())))
                    .optBias(c.bias())
                    .build();
        }
        if (layer instanceof Pool2dSpec p) {
            Shape kernel = new Shape(p.kernel(), p.kernel());
            Shape stride = new Shape(p.stride(), p.stride());
            Shape padding = new Shape(0, 0);
            return p.poolType() == PoolType.AVERAGE
                    ? Pool.avgPool2dBlock(kernel, stride, padding, false, true)
                    : Pool.maxPool2dBlock(kernel, stride, padding, false);
        }
        if (layer instanceof FlattenSpec) {
            return Blocks.batchFlattenBlock();
        }
        if (layer instanceof DenseSpec d) {
            return Linear.builder().setUnits(d.units()).optBias(d.bias()).build();
        }
        if (layer instanceof OutputSpec o) {
            return Linear.builder().setUnits(o.units()).optBias(o.bias()).build();
        }
        if (layer instanceof ActivationSpec a) {
            return switch (a.function()) {
                case RELU -> Activation.reluBlock();
                case SIGMOID -> Activation.sigmoidBlock();
                case TANH -> Activation.tanhBlock();
                case LEAKY_RELU -> Activation.leakyReluBlock(0.01f);
                case ELU -> Activation.eluBlock(1f);
                case GELU -> Activation.geluBlock();
            };
        }
        if (layer instanceof DropoutSpec d) {
            return Dropout.builder().optRate((float) d.rate()).build();
        }
        if (layer instanceof BatchNormSpec) {
            return BatchNorm.builder().build();
        }
        throw new IllegalArgumentException("unknown layer " + layer);
    }
}
