package org.dnw.train;

import java.util.Map;
import org.dnw.train.scratch.ScratchTrainingLoop;

/** The training service as the application and the command line use it. */
public final class TrainingServices {

    private TrainingServices() {}

    /**
     * A service with both engines: PyTorch (DJL), whose training batches are augmented as each
     * request says, and the plain-Java engine.
     */
    public static TrainingService withAllEngines() {
        return new TrainingService(
                Map.of(
                        EngineKind.DJL,
                        new DjlTrainingLoop(),
                        EngineKind.SCRATCH,
                        new ScratchTrainingLoop()));
    }
}
