package org.dnw.engine;

import java.util.Map;
import org.dnw.engine.djl.DjlEngine;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.train.EngineKind;
import org.dnw.train.TrainingLoop;
import org.dnw.train.TrainingService;

/** The training service and loops as the application and the command line use them. */
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
                        loop(EngineKind.DJL),
                        EngineKind.SCRATCH,
                        loop(EngineKind.SCRATCH)));
    }

    /** A service with the PyTorch (DJL) engine only. */
    public static TrainingService withDjl() {
        return new TrainingService(Map.of(EngineKind.DJL, loop(EngineKind.DJL)));
    }

    /** The one training loop with {@code engine}'s engine, on every available processor. */
    public static TrainingLoop loop(EngineKind engine) {
        return engine == EngineKind.DJL ? DjlEngine.loop() : ScratchEngine.loop();
    }
}
