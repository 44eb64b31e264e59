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
import org.junit.jupiter.api.Test;

class TrainingEventPumpTest {

    private static boolean kept(TrainingEvent e) {
        return !(e instanceof BatchCompleted) && !(e instanceof WeightsCaptured);
    }

    @Test
    void keepsEveryEpochAndTerminalEventInOrderAndThinsBatchesToTwentyHertz() {
        List<TrainingEvent> input = SyntheticRun.events(3, 1000, 100, 1);
        List<TrainingEvent> delivered = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        TrainingEventPump pump =
                new TrainingEventPump(
                        Runnable::run, delivered::add, Duration.ofMillis(50), clock::get);
        for (TrainingEvent e : input) {
            clock.addAndGet(1_000_000); // one event per millisecond
            pump.accept(e);
        }

        assertThat(delivered.stream().filter(TrainingEventPumpTest::kept).toList())
                .containsExactlyElementsOf(
                        input.stream().filter(TrainingEventPumpTest::kept).toList());
        assertThat(isSubsequence(delivered, input)).isTrue();
        long batches = delivered.stream().filter(e -> e instanceof BatchCompleted).count();
        long inputMillis = input.size();
        // At most one batch per 50 ms, plus one flushed along with each kept event.
        assertThat(batches).isGreaterThan(10).isLessThanOrEqualTo(inputMillis / 50 + 1 + 5);
        assertThat(delivered.get(delivered.size() - 1).isTerminal()).isTrue();
    }

    @Test
    void whileTheFxThreadIsBusyOnlyTheLatestBatchOfEachEpochWaits() {
        List<TrainingEvent> input = SyntheticRun.events(2, 400, 100, 2);
        ArrayDeque<Runnable> fxQueue = new ArrayDeque<>();
        List<TrainingEvent> delivered = new ArrayList<>();
        TrainingEventPump pump = new TrainingEventPump(fxQueue::add, delivered::add);
        input.forEach(pump::accept);
        assertThat(fxQueue).hasSize(1); // one flush outstanding at most
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }

        assertThat(delivered).hasSize(8);
        assertThat(delivered.get(0)).isInstanceOf(TrainingEvent.RunStarted.class);
        assertThat(delivered.get(1)).isEqualTo(input.get(input.indexOf(delivered.get(1))));
        BatchCompleted lastOfEpoch1 = (BatchCompleted) delivered.get(1);
        assertThat(lastOfEpoch1.epoch()).isEqualTo(1);
        assertThat(lastOfEpoch1.batch()).isEqualTo(400);
        assertThat(delivered.get(2)).isInstanceOf(WeightsCaptured.class);
        assertThat(((WeightsCaptured) delivered.get(2)).batch()).isEqualTo(400);
        assertThat(delivered.get(3)).isInstanceOf(EpochCompleted.class);
        assertThat(((BatchCompleted) delivered.get(4)).epoch()).isEqualTo(2);
        assertThat(delivered.get(5)).isInstanceOf(WeightsCaptured.class);
        assertThat(delivered.get(6)).isInstanceOf(EpochCompleted.class);
        assertThat(delivered.get(7).isTerminal()).isTrue();
    }

    @Test
    void aThrottledBatchIsDeliveredByTheNextEvent() {
        List<TrainingEvent> delivered = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        TrainingEventPump pump =
                new TrainingEventPump(
                        Runnable::run, delivered::add, Duration.ofMillis(50), clock::get);
        List<TrainingEvent> input = SyntheticRun.events(1, 3, 10, 3);
        pump.accept(input.get(0)); // RunStarted
        pump.accept(input.get(1)); // batch 1: the first batch goes at once
        pump.accept(input.get(2)); // batch 2, 0 ms later: waits
        assertThat(delivered).containsExactly(input.get(0), input.get(1));
        clock.addAndGet(Duration.ofMillis(60).toNanos());
        pump.accept(input.get(3)); // batch 3: due, flushes and replaces batch 2
        assertThat(delivered).containsExactly(input.get(0), input.get(1), input.get(3));
        pump.accept(input.get(input.size() - 1)); // a terminal event always goes at once
        assertThat(delivered).endsWith(input.get(input.size() - 1));
    }

    @Test
    void eventsFromATrainingThreadArriveInOrderWithNothingImportantLost() throws Exception {
        List<TrainingEvent> input = SyntheticRun.events(4, 2_000, 100, 4);
        List<TrainingEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        try {
            TrainingEventPump pump = new TrainingEventPump(fx, delivered::add);
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
        assertThat(delivered.size()).isLessThan(input.size());
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
