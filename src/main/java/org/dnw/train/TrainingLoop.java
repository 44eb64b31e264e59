package org.dnw.train;

import java.util.function.Consumer;

/**
 * One engine's epoch/batch loop. The {@link TrainingService} runs it on the run's own thread, one
 * run at a time.
 */
public interface TrainingLoop {

    /**
     * Trains {@code request} to its end on the calling thread, emitting, in order, {@link
     * TrainingEvent.RunStarted}, batch/epoch/weights events, and exactly one terminal event ({@code
     * RunFinished}, {@code RunFailed} or {@code RunCancelled}) as its last act. Honours {@code
     * control} between batches. Must not throw: every failure becomes a {@code RunFailed} with a
     * sentence for the user. Frees all native memory before emitting the terminal event.
     */
    void run(TrainingRequest request, RunControl control, Consumer<TrainingEvent> events);

    /**
     * Sentences saying what this engine cannot do with {@code request} (layers or optimisers it
     * lacks); empty when it can train it. The service asks before starting a run.
     */
    default java.util.List<String> problems(TrainingRequest request) {
        return java.util.List.of();
    }
}
