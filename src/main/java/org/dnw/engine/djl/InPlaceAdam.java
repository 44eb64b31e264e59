package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam with the mathematics of DJL's {@link ai.djl.training.optimizer.Adam} on the PyTorch engine
 * (its native {@code adamUpdate}, not AdamW), written with in-place array operations:
 *
 * <ul>
 *   <li>{@code g ← min(rescale·g, clip) + wd·w} (the rescale when it is not 1, the clip, from above
 *       only as DJL's, when it is ≥ 0, the decay when it is not 0);
 *   <li>{@code m ← β₁·m + (1 − β₁)·g}, {@code v ← β₂·v + (1 − β₂)·g²};
 *   <li>{@code w ← w − lr_t·m / (√v + ε)} with {@code lr_t = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)}, the bias
 *       correction folded into the rate and ε added to √v, as DJL does; {@code lr} from the tracker
 *       at update {@code t} (the schedule hook).
 * </ul>
 *
 * <p>Why not DJL's own: its native update clones the gradient, adds {@code wd·w} even when wd is 0,
 * and makes four temporaries for the last line, then clears the gradient in a separate call: 12
 * passes over each parameter's memory and 5 new arrays. Here the gradient itself is the scratch
 * buffer (it is cleared after the step anyway), so there is no clone and no decay pass at wd = 0;
 * DJL has no fused multiply-add ({@code add_(x, alpha)}) or {@code addcmul_}, so the moment updates
 * take one pass more than PyTorch's fused ones: 12 passes plus the clearing one, 2 new arrays (√v,
 * and {@code lr_t·m}). The clearing stays a separate pass: no DJL operation both reads an array and
 * leaves it zero. Results agree with DJL's to the last bits of a float (the fused multiply-add
 * rounds once, two operations round twice); {@code InPlaceOptimizerIT} holds them to 1e-6.
 *
 * <p>The moment estimates are kept as DJL's Adam keeps them (means, then variances, each through
 * {@code withDefaultState}), so the {@link OptimizerStates} numbering and the checkpoints are the
 * same as with DJL's own {@code Adam} (with the same hooks). Used on the training thread only.
 */
final class InPlaceAdam extends InPlaceOptimizer {

    private final ParameterTracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> variances = new ConcurrentHashMap<>();

    private InPlaceAdam(Builder builder) {
        super(builder, builder.recorded);
        this.learningRate = builder.learningRate;
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double coef1 = 1.0 - Math.pow(beta1, t);
        double coef2 = 1.0 - Math.pow(beta2, t);
        float lr = learningRate.getNewValue(parameterId, t);
        float correctedRate = (float) (lr * Math.sqrt(coef2) / coef1);
        float decay = getWeightDecay();
        if (!Float.isFinite(correctedRate) || !Float.isFinite(decay)) {
            throw new IllegalArgumentException("learning rate or weight decay is nan or infinite");
        }
        NDArray mean = withDefaultState(means, parameterId, weight.getDevice(), k -> zeros(weight));
        NDArray variance =
                withDefaultState(variances, parameterId, weight.getDevice(), k -> zeros(weight));
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        // (1 − β₂)·g² from g scaled by (1 − β₁): one scaling pass instead of a second copy of g
        float squareScale =
                (float) ((double) oneMinusBeta2 / ((double) oneMinusBeta1 * oneMinusBeta1));
        withoutRecording(
                () -> {
                    NDArray g = djlGradient(weight, grad);
                    mean.muli(beta1);
                    g.muli(oneMinusBeta1);
                    mean.addi(g);
                    g.muli(g).muli(squareScale);
                    variance.muli(beta2).addi(g);
                    NDArray denominator = variance.sqrt().addi(epsilon);
                    weight.subi(mean.mul(correctedRate).divi(denominator));
                });
        clearGradient(weight, grad);
    }

    private static NDArray zeros(NDArray weight) {
        return weight.zerosLike();
    }

    /** Builds an {@link InPlaceAdam}; defaults as DJL's Adam (lr 0.001, β 0.9 / 0.999, ε 1e-8). */
    static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker learningRate = ai.djl.training.tracker.Tracker.fixed(0.001f);
        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;
        private OptimizerStates recorded;

        private Builder() {}

        Builder optLearningRateTracker(ParameterTracker value) {
            learningRate = value;
            return this;
        }

        Builder optBeta1(float value) {
            beta1 = value;
            return this;
        }

        Builder optBeta2(float value) {
            beta2 = value;
            return this;
        }

        Builder optEpsilon(float value) {
            epsilon = value;
            return this;
        }

        /** Where the moments and update counts are kept for checkpoints. */
        Builder setStates(OptimizerStates value) {
            recorded = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        InPlaceAdam build() {
            return new InPlaceAdam(this);
        }
    }
}
