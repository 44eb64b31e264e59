package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stochastic gradient descent, with or without momentum, with the mathematics of DJL's {@link
 * ai.djl.training.optimizer.Sgd} on the PyTorch engine (its native {@code sgdUpdate}), written with
 * in-place array operations:
 *
 * <ul>
 *   <li>{@code g ← lr·(min(rescale·g, clip) + wd·w)} (the rescale when it is not 1, the clip, from
 *       above only as DJL's, when it is ≥ 0, the decay when it is not 0);
 *   <li>without momentum {@code w ← w − g}; with momentum μ {@code s ← μ·s + g}, {@code w ← w − s}
 *       (DJL's form: no dampening, the rate inside the buffer).
 * </ul>
 *
 * <p>DJL's native update clones the gradient and adds {@code wd·w} even at wd = 0, then clears the
 * gradient in a separate call: 5 passes over each parameter (7 with momentum) and 1 new array. Here
 * the gradient itself is the scratch buffer: 3 passes (5 with momentum), counting the clearing, and
 * no new array; with wd = 0 every operation is the one DJL does, so the numbers are the same to the
 * bit. The momentum buffers are kept as DJL keeps them, so the {@link OptimizerStates} numbering
 * and the checkpoints are those of DJL's own {@code Sgd} (with the same hooks). Used on the
 * training thread only.
 */
final class InPlaceSgd extends InPlaceOptimizer {

    private final ParameterTracker learningRate;
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> momentumStates = new ConcurrentHashMap<>();

    private InPlaceSgd(Builder builder) {
        super(builder, builder.recorded);
        this.learningRate = builder.learningRate;
        this.momentum = builder.momentum;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
        NDArray state =
                momentum == 0f
                        ? null
                        : withDefaultState(
                                momentumStates,
                                parameterId,
                                weight.getDevice(),
                                k -> weight.zerosLike());
        withoutRecording(
                () -> {
                    NDArray g = djlGradient(weight, grad).muli(lr);
                    if (state == null) {
                        weight.subi(g);
                    } else {
                        state.muli(momentum).addi(g);
                        weight.subi(state);
                    }
                });
        clearGradient(weight, grad);
    }

    /** Builds an {@link InPlaceSgd}. */
    static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker learningRate;
        private float momentum;
        private OptimizerStates recorded;

        private Builder() {}

        Builder setLearningRateTracker(ParameterTracker value) {
            learningRate = value;
            return this;
        }

        /** The momentum μ; 0 (the default) for plain gradient descent. */
        Builder optMomentum(float value) {
            momentum = value;
            return this;
        }

        /** Where the momentum buffers and update counts are kept for checkpoints. */
        Builder setStates(OptimizerStates value) {
            recorded = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        InPlaceSgd build() {
            if (learningRate == null) {
                throw new IllegalArgumentException("No learning rate tracker set");
            }
            return new InPlaceSgd(this);
        }
    }
}
