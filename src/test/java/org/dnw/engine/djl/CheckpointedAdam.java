package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import java.util.Map;
import java.util.function.Function;

/**
 * DJL's {@link Adam}, unchanged in its update, whose moment estimates and update counts live in an
 * {@link OptimizerStates}, so that a checkpoint can save and restore them: what the engine used
 * before the in-place optimisers, kept here as the reference {@link InPlaceOptimizerIT} compares
 * them with.
 */
final class CheckpointedAdam extends Adam {

    private final OptimizerStates states;

    CheckpointedAdam(Adam.Builder builder, OptimizerStates states) {
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
