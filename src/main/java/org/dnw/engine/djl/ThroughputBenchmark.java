package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.engine.BatchFiller;
import org.dnw.engine.BlockFactory;
import org.dnw.engine.EngineSetup;
import org.dnw.spec.ModelSpec;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingRun;
import org.dnw.train.TrainingService;

/**
 * Measures training throughput of a network on real images: (a) the {@link TrainingService}'s full
 * path (events, per-batch conversion from uint8, loss and accuracy read every batch), (b) a bare
 * DJL loop over one preloaded float NDArray on the device, both after a warm-up, over the same
 * batches; (c) the machine's FP32 matrix-multiply rate; and the achieved training FLOP rate (3 ×
 * the forward pass's 2 × multiply-adds per image) as a share of it. Runs on the calling thread and
 * uses the engine: call it off the FX thread, with no other run active.
 */
public final class ThroughputBenchmark {

    /**
     * The figures.
     *
     * @param serviceImagesPerSecond (a), the median of {@code serviceRuns}
     * @param bareImagesPerSecond (b), the median of {@code bareRuns}
     * @param matmulGflops (c), FP32, n = 2048
     * @param trainingGflopsPerImage 6 × multiply-adds of one forward pass, in GFLOP
     * @param serviceRuns (a) of each round, in the order they ran
     * @param bareRuns (b) of each round
     */
    public record Result(
            String network,
            String device,
            int batchSize,
            int measuredBatches,
            double serviceImagesPerSecond,
            double bareImagesPerSecond,
            double matmulGflops,
            double trainingGflopsPerImage,
            List<Double> serviceRuns,
            List<Double> bareRuns) {

        public Result {
            serviceRuns = List.copyOf(serviceRuns);
            bareRuns = List.copyOf(bareRuns);
        }

        public double serviceOverBare() {
            return serviceImagesPerSecond / bareImagesPerSecond;
        }

        /** Achieved training FLOP rate of the service path over the matmul rate. */
        public double achievedOverMatmul() {
            return serviceImagesPerSecond * trainingGflopsPerImage / matmulGflops;
        }

        /** One JSON object with every figure. */
        public String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"network\":\"%s\",\"device\":\"%s\",\"batchSize\":%d,\"measuredBatches\":%d,"
                            + "\"rounds\":%d,"
                            + "\"serviceImagesPerSecond\":%.1f,\"bareImagesPerSecond\":%.1f,"
                            + "\"serviceOverBare\":%.4f,\"matmulGflops\":%.2f,"
                            + "\"trainingGflopsPerImage\":%.6f,\"achievedGflops\":%.2f,"
                            + "\"achievedOverMatmul\":%.4f}",
                    network,
                    device,
                    batchSize,
                    measuredBatches,
                    serviceRuns.size(),
                    serviceImagesPerSecond,
                    bareImagesPerSecond,
                    serviceOverBare(),
                    matmulGflops,
                    trainingGflopsPerImage,
                    serviceImagesPerSecond * trainingGflopsPerImage,
                    achievedOverMatmul());
        }
    }

    private ThroughputBenchmark() {}

    /**
     * Runs the three measurements.
     *
     * @param spec the network, adapted to {@code images}
     * @param images training images, at least {@code batchSize} of them; the batches are taken from
     *     the first whole batches' worth in order, cycling back to the first image when the run
     *     needs more ({@code (warmupBatches + measuredBatches) × batchSize}) than there are
     * @param rounds how many times each path is measured; the rounds alternate which path goes
     *     first (bare, service; service, bare; …), so that a machine that speeds up or slows down
     *     as it runs favours neither; the medians are reported
     * @param progress receives a sentence per stage
     */
    public static Result run(
            ModelSpec spec,
            ImageSamples images,
            int batchSize,
            int warmupBatches,
            int measuredBatches,
            int rounds,
            Consumer<String> progress)
            throws InterruptedException {
        if (rounds < 1) {
            throw new IllegalArgumentException("the benchmark needs at least one round");
        }
        int needed = (warmupBatches + measuredBatches) * batchSize;
        int distinct = distinctImages(images.size(), batchSize, needed);
        int[] first = cyclicIndices(distinct, needed);
        ImageSamples used = images.subset(first);
        ImageSamples once = images.subset(cyclicIndices(distinct, distinct));
        Device device = EngineSetup.device();
        double gflopsPerImage = 6.0 * spec.analyse().totalMultiplyAdds() / 1e9;

        progress.accept("(c) FP32 matrix multiply …");
        double matmul = onItsOwnThread(() -> matmulGflops(device));

        List<Double> bareRuns = new ArrayList<>();
        List<Double> serviceRuns = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int leg = 0; leg < 2; leg++) {
                boolean bareLeg = (round % 2 == 1) == (leg == 0);
                if (bareLeg) {
                    progress.accept(
                            "(b) bare DJL loop over a preloaded NDArray, round " + round + " …");
                    bareRuns.add(
                            onItsOwnThread(
                                    () ->
                                            bareLoop(
                                                    spec,
                                                    once,
                                                    batchSize,
                                                    warmupBatches,
                                                    measuredBatches,
                                                    device)));
                } else {
                    progress.accept("(a) the training service's full path, round " + round + " …");
                    serviceRuns.add(
                            servicePath(spec, used, batchSize, warmupBatches, measuredBatches));
                }
            }
        }
        double bare = median(bareRuns);
        double service = median(serviceRuns);

        return new Result(
                spec.name(),
                EngineSetup.describe(device),
                batchSize,
                measuredBatches,
                service,
                bare,
                matmul,
                gflopsPerImage,
                serviceRuns,
                bareRuns);
    }

    /**
     * Runs {@code task} on a thread of its own that ends with it. PyTorch's OpenMP (GNU libgomp)
     * gives every thread that calls it a pool of workers, kept until that thread ends, and once the
     * pools hold more threads than there are cores, every pool's workers stop spinning between
     * operations and sleep instead: training on the service's thread ran 13 % slower while the
     * thread that had run the bare loop was still alive. So the bare loop and the matrix multiply
     * leave no pool behind, and the service path trains as it does in a real run.
     */
    static double onItsOwnThread(java.util.concurrent.Callable<Double> task)
            throws InterruptedException {
        java.util.concurrent.FutureTask<Double> future =
                new java.util.concurrent.FutureTask<>(task);
        Thread thread = new Thread(future, "benchmark");
        thread.start();
        thread.join();
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * How many images the benchmark cycles through: {@code needed} when the data set has them, else
     * the whole batches' worth that its {@code size} images hold, so that no batch straddles the
     * wrap-around.
     *
     * @throws IllegalArgumentException when there is not even one batch's worth
     */
    static int distinctImages(int size, int batchSize, int needed) {
        if (size < batchSize) {
            throw new IllegalArgumentException(
                    "the benchmark needs at least one batch of "
                            + batchSize
                            + " images, the data set has "
                            + size);
        }
        return size >= needed ? needed : size / batchSize * batchSize;
    }

    /** {@code 0, 1, …, distinct − 1, 0, 1, …}: {@code count} image positions, wrapping around. */
    static int[] cyclicIndices(int distinct, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = i % distinct;
        }
        return out;
    }

    /** The median of {@code values} (not empty). */
    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double servicePath(
            ModelSpec spec, ImageSamples images, int batchSize, int warmup, int measured)
            throws InterruptedException {
        ImageSamples one = images.subset(new int[] {0});
        DataSplits splits =
                new DataSplits("benchmark", images, one.subset(new int[0]), one, Map.of());
        AtomicLong startNanos = new AtomicLong();
        AtomicLong endNanos = new AtomicLong();
        try (TrainingService service =
                new TrainingService(Map.of(EngineKind.DJL, DjlEngine.loop()))) {
            TrainingRun run =
                    service.start(
                            new TrainingRequest(
                                    "benchmark",
                                    spec,
                                    splits,
                                    Hyperparameters.defaults()
                                            .withBatchSize(batchSize)
                                            .withEpochCount(1)
                                            .withValidationShare(0),
                                    null,
                                    0),
                            e -> {
                                if (e instanceof TrainingEvent.BatchCompleted b) {
                                    if (b.batch() == warmup) {
                                        startNanos.set(System.nanoTime());
                                    } else if (b.batch() == warmup + measured) {
                                        endNanos.set(System.nanoTime());
                                    }
                                }
                            });
            TrainingEvent end = run.await(Duration.ofHours(2));
            if (!(end instanceof TrainingEvent.RunFinished)) {
                throw new IllegalStateException("the benchmark run did not finish: " + end);
            }
        }
        return (double) measured * batchSize / ((endNanos.get() - startNanos.get()) / 1e9);
    }

    private static double bareLoop(
            ModelSpec spec,
            ImageSamples images,
            int batchSize,
            int warmup,
            int measured,
            Device device) {
        EngineSetup.engine().setRandomSeed(42);
        int n = images.size();
        int sampleSize = images.imageBytes();
        float[] all = new float[n * sampleSize];
        long[] labels = new long[n];
        BatchFiller.fill(images, null, 0, n, all, labels);
        try (Model model = Model.newInstance("bare", device, "PyTorch")) {
            model.setBlock(BlockFactory.build(spec));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                                            .build())
                            .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config);
                    NDManager data = model.getNDManager().newSubManager()) {
                trainer.initialize(BlockFactory.batchShape(spec.input(), batchSize));
                NDArray x = data.create(all, BlockFactory.batchShape(spec.input(), n));
                NDArray y = data.create(labels);
                Loss loss = trainer.getLoss();
                long start = 0;
                for (int b = 0; b < warmup + measured; b++) {
                    if (b == warmup) {
                        start = System.nanoTime();
                    }
                    try (NDManager batch = data.newSubManager()) {
                        // the preloaded images are whole batches' worth: wrap around by batch
                        int from = b * batchSize % n;
                        String range = from + ":" + (from + batchSize);
                        NDArray bx = x.get(range);
                        NDArray by = y.get(range);
                        bx.attach(batch);
                        by.attach(batch);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray out = trainer.forward(new NDList(bx)).singletonOrThrow();
                            collector.backward(loss.evaluate(new NDList(by), new NDList(out)));
                        }
                        trainer.step();
                    }
                }
                // one read at the end makes sure every queued step has run (on a GPU)
                model.getBlock().getParameters().get(0).getValue().getArray().sum().getFloat();
                return (double) measured * batchSize / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static double matmulGflops(Device device) {
        int size = 2048;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray a = manager.randomUniform(-1, 1, new Shape(size, size), DataType.FLOAT32);
            NDArray b = manager.randomUniform(-1, 1, new Shape(size, size), DataType.FLOAT32);
            for (int i = 0; i < 2; i++) {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
            }
            int repeats = device.isGpu() ? 50 : 8;
            long start = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                try (NDArray c = a.matMul(b)) {
                    if (i == repeats - 1) {
                        c.getFloat(0, 0);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return repeats * 2.0 * size * size * size / seconds / 1e9;
        }
    }
}
