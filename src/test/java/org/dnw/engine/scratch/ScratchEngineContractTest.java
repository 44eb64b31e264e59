package org.dnw.engine.scratch;

import org.dnw.train.EngineKind;
import org.dnw.train.TrainingEngineContract;
import org.dnw.train.TrainingLoop;

/** The training contract with the from-scratch engine on two threads. */
class ScratchEngineContractTest extends TrainingEngineContract {

    @Override
    protected TrainingLoop loop() {
        return ScratchEngine.loop(2);
    }

    @Override
    protected EngineKind engine() {
        return EngineKind.SCRATCH;
    }
}
