package org.dnw.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.engine.djl.ThroughputBenchmark;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: training throughput of the service against a bare DJL loop, and the achieved FLOP
 * rate against the machine's matrix multiply. The last line is one JSON object.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure training images/s: the training service vs a bare DJL loop, and the share of the FP32 matmul rate achieved; with --to-accuracy A, the training time to test accuracy A with the defaults, per seed.")
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = {"-d", "--dataset"},
            defaultValue = "mnist",
            description = "image data set (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(
            names = "--preset",
            defaultValue = "seed-cnn",
            description = "network (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(
            names = {"-b", "--batch-size"},
            defaultValue = "64",
            description = "default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(
            names = "--warmup",
            defaultValue = "30",
            description = "batches before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--batches",
            defaultValue = "300",
            description = "batches measured (default: ${DEFAULT-VALUE})")
    int batches;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description =
                    "times each path is measured, alternating which goes first; medians are"
                            + " reported (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(
            names = "--to-accuracy",
            paramLabel = "A",
            description =
                    "instead of throughput: train from scratch with the defaults for the preset and"
                            + " data set, once per seed, and report the training time and test"
                            + " accuracy against target A, a share in (0, 1], e.g. 0.99")
    Double toAccuracy;

    @Option(
            names = "--seeds",
            description =
                    "with --to-accuracy: seeds 42, 43, … trained (default: "
                            + BenchToAccuracy.DEFAULT_SEEDS
                            + ")")
    Integer seeds;

    @Option(
            names = "--epochs",
            description = "with --to-accuracy: epochs per seed (default: the preset's default)")
    Integer epochs;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (toAccuracy != null) {
            return BenchToAccuracy.run(out, preset, dataset, toAccuracy, seeds, epochs);
        }
        if (seeds != null || epochs != null) {
            throw new IllegalArgumentException(
                    (seeds != null ? "--seeds" : "--epochs")
                            + " belongs to bench --to-accuracy; the throughput benchmark counts"
                            + " --warmup, --batches and --rounds");
        }
        atLeast("--batch-size", batchSize, 1);
        atLeast("--warmup", warmup, 0);
        atLeast("--batches", batches, 1);
        atLeast("--rounds", rounds, 1);
        ModelSpec chosen = Presets.load(preset);
        LoadedDataset data = DataSets.load(dataset, out);
        if (!(data.train() instanceof ImageSamples images)) {
            throw new IllegalArgumentException("the benchmark needs an image data set");
        }
        ModelSpec network = chosen.adaptTo(images.inputShape(), images.classCount());
        int needed = (warmup + batches) * batchSize;
        if (needed > images.size()) {
            out.printf(
                    Locale.ROOT,
                    "The %,d batches need %,d images, the data set has %,d: the batches wrap"
                            + " around to the first images.%n",
                    warmup + batches,
                    needed,
                    images.size());
        }
        out.printf(
                Locale.ROOT,
                "Benchmark: %s on %s, batch %d, %d warm-up + %d measured batches, %d rounds%n",
                network.name(),
                data.name(),
                batchSize,
                warmup,
                batches,
                rounds);
        ThroughputBenchmark.Result r =
                ThroughputBenchmark.run(
                        network,
                        images,
                        batchSize,
                        warmup,
                        batches,
                        rounds,
                        s -> {
                            out.println("  " + s);
                            out.flush();
                        });
        out.printf(Locale.ROOT, "device                          %s%n", r.device());
        out.printf(
                Locale.ROOT,
                "(a) training service            %,10.1f images/s%n",
                r.serviceImagesPerSecond());
        out.printf(
                Locale.ROOT,
                "(b) bare DJL loop               %,10.1f images/s%n",
                r.bareImagesPerSecond());
        out.printf(
                Locale.ROOT,
                "    each round: service %s, bare %s images/s (medians above)%n",
                rounded(r.serviceRuns()),
                rounded(r.bareRuns()));
        out.printf(
                Locale.ROOT,
                "    service ÷ bare              %10.3f   (target ≥ 1.45)%n",
                r.serviceOverBare());
        out.printf(
                Locale.ROOT, "(c) FP32 matmul (2048²)         %,10.1f GFLOP/s%n", r.matmulGflops());
        out.printf(
                Locale.ROOT,
                "    training FLOPs per image    %10.4f GFLOP (6 × %,d multiply-adds)%n",
                r.trainingGflopsPerImage(),
                network.analyse().totalMultiplyAdds());
        out.printf(
                Locale.ROOT,
                "    achieved                    %,10.1f GFLOP/s%n",
                r.serviceImagesPerSecond() * r.trainingGflopsPerImage());
        out.printf(
                Locale.ROOT,
                "    achieved ÷ matmul           %10.3f   (target ≥ 0.6)%n",
                r.achievedOverMatmul());
        out.println(r.toJson());
        return ExitCodes.OK;
    }

    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(
                    option + " must be at least " + least + ", not " + value);
        }
    }

    private static String rounded(java.util.List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.0f", v))
                .collect(java.util.stream.Collectors.joining(" / "));
    }
}
