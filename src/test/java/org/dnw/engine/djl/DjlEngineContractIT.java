package org.dnw.engine.djl;

import org.dnw.train.EngineKind;
import org.dnw.train.TrainingEngineContract;
import org.dnw.train.TrainingLoop;

/**
 * The training contract with the PyTorch engine; an integration test because it starts the native
 * engine (no data set needed: the fixture is made in memory).
 */
class DjlEngineContractIT extends TrainingEngineContract {

    @Override
    protected TrainingLoop loop() {
        return DjlEngine.loop();
    }

    @Override
    protected java.util.Map<org.dnw.train.OptimizerKind, Double> resumableOptimizers() {
        return java.util.Map.of(
                org.dnw.train.OptimizerKind.SGD, 0.05,
                org.dnw.train.OptimizerKind.MOMENTUM, 0.02,
                org.dnw.train.OptimizerKind.ADAM, 0.005,
                org.dnw.train.OptimizerKind.RMSPROP, 0.002);
    }

    @Override
    protected EngineKind engine() {
        return EngineKind.DJL;
    }
}
