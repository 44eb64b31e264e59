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
    protected EngineKind engine() {
        return EngineKind.DJL;
    }
}
