package org.dnw.ui.training;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.ActivationsCaptured;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.WeightsCaptured;
import org.dnw.ui.common.EventPump;

/**
 * The {@link EventPump} set up for one training run's events. {@link BatchCompleted} and {@link
 * WeightsCaptured} are throttled (a flush for them alone at most 20 times a second). Batches are
 * all delivered (the loss chart keeps its own thinned history of every batch, so a short run still
 * draws a full curve); weights are coalesced: among those queued since the last other event only
 * the latest is kept, as only the newest filters are drawn; layer outputs ({@link
 * ActivationsCaptured}) likewise. Every other event (RunStarted, EpochCompleted, pause/resume,
 * terminal) is kept and flushes at once.
 */
public final class TrainingEventPump {

    /** Batches throttled and all delivered; weights throttled and coalesced (latest wins). */
    public static final EventPump.Policy<TrainingEvent> POLICY =
            new EventPump.Policy<>(
                    e ->
                            e instanceof BatchCompleted
                                    || e instanceof WeightsCaptured
                                    || e instanceof ActivationsCaptured,
                    e ->
                            e instanceof WeightsCaptured
                                    ? WeightsCaptured.class
                                    : e instanceof ActivationsCaptured
                                            ? ActivationsCaptured.class
                                            : null);

    private TrainingEventPump() {}

    /**
     * A pump that delivers to {@code sink} through {@code fxExecutor} at most 20 times a second.
     */
    public static EventPump<TrainingEvent> create(
            Executor fxExecutor, Consumer<TrainingEvent> sink) {
        return create(fxExecutor, sink, EventPump.DEFAULT_INTERVAL, System::nanoTime);
    }

    /**
     * @param minInterval least time between two flushes caused by batch or weight events alone
     * @param nanoClock monotonic time in nanoseconds (tests pass a fake)
     */
    public static EventPump<TrainingEvent> create(
            Executor fxExecutor,
            Consumer<TrainingEvent> sink,
            Duration minInterval,
            LongSupplier nanoClock) {
        return new EventPump<>(fxExecutor, sink, POLICY, minInterval, nanoClock);
    }
}
