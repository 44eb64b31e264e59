package org.dnw.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataSplits;
import org.dnw.data.DataSplitter;
import org.dnw.data.LoadedDataset;
import org.dnw.spec.ModelSpec;

/**
 * Time to accuracy: trains a network from scratch once per seed (42, 43, …) through a {@link
 * TrainingService}, the path {@code train} takes, without a run folder, and reports per seed the
 * training time, the test accuracy and the epoch whose validation accuracy first reached the
 * target. The training time runs from the start of the first batch ({@link
 * TrainingEvent.RunStarted}: network built, data loaded) to the end of the last epoch ({@link
 * TrainingEvent.EpochCompleted}, its validation pass included); loading the data and the final test
 * evaluation are outside it. Blocks the calling thread; one run at a time.
 */
public final class TimeToAccuracy {

    /** The first seed; seed i (0-based) is {@code FIRST_SEED + i}. */
    public static final long FIRST_SEED = 42;

    /**
     * One seed's training.
     *
     * @param seed the seed of every random choice of this run
     * @param trainingSeconds first batch to the end of the last epoch, in seconds
     * @param testAccuracy the final test accuracy, in [0, 1]
     * @param epochReached 1-based epoch whose validation accuracy first reached the target; 0 when
     *     none did (or there was no validation set)
     * @param reached whether the final test accuracy reached the target
     * @param perClassAccuracy the test accuracy of each class (its recall), in class order; empty
     *     when not known
     */
    public record SeedResult(
            long seed,
            double trainingSeconds,
            double testAccuracy,
            int epochReached,
            boolean reached,
            List<Double> perClassAccuracy) {

        public SeedResult {
            perClassAccuracy = List.copyOf(perClassAccuracy);
        }

        /** Without per-class figures. */
        public SeedResult(
                long seed,
                double trainingSeconds,
                double testAccuracy,
                int epochReached,
                boolean reached) {
            this(seed, trainingSeconds, testAccuracy, epochReached, reached, List.of());
        }
    }

    /**
     * Every seed's result.
     *
     * @param preset the preset's name (or the network's)
     * @param dataset the data set as named by the user
     * @param target test accuracy aimed at, in (0, 1]
     * @param epochCount epochs trained per seed
     * @param seeds one result per seed, in the order trained; not empty
     */
    public record Result(
            String preset, String dataset, double target, int epochCount, List<SeedResult> seeds) {

        public Result {
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("a result needs at least one seed");
            }
        }

        /** Mean training time over the seeds, in seconds. */
        public double meanSeconds() {
            return seeds.stream().mapToDouble(SeedResult::trainingSeconds).average().orElseThrow();
        }

        /** Mean final test accuracy over the seeds, in [0, 1]. */
        public double meanAccuracy() {
            return seeds.stream().mapToDouble(SeedResult::testAccuracy).average().orElseThrow();
        }

        /** Whether the mean test accuracy reached the target. */
        public boolean reached() {
            return meanAccuracy() >= target;
        }

        /**
         * One JSON object with every figure (seconds to the millisecond, accuracies to four places;
         * a seed's {@code epochReached} null when its validation never reached the target).
         */
        public String toJson() {
            ObjectNode json = JSON.createObjectNode();
            json.put("preset", preset).put("dataset", dataset).put("target", target);
            json.put("epochs", epochCount);
            ArrayNode each = json.putArray("seeds");
            for (SeedResult r : seeds) {
                ObjectNode seed = each.addObject();
                seed.put("seed", r.seed())
                        .put("seconds", rounded(r.trainingSeconds(), 3))
                        .put("accuracy", rounded(r.testAccuracy(), 4));
                if (r.epochReached() > 0) {
                    seed.put("epochReached", r.epochReached());
                } else {
                    seed.putNull("epochReached");
                }
                seed.put("reached", r.reached());
                if (!r.perClassAccuracy().isEmpty()) {
                    ArrayNode perClass = seed.putArray("perClassAccuracy");
                    r.perClassAccuracy().forEach(a -> perClass.add(rounded(a, 4)));
                }
            }
            json.put("meanSeconds", rounded(meanSeconds(), 3))
                    .put("meanAccuracy", rounded(meanAccuracy(), 4))
                    .put("reached", reached());
            return json.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TimeToAccuracy() {}

    /**
     * Trains {@code seedCount} times, seeds 42, 43, …, each on its own split of {@code data} (the
     * validation share and seed of the hyperparameters, as {@code train} splits).
     *
     * @param network the network, adapted to {@code data}
     * @param hyperparameters everything but the seed, which each run replaces
     * @param eachEpoch receives every epoch's figures with its seed, as the epoch ends (progress
     *     for a long run)
     * @param each receives each seed's result as soon as it is known
     * @throws IllegalStateException when a run fails (diverges) or is cancelled
     */
    public static Result run(
            TrainingService service,
            String preset,
            String datasetName,
            ModelSpec network,
            LoadedDataset data,
            Hyperparameters hyperparameters,
            AugmentationSpec augmentation,
            double target,
            int seedCount,
            BiConsumer<Long, TrainingEvent.EpochCompleted> eachEpoch,
            Consumer<SeedResult> each)
            throws InterruptedException {
        List<SeedResult> results = new ArrayList<>();
        for (int i = 0; i < seedCount; i++) {
            Hyperparameters hp = hyperparameters.withSeed(FIRST_SEED + i);
            DataSplits splits = new DataSplitter(hp.validationShare(), hp.seed()).split(data);
            TrainingRequest request =
                    new TrainingRequest(
                            network.name() + "-to-accuracy-" + hp.seed(),
                            network,
                            splits,
                            hp,
                            null,
                            0,
                            augmentation,
                            EngineKind.DJL);
            SeedResult r = trainOnce(service, request, target, e -> eachEpoch.accept(hp.seed(), e));
            results.add(r);
            each.accept(r);
        }
        return new Result(preset, datasetName, target, hyperparameters.epochCount(), results);
    }

    /** One run of {@code request}, timed as the class says. */
    static SeedResult trainOnce(
            TrainingService service,
            TrainingRequest request,
            double target,
            Consumer<TrainingEvent.EpochCompleted> eachEpoch)
            throws InterruptedException {
        AtomicLong startNanos = new AtomicLong();
        AtomicLong endNanos = new AtomicLong();
        int[] epochReached = {0};
        TrainingRun run =
                service.start(
                        request,
                        e -> {
                            if (e instanceof TrainingEvent.RunStarted) {
                                startNanos.set(System.nanoTime());
                            } else if (e instanceof TrainingEvent.EpochCompleted c) {
                                endNanos.set(System.nanoTime());
                                if (epochReached[0] == 0 && c.validationAccuracy() >= target) {
                                    epochReached[0] = c.epoch();
                                }
                                eachEpoch.accept(c);
                            }
                        });
        TrainingEvent end = run.await(Duration.ofDays(7));
        if (end instanceof TrainingEvent.RunFinished f) {
            double accuracy = f.test().accuracy();
            List<Double> perClass = new ArrayList<>();
            if (f.test().report() != null) {
                f.test().report().perClass().forEach(m -> perClass.add(m.recall()));
            }
            return new SeedResult(
                    request.hyperparameters().seed(),
                    (endNanos.get() - startNanos.get()) / 1e9,
                    accuracy,
                    epochReached[0],
                    accuracy >= target,
                    perClass);
        }
        if (end instanceof TrainingEvent.RunFailed f) {
            throw new IllegalStateException(
                    "training with seed "
                            + request.hyperparameters().seed()
                            + " failed: "
                            + f.reason());
        }
        throw new IllegalStateException(
                "training with seed "
                        + request.hyperparameters().seed()
                        + " did not finish: "
                        + end);
    }

    private static double rounded(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
