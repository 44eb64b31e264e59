package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optimizers DJL's PyTorch engine does not implement ({@code Nag}, {@code RmsProp} and {@code
 * AdaGrad} all fail with "Not implemented" at the first step), written with plain array operations
 * and the update rules and defaults of PyTorch's {@code torch.optim}:
 *
 * <ul>
 *   <li>Nesterov momentum: {@code v ← μ·v + g}, {@code w ← w − lr·(g + μ·v)};
 *   <li>RMSProp: {@code s ← α·s + (1 − α)·g²}, {@code w ← w − lr·g / (√s + ε)}, α = 0.99, ε = 1e-8;
 *   <li>AdaGrad: {@code s ← s + g²}, {@code w ← w − lr·g / (√s + ε)}, ε = 1e-10;
 * </ul>
 *
 * with {@code g} the gradient plus weight decay · w. Each parameter's state array lives with the
 * parameter; every temporary array is closed by an {@link NDScope}; the gradient is cleared after
 * the step, as DJL's native updates do (without that the gradients of all steps would add up). The
 * state and update counts are kept in an {@link OptimizerStates} for checkpoints. Used on the
 * training thread only.
 */
final class ArrayOptimizer extends InPlaceOptimizer {

    /** Which update rule. */
    enum Rule {
        NESTEROV,
        RMSPROP,
        ADAGRAD
    }

    private static final float RMSPROP_ALPHA = 0.99f;
    private static final float RMSPROP_EPSILON = 1e-8f;
    private static final float ADAGRAD_EPSILON = 1e-10f;

    private final Rule rule;
    private final ParameterTracker learningRate;
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> states = new ConcurrentHashMap<>();

    private ArrayOptimizer(Builder builder) {
        super(builder, builder.recorded);
        this.rule = builder.rule;
        this.learningRate = builder.learningRate;
        this.momentum = builder.momentum;
    }

    static Builder builder(Rule rule) {
        return new Builder(rule);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
        float decay = getWeightDecay();
        NDArray state =
                withDefaultState(states, parameterId, weight.getDevice(), k -> weight.zerosLike());
        withoutRecording(
                () -> {
                    // torch.optim's gradient: a copy, clipped both ways, plus the decay
                    NDArray g = grad.mul(rescaleGrad);
                    if (clipGrad > 0) {
                        g = g.clip(-clipGrad, clipGrad);
                    }
                    if (decay > 0) {
                        g = g.add(weight.mul(decay));
                    }
                    switch (rule) {
                        case NESTEROV -> {
                            state.muli(momentum).addi(g);
                            weight.subi(g.add(state.mul(momentum)).muli(lr));
                        }
                        case RMSPROP -> {
                            state.muli(RMSPROP_ALPHA).addi(g.square().muli(1 - RMSPROP_ALPHA));
                            weight.subi(g.div(state.sqrt().addi(RMSPROP_EPSILON)).muli(lr));
                        }
                        case ADAGRAD -> {
                            state.addi(g.square());
                            weight.subi(g.div(state.sqrt().addi(ADAGRAD_EPSILON)).muli(lr));
                        }
                    }
                });
        clearGradient(weight, grad);
    }

    /** Builds an {@link ArrayOptimizer}. */
    static final class Builder extends OptimizerBuilder<Builder> {
        private final Rule rule;
        private ParameterTracker learningRate;
        private float momentum = 0.9f;
        private OptimizerStates recorded;

        private Builder(Rule rule) {
            this.rule = rule;
        }

        Builder setLearningRateTracker(ParameterTracker value) {
            learningRate = value;
            return this;
        }

        /** Nesterov's momentum μ (default 0.9); the other rules ignore it. */
        Builder setMomentum(float value) {
            momentum = value;
            return this;
        }

        /** Where the state is kept for checkpoints. */
        Builder setStates(OptimizerStates value) {
            recorded = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        ArrayOptimizer build() {
            if (learningRate == null) {
                throw new IllegalArgumentException("No learning rate tracker set");
            }
            return new ArrayOptimizer(this);
        }
    }
}
