package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.function.Function;

/**
 * What the project's optimizers ({@link InPlaceAdam}, {@link InPlaceSgd}, {@link ArrayOptimizer})
 * share: their state and update counts kept in an {@link OptimizerStates} for checkpoints, the
 * update's array operations run with PyTorch's gradient recording off (PyTorch refuses in-place
 * changes of a weight while it records) and every temporary closed by an {@link NDScope}, and the
 * gradient cleared after the step, as DJL's native updates do (without that the gradients of all
 * steps would add up). Used on the training thread only.
 */
abstract class InPlaceOptimizer extends Optimizer {

    private final OptimizerStates recorded;

    /**
     * @param recorded where the state and counts are kept; null for a store of its own
     */
    InPlaceOptimizer(OptimizerBuilder<?> builder, OptimizerStates recorded) {
        super(builder);
        this.recorded = recorded == null ? new OptimizerStates() : recorded;
    }

    /**
     * Runs {@code body} with PyTorch's gradient recording off and closes every array it made (state
     * arrays must be fetched before, outside it).
     */
    static void withoutRecording(Runnable body) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            body.run();
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    /**
     * DJL's gradient, made in {@code grad} itself (it is cleared after the step anyway): {@code g ←
     * min(rescale·g, clip) + wd·w} — the rescale when it is not 1, the clip from above only, as
     * DJL's native updates clip, when it is ≥ 0, the decay when it is not 0. Call inside {@link
     * #withoutRecording}.
     */
    NDArray djlGradient(NDArray weight, NDArray grad) {
        NDArray g = grad;
        if (rescaleGrad != 1f) {
            g.muli(rescaleGrad);
        }
        if (clipGrad >= 0) {
            g = g.minimum(clipGrad);
        }
        float decay = getWeightDecay();
        if (decay != 0f) {
            g.addi(weight.mul(decay));
        }
        return g;
    }

    /** Zeroes the weight's gradient as DJL's native updates do. */
    static void clearGradient(NDArray weight, NDArray grad) {
        if (weight instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            grad.muli(0);
        }
    }

    @Override
    protected int updateCount(String parameterId) {
        return recorded.count(parameterId);
    }

    @Override
    protected NDArray withDefaultState(
            Map<String, Map<Device, NDArray>> state,
            String parameterId,
            Device device,
            Function<String, NDArray> init) {
        return super.withDefaultState(
                state, parameterId, device, recorded.initializer(state, parameterId, init));
    }
}
