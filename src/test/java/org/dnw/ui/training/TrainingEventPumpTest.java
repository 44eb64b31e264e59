package org.dnw.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.WeightsCaptured;
import org.dnw.ui.common.EventPump;
import org.junit.jupiter.api.Test;

class TrainingEventPumpTest {

    private static boolean kept(TrainingEvent e) {
        return !(e instanceof WeightsCaptured);
    }

    private static List<TrainingEvent> batches(List<TrainingEvent> events) {
        return events.stream().filter(e -> e instanceof BatchCompleted).toList();
    }

    @Test
    void deliversEveryBatchAndEpochInOrderInFlushesOfAtMostTwentyAsecond() {
        List<TrainingEvent> input = SyntheticRun.events(3, 1000, 100, 1);
        List<TrainingEvent> delivered = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        int[] flushes = {0};
        EventPump<TrainingEvent> pump =
                TrainingEventPump.create(
                        flush -> {
                            flushes[0]++;
                            flush.run();
                        },
                        delivered::add,
                        Duration.ofMillis(50),
                        clock::get);
        for (TrainingEvent e : input) {
            clock.addAndGet(1_000_000); // one event per millisecond
            pump.accept(e);
        }

        assertThat(delivered.stream().filter(TrainingEventPumpTest::kept).toList())
                .containsExactlyElementsOf(
                        input.stream().filter(TrainingEventPumpTest::kept).toList());
        assertThat(isSubsequence(delivered, input)).isTrue();
        long inputMillis = input.size();
        long keptOthers =
                input.stream().filter(e -> kept(e) && !(e instanceof BatchCompleted)).count();
        // At most one throttled flush per 50 ms, plus one for each epoch, start and end event.
        assertThat(flushes[0])
                .isGreaterThan(10)
                .isLessThanOrEqualTo((int) (inputMillis / 50 + 1 + keptOthers));
        assertThat(delivered.get(delivered.size() - 1).isTerminal()).isTrue();
    }

    @Test
    void whileTheFxThreadIsBusyTheBatchesWaitAndOnlyTheLatestWeightsOfEachEpoch() {
        List<TrainingEvent> input = SyntheticRun.events(2, 400, 100, 2);
        ArrayDeque<Runnable> fxQueue = new ArrayDeque<>();
        List<TrainingEvent> delivered = new ArrayList<>();
        EventPump<TrainingEvent> pump = TrainingEventPump.create(fxQueue::add, delivered::add);
        input.forEach(pump::accept);
        assertThat(fxQueue).hasSize(1); // one flush outstanding at most
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }

        // every batch, in order; of the weights only the last of each epoch
        assertThat(batches(delivered)).containsExactlyElementsOf(batches(input));
        List<TrainingEvent> others =
                delivered.stream().filter(e -> !(e instanceof BatchCompleted)).toList();
        assertThat(others).hasSize(6);
        assertThat(others.get(0)).isInstanceOf(TrainingEvent.RunStarted.class);
        assertThat(others.get(1)).isInstanceOf(WeightsCaptured.class);
        assertThat(((WeightsCaptured) others.get(1)).batch()).isEqualTo(400);
        assertThat(others.get(2)).isInstanceOf(EpochCompleted.class);
        assertThat(((WeightsCaptured) others.get(3)).epoch()).isEqualTo(2);
        assertThat(others.get(4)).isInstanceOf(EpochCompleted.class);
        assertThat(others.get(5).isTerminal()).isTrue();
        // the last batch of epoch 1 comes before that epoch's summary
        int summary = delivered.indexOf(others.get(2));
        assertThat(((BatchCompleted) delivered.get(summary - 2)).batch()).isEqualTo(400);
    }

    @Test
    void layerOutputsAreThrottledAndOnlyTheLatestIsDelivered() {
        ArrayDeque<Runnable> fxQueue = new ArrayDeque<>();
        List<TrainingEvent> delivered = new ArrayList<>();
        EventPump<TrainingEvent> pump = TrainingEventPump.create(fxQueue::add, delivered::add);
        List<TrainingEvent> input = SyntheticRun.events(1, 3, 10, 5);
        pump.accept(input.get(0)); // RunStarted: goes at once
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
        for (int batch = 1; batch <= 3; batch++) {
            pump.accept(
                    new TrainingEvent.ActivationsCaptured(
                            "run", 1, batch, new float[1], List.of()));
        }
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
        List<TrainingEvent> layers =
                delivered.stream()
                        .filter(TrainingEvent.ActivationsCaptured.class::isInstance)
                        .toList();
        assertThat(layers).hasSize(1);
        assertThat(((TrainingEvent.ActivationsCaptured) layers.get(0)).batch()).isEqualTo(3);
    }

    @Test
    void aThrottledBatchIsDeliveredByTheNextEvent() {
        List<TrainingEvent> delivered = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        EventPump<TrainingEvent> pump =
                TrainingEventPump.create(
                        Runnable::run, delivered::add, Duration.ofMillis(50), clock::get);
        List<TrainingEvent> input = SyntheticRun.events(1, 3, 10, 3);
        pump.accept(input.get(0)); // RunStarted
        pump.accept(input.get(1)); // batch 1: the first batch goes at once
        pump.accept(input.get(2)); // batch 2, 0 ms later: waits
        assertThat(delivered).containsExactly(input.get(0), input.get(1));
        clock.addAndGet(Duration.ofMillis(60).toNanos());
        pump.accept(input.get(3)); // batch 3: due, flushes batch 2 and itself
        assertThat(delivered)
                .containsExactly(input.get(0), input.get(1), input.get(2), input.get(3));
        pump.accept(input.get(input.size() - 1)); // a terminal event always goes at once
        assertThat(delivered).endsWith(input.get(input.size() - 1));
    }

    @Test
    void eventsFromATrainingThreadArriveInOrderWithNothingImportantLost() throws Exception {
        List<TrainingEvent> input = SyntheticRun.events(4, 2_000, 100, 4);
        List<TrainingEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        try {
            EventPump<TrainingEvent> pump = TrainingEventPump.create(fx, delivered::add);
            Thread trainer = new Thread(() -> input.forEach(pump::accept), "training");
            trainer.start();
            trainer.join(10_000);
        } finally {
            fx.shutdown();
            assertThat(fx.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(delivered.stream().filter(TrainingEventPumpTest::kept).toList())
                .containsExactlyElementsOf(
                        input.stream().filter(TrainingEventPumpTest::kept).toList());
        assertThat(isSubsequence(delivered, input)).isTrue();
        assertThat(batches(delivered)).containsExactlyElementsOf(batches(input));
    }

    private static boolean isSubsequence(List<TrainingEvent> sub, List<TrainingEvent> all) {
        int j = 0;
        for (TrainingEvent e : all) {
            if (j < sub.size() && sub.get(j) == e) {
                j++;
            }
        }
        return j == sub.size();
    }
}
