package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dnw.spec.Presets;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.junit.jupiter.api.Test;

class WindowBenchmarkTest {

    @Test
    void theMedianOfAnOddAndAnEvenNumberOfRuns() {
        assertThat(WindowBenchmark.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(WindowBenchmark.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void onlyTheBatchesAfterTheWarmUpAndBeforeTheLastAreCounted() {
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        AtomicLong images = new AtomicLong();
        List<TrainingEvent> passedOn = new ArrayList<>();
        Consumer<TrainingEvent> timing = WindowBenchmark.timing(start, end, images, passedOn::add);
        Hyperparameters hp = Hyperparameters.defaults().withBatchSize(32);
        timing.accept(
                new TrainingEvent.RunStarted(
                        "b",
                        Presets.load("mlp"),
                        hp,
                        "MNIST",
                        1,
                        "CPU",
                        3200,
                        0,
                        0,
                        100,
                        Map.of(),
                        Instant.EPOCH));
        for (int batch = 1; batch <= 100; batch++) {
            timing.accept(new TrainingEvent.BatchCompleted("b", 1, batch, 100, 1, 0.5, 1000, 0));
        }
        // batches 21 … 99 are timed from the end of batch 20; the last batch is left out
        assertThat(images.get()).isEqualTo(79L * 32);
        assertThat(end.get()).isGreaterThanOrEqualTo(start.get()).isPositive();
        assertThat(passedOn).hasSize(101);
    }

    @Test
    void theReportEndsWithOneJsonLineAndTheRatio() {
        var result = new WindowBenchmark.Result(1200, 960, 279);
        assertThat(result.ratio()).isCloseTo(0.8, within(1e-9));
        String[] lines = result.report().split("\n");
        assertThat(lines[lines.length - 1])
                .isEqualTo(
                        "{\"serviceImagesPerSecond\":1200.0,\"windowImagesPerSecond\":960.0,"
                                + "\"ratio\":0.8000}");
        assertThat(lines[0]).contains("0.800 (target ≥ 0.95)");
    }
}
