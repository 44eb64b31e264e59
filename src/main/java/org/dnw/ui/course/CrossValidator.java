package org.dnw.ui.course;

import java.util.function.Consumer;
import java.util.function.Function;
import org.dnw.train.CrossValidation;
import org.dnw.train.CrossValidationRequest;
import org.dnw.train.CrossValidationResult;
import org.dnw.train.EngineKind;
import org.dnw.train.FoldProgress;
import org.dnw.train.RunControl;
import org.dnw.train.TrainingLoop;

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
     * Through the loop {@code loops} gives for the engine the request names. DJL trains one network
     * at a time per process: the application must not run this while its training service trains
     * with DJL.
     */
    static CrossValidator withLoops(Function<EngineKind, TrainingLoop> loops) {
        return (request, control, listener) ->
                new CrossValidation(loops.apply(request.engine())).run(request, control, listener);
    }
}
