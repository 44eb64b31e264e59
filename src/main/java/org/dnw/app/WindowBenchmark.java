package org.dnw.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.dnw.data.DataSplits;
import org.dnw.engine.djl.ThroughputBenchmark;
import org.dnw.spec.ModelSpec;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingRun;
import org.dnw.train.TrainingService;
import org.dnw.ui.data.DatasetPreview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training throughput with the window open and its charts live, against the training service alone
 * on the same run (what the command line does: its listener only draws a progress bar). Both runs
 * train the same network on the same splits for one epoch; images/s are counted from a warm-up
 * batch to the last batch on the training thread. Off the FX thread.
 */
final class WindowBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(WindowBenchmark.class);

    /** Images/s of the two paths. */
    record Result(double serviceImagesPerSecond, double windowImagesPerSecond, int batches) {
        double ratio() {
            return windowImagesPerSecond / serviceImagesPerSecond;
        }

        String report() {
            return String.format(
                    Locale.ROOT,
                    "Training images/s, medians of 4 runs each way of %d batches: service alone (as the command line) %.1f,"
                            + " window with live charts %.1f, window ÷ command line %.3f (target ≥"
                            + " 0.95)%n{\"serviceImagesPerSecond\":%.1f,\"windowImagesPerSecond\":%.1f,"
                            + "\"ratio\":%.4f}",
                    batches,
                    serviceImagesPerSecond,
                    windowImagesPerSecond,
                    ratio(),
                    serviceImagesPerSecond,
                    windowImagesPerSecond,
                    ratio());
        }
    }

    static final int WARMUP_BATCHES = 20;

    private WindowBenchmark() {}

    /**
     * The window benchmark ({@code --benchmark}): one epoch through the service alone, one through
     * the window with {@code window} (the pump feeding every view), alternately; prints the figures
     * and exits. Runs on a thread of its own.
     *
     * @param runStarting told of the splits, as a run of the window tells the views
     * @param windowRun handed each run of the window path as it starts, as the window's training
     *     controller is handed its runs (the Inside tab's probe, the Filters tab's watched layer)
     */
    static void start(
            TrainingService service,
            ModelSpec spec,
            Hyperparameters hp,
            DatasetPreview loaded,
            Consumer<DataSplits> runStarting,
            Consumer<TrainingEvent> window,
            Consumer<TrainingRun> windowRun) {
        Thread bench =
                new Thread(
                        () -> {
                            try {
                                run(service, spec, hp, loaded, runStarting, window, windowRun);
                            } catch (Exception e) {
                                LOG.error("The benchmark failed: {}", e.getMessage(), e);
                            }
                            Platform.runLater(Platform::exit);
                        },
                        "window-benchmark");
        bench.setDaemon(true);
        bench.start();
    }

    private static void run(
            TrainingService service,
            ModelSpec spec,
            Hyperparameters hp,
            DatasetPreview loaded,
            Consumer<DataSplits> runStarting,
            Consumer<TrainingEvent> sink,
            Consumer<TrainingRun> windowRun)
            throws InterruptedException {
        DataSplits all = TrainingController.splits(loaded, hp);
        // 600 batches a run: long enough for the JIT to have compiled the views' code, ten runs in
        // about five minutes
        int n = Math.min(all.train().size(), 600 * hp.batchSize());
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        DataSplits splits =
                new DataSplits(
                        all.datasetName(),
                        all.train().subset(first),
                        all.validation(),
                        all.test(),
                        all.fileSha256());
        // the views take the splits on the FX thread, as from the window's own runs
        CountDownLatch told = new CountDownLatch(1);
        Platform.runLater(
                () -> {
                    try {
                        runStarting.accept(splits);
                    } finally {
                        told.countDown();
                    }
                });
        await(told);
        // what the views were sent that the command line never computes: layer outputs for the
        // Inside tab (a probe) and a watched layer's weights for the Filters tab
        List<Integer> layerOutputs = new java.util.concurrent.CopyOnWriteArrayList<>();
        Consumer<TrainingEvent> viewed =
                e -> {
                    if (e instanceof TrainingEvent.RunStarted) {
                        layerOutputs.add(0);
                    } else if (e instanceof TrainingEvent.ActivationsCaptured) {
                        int last = layerOutputs.size() - 1;
                        layerOutputs.set(last, layerOutputs.get(last) + 1);
                    }
                    sink.accept(e);
                };
        // one warm-up run each way (the JIT compiles the views' code for a while), then ABBA order
        // three times, so that drift from run to run cancels out
        measure(service, spec, splits, hp, e -> {}, r -> {});
        measure(service, spec, splits, hp, viewed, windowRun);
        boolean[] throughWindow = {false, true, true, false, false, true, true, false};
        List<Double> alone = new ArrayList<>();
        List<Double> window = new ArrayList<>();
        for (boolean w : throughWindow) {
            double rate =
                    measure(
                            service,
                            spec,
                            splits,
                            hp,
                            w ? viewed : e -> {},
                            w ? windowRun : r -> {});
            (w ? window : alone).add(rate);
        }
        int batches = (splits.train().size() / hp.batchSize()) - WARMUP_BATCHES - 1;
        Result result = new Result(median(alone), median(window), batches);
        Console.out("service alone, images/s: " + alone);
        Console.out("window, images/s:        " + window);
        Console.out(
                "layer outputs computed for the Inside tab in each window run (warm-up first): "
                        + layerOutputs);
        Console.out(result.report());
    }

    /**
     * Images/s of a one-epoch run through {@code service} with {@code listener} attached, the run
     * handed to {@code started} as soon as it exists.
     */
    static double measure(
            TrainingService service,
            ModelSpec spec,
            DataSplits splits,
            Hyperparameters hp,
            Consumer<TrainingEvent> listener,
            Consumer<TrainingRun> started)
            throws InterruptedException {
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        AtomicLong images = new AtomicLong();
        TrainingRun run =
                service.start(
                        new TrainingRequest(
                                "benchmark", spec, splits, hp.withEpochCount(1), null, 20),
                        timing(start, end, images, listener));
        started.accept(run);
        TrainingEvent terminal = run.await(Duration.ofHours(1));
        if (!(terminal instanceof TrainingEvent.RunFinished)) {
            throw new IllegalStateException("the benchmark run did not finish: " + terminal);
        }
        return images.get() / ((end.get() - start.get()) / 1e9);
    }

    /** Counts images between the warm-up batch and the last one, then passes events on. */
    static Consumer<TrainingEvent> timing(
            AtomicLong start, AtomicLong end, AtomicLong images, Consumer<TrainingEvent> next) {
        int[] batchSize = {0};
        return event -> {
            if (event instanceof TrainingEvent.RunStarted s) {
                batchSize[0] = s.hyperparameters().batchSize();
            } else if (event instanceof TrainingEvent.BatchCompleted b) {
                if (b.batch() == WARMUP_BATCHES) {
                    start.set(System.nanoTime());
                } else if (b.batch() > WARMUP_BATCHES && b.batch() < b.batchesPerEpoch()) {
                    end.set(System.nanoTime());
                    images.addAndGet(batchSize[0]);
                }
            }
            next.accept(event);
        };
    }

    /** The median of {@code values}. */
    static double median(List<Double> values) {
        return ThroughputBenchmark.median(values);
    }

    /** Waits for a latch without throwing. */
    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
