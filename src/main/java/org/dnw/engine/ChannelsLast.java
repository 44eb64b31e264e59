package org.dnw.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Convolutions that run on channels-last (NHWC) memory. PyTorch's oneDNN convolution works in NHWC;
 * given NCHW tensors it reorders the input, the output and the gradients around every convolution.
 * A memory layout is only strides, so DJL's own operations make one: {@code transpose(0, 2, 3, 1)}
 * (a view), {@code reshape} to two dimensions (the one copy, into NHWC order), {@code reshape} back
 * to N, H, W, C and {@code transpose(0, 3, 1, 2)} (views) give the same logical N × C × H × W
 * tensor with channels-last strides, and PyTorch then keeps the layout through the convolution,
 * ReLU, pooling and their gradients. An input already in channels-last memory goes through the same
 * steps without a copy (its NHWC view is contiguous). Stateless.
 */
public final class ChannelsLast {

    private ChannelsLast() {}

    /** {@code x} (N, C, H, W) with channels-last strides; the same values. */
    public static NDArray of(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.transpose(0, 2, 3, 1)
                .reshape(n * h * w, c)
                .reshape(n, h, w, c)
                .transpose(0, 3, 1, 2);
    }

    /**
     * A 2-D convolution that hands its input to PyTorch in channels-last memory. Its class is named
     * Conv2d, as DJL's, so that its parameters keep the names every saved run uses ({@code
     * 01Conv2d_weight}) and a network trained with it loads into one built with DJL's.
     */
    public static final class Conv2d extends ai.djl.nn.convolutional.Conv2d {

        Conv2d(ai.djl.nn.convolutional.Conv2d.Builder builder) {
            super(builder);
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            if (x.getShape().dimension() != 4 || x.getShape().get(1) == 1) {
                return super.forwardInternal(store, inputs, training, params);
            }
            return super.forwardInternal(store, new NDList(of(x)), training, params);
        }
    }
}
