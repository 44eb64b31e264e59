package org.dnw.ui.course;

import java.util.function.Consumer;
import org.dnw.train.CrossValidation;
import org.dnw.train.CrossValidationRequest;
import org.dnw.train.CrossValidationResult;
import org.dnw.train.DjlTrainingLoop;
import org.dnw.train.EngineKind;
import org.dnw.train.FoldProgress;
import org.dnw.train.RunControl;
import org.dnw.train.scratch.ScratchTrainingLoop;

/**
 * Runs a k-fold cross-validation to its end on the calling thread (the panel's background
 * executor): {@link CrossValidation} through the engine the request names.
 */
@FunctionalInterface
public interface CrossValidator {

    /**
     * @param control cancel (and pause) requests, honoured between batches and folds
     * @param listener every fold's training events, on the calling thread
     * @return what happened; never throws for a failing fold
     */
    CrossValidationResult run(
            CrossValidationRequest request, RunControl control, Consumer<FoldProgress> listener);

    /**
     * Each engine's own loop: the from-scratch engine's, or DJL's. DJL trains one network at a time
     * per process: the application must not run this while its training service trains with DJL.
     */
    static CrossValidator withEngines() {
        return (request, control, listener) ->
                new CrossValidation(
                                request.engine() == EngineKind.DJL
                                        ? new DjlTrainingLoop()
                                        : new ScratchTrainingLoop())
                        .run(request, control, listener);
    }
}
