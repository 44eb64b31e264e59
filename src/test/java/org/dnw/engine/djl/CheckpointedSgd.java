package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Sgd;
import java.util.Map;
import java.util.function.Function;

/**
 * DJL's {@link Sgd}, unchanged in its update, whose momentum buffers and update counts live in an
 * {@link OptimizerStates}, so that a checkpoint can save and restore them: what the engine used
 * before the in-place optimisers, kept here as the reference {@link InPlaceOptimizerIT} compares
 * them with.
 */
final class CheckpointedSgd extends Sgd {

    private final OptimizerStates states;

    CheckpointedSgd(Sgd.Builder builder, OptimizerStates states) {
        super(builder);
        this.states = states;
    }

    @Override
    protected int updateCount(String parameterId) {
        return states.count(parameterId);
    }

    @Override
    protected NDArray withDefaultState(
            Map<String, Map<Device, NDArray>> state,
            String parameterId,
            Device device,
            Function<String, NDArray> init) {
        return super.withDefaultState(
                state, parameterId, device, states.initializer(state, parameterId, init));
    }
}
