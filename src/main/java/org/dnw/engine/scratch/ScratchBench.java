package org.dnw.engine.scratch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dnw.data.DataFormatException;
import org.dnw.data.DataSplits;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.RunControl;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs (at INFO, to standard error) the training and prediction speed of the from-scratch engine on
 * the {@code mlp} preset (784-128-10, ReLU, softmax, cross-entropy, SGD 0.1, batch 64): one epoch
 * over 10,000 MNIST training images from {@code WORKBENCH_DATA} (or the {@code workbench.data}
 * property), or over synthetic 28×28 images with MNIST's share of zero pixels when that is not set.
 * Measures one thread and all processors, after a warm-up epoch for the JIT.
 *
 * <p>Run it (the pom's exec configuration is the CLI's, so start Java directly):
 *
 * <pre>{@code
 * mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * WORKBENCH_DATA=../shared/datasets java -cp target/classes:$(cat target/cp.txt) \
 *     org.dnw.engine.scratch.ScratchBench [--images 10000] [--batch 64] [--threads 1,2]
 * }</pre>
 */
public final class ScratchBench {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchBench.class);

    private ScratchBench() {}

    public static void main(String[] args) throws DataFormatException {
        int images = 10_000;
        int batch = 64;
        Set<Integer> threads = new LinkedHashSet<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--images" -> images = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--threads" -> {
                    for (String t : args[i + 1].split(",")) {
                        threads.add(Integer.parseInt(t.trim()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (threads.isEmpty()) {
            threads.add(1);
            threads.add(Runtime.getRuntime().availableProcessors());
        }
        ImageSamples train;
        ImageSamples test;
        String source;
        Path mnist = mnistFolder();
        if (mnist != null) {
            List<String> digits = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            ImageSamples all =
                    IdxReader.read(
                            mnist.resolve("train-images-idx3-ubyte.gz"),
                            mnist.resolve("train-labels-idx1-ubyte.gz"),
                            digits);
            train = all.subset(range(Math.min(images, all.size())));
            test =
                    IdxReader.read(
                            mnist.resolve("t10k-images-idx3-ubyte.gz"),
                            mnist.resolve("t10k-labels-idx1-ubyte.gz"),
                            digits);
            source = "MNIST from " + mnist;
        } else {
            train = synthetic(images, 1);
            test = synthetic(2_000, 2);
            source = "synthetic images (WORKBENCH_DATA is not set)";
        }
        ModelSpec spec = Presets.load("mlp").adaptTo(train.inputShape(), train.classCount());
        Hyperparameters hp =
                Hyperparameters.defaults()
                        .withOptimizer(OptimizerKind.SGD)
                        .withLearningRate(0.1)
                        .withSchedule(ScheduleKind.FIXED)
                        .withBatchSize(batch)
                        .withEpochCount(1)
                        .withValidationShare(0)
                        .withLoss(LossKind.CROSS_ENTROPY);
        LOG.info(
                String.format(
                        "from-scratch engine, mlp 784-128-10, batch %d, %,d training images, %s",
                        batch, train.size(), source));
        ImageSamples empty = train.subset(new int[0]);
        warmUp(spec, hp, train, empty);
        for (int t : threads) {
            DataSplits splits = new DataSplits("bench", train, empty, test, Map.of());
            TrainingRequest request =
                    new TrainingRequest("bench", spec, splits, hp, null, 0)
                            .withEngine(EngineKind.SCRATCH);
            List<TrainingEvent> events = new ArrayList<>();
            ScratchEngine.loop(t).run(request, new RunControl(), events::add);
            TrainingEvent last = events.get(events.size() - 1);
            if (!(last instanceof TrainingEvent.RunFinished finished)) {
                LOG.info("  {} threads: the run did not finish: {}", t, last);
                continue;
            }
            TrainingEvent.EpochCompleted epoch =
                    events.stream()
                            .filter(TrainingEvent.EpochCompleted.class::isInstance)
                            .map(TrainingEvent.EpochCompleted.class::cast)
                            .findFirst()
                            .orElseThrow();
            double trainPerSecond = train.size() / (epoch.durationMillis() / 1000.0);
            double predictPerSecond;
            try (ScratchNetwork net = ScratchNetwork.fromParameters(spec, finished.parameters())) {
                long start = System.nanoTime();
                net.predict(test);
                predictPerSecond = test.size() / ((System.nanoTime() - start) / 1e9);
            }
            LOG.info(
                    String.format(
                            "  %2d thread%s: training %,8.0f images/s, prediction %,9.0f images/s,"
                                    + " test accuracy after 1 epoch %.2f %%",
                            t,
                            t == 1 ? " " : "s",
                            trainPerSecond,
                            predictPerSecond,
                            100 * finished.test().accuracy()));
        }
    }

    private static void warmUp(
            ModelSpec spec, Hyperparameters hp, ImageSamples train, ImageSamples empty) {
        ImageSamples part = train.subset(range(Math.min(3_000, train.size())));
        DataSplits splits = new DataSplits("warm-up", part, empty, empty, Map.of());
        ScratchEngine.loop()
                .run(
                        new TrainingRequest("warm-up", spec, splits, hp, null, 0),
                        new RunControl(),
                        e -> {});
    }

    /** {@code WORKBENCH_DATA}/mnist when it holds the four IDX files, else null. */
    static Path mnistFolder() {
        String root = System.getProperty("workbench.data");
        if (root == null || root.isBlank() || root.startsWith("${")) {
            root = System.getenv("WORKBENCH_DATA");
        }
        if (root == null || root.isBlank()) {
            return null;
        }
        Path folder = Path.of(root).resolve("mnist");
        return Files.isRegularFile(folder.resolve("train-images-idx3-ubyte.gz")) ? folder : null;
    }

    /** 28×28 images of random classes, about 19 % of pixels lit, as in MNIST. */
    static ImageSamples synthetic(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(10);
            for (int p = 0; p < 784; p++) {
                if (random.nextDouble() < 0.19) {
                    pixels[i * 784 + p] = (byte) (1 + random.nextInt(255));
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add(Integer.toString(c));
        }
        return new ImageSamples(1, 28, 28, pixels, labels, names);
    }

    static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
