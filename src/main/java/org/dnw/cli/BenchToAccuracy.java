package org.dnw.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.LoadedDataset;
import org.dnw.engine.TrainingServices;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TimeToAccuracy;
import org.dnw.train.TrainingDefaults;
import org.dnw.train.TrainingService;

/**
 * {@code bench --to-accuracy A}: trains a preset from scratch with the workbench's defaults for it
 * and the data set ({@link TrainingDefaults}), once per seed, and prints each seed's training time
 * and test accuracy, the means and one JSON line. Reaching the target or not is a measurement: both
 * end with exit 0.
 */
final class BenchToAccuracy {

    static final int DEFAULT_SEEDS = 3;

    private BenchToAccuracy() {}

    /**
     * Refuses values that cannot work, before any data is read.
     *
     * @param target the test accuracy aimed at: a share in (0, 1]
     * @param seeds null for the default, else ≥ 1
     * @param epochs null for the default, else ≥ 1
     */
    static void check(double target, Integer seeds, Integer epochs) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException(
                    "--to-accuracy is a share of the test images between 0 and 1, e.g. 0.99, not "
                            + asTyped(target)
                            + (target > 1 && target <= 100
                                    ? " (a percentage? write it as a share)"
                                    : ""));
        }
        if (seeds != null && seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, not " + seeds);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, not " + epochs);
        }
    }

    private static String asTyped(double value) {
        return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** The defaults for {@code preset} on {@code dataset}, with {@code epochs} when given. */
    static Hyperparameters hyperparameters(String preset, String dataset, Integer epochs) {
        Hyperparameters hp = TrainingDefaults.forPreset(preset, dataset);
        return epochs == null ? hp : hp.withEpochCount(epochs);
    }

    static int run(
            PrintWriter out,
            String preset,
            String dataset,
            double target,
            Integer seedsOption,
            Integer epochs)
            throws Exception {
        check(target, seedsOption, epochs);
        int seeds = seedsOption == null ? DEFAULT_SEEDS : seedsOption;
        ModelSpec chosen = Presets.load(preset);
        Hyperparameters hp = hyperparameters(preset, dataset, epochs);
        AugmentationSpec augmentation = TrainingDefaults.augmentationFor(preset, dataset);
        LoadedDataset data = DataSets.load(dataset, out);
        ModelSpec network = chosen.adaptTo(data.train().inputShape(), data.train().classCount());
        CliFailure.requireWorkable(network, " on " + data.name());
        out.printf(
                Locale.ROOT,
                "Time to accuracy: %s on %s, target %.2f %% test accuracy, %d seed%s from %d;"
                        + " the defaults: %s lr %s (%s), batch %d, %d epoch%s, %.0f %% validation%n",
                network.name(),
                data.name(),
                100 * target,
                seeds,
                seeds == 1 ? "" : "s",
                TimeToAccuracy.FIRST_SEED,
                hp.optimizer().label(),
                Hyperparameters.formatRate(hp.learningRate()),
                hp.schedule().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                hp.batchSize(),
                hp.epochCount(),
                hp.epochCount() == 1 ? "" : "s",
                100 * hp.validationShare());
        out.println("Augmentation: " + TrainingOptions.augmentationText(augmentation));
        out.println(
                "Training time: first batch to the end of the last epoch (its validation"
                        + " included); loading the data and the final test evaluation are not.");
        out.flush();
        TimeToAccuracy.Result result;
        try (TrainingService service = TrainingServices.withAllEngines()) {
            result =
                    TimeToAccuracy.run(
                            service,
                            preset,
                            dataset,
                            network,
                            data,
                            hp,
                            augmentation,
                            target,
                            seeds,
                            (seed, e) -> {
                                out.printf(
                                        Locale.ROOT,
                                        "  seed %d, epoch %d/%d: validation accuracy %.2f %%,"
                                                + " loss %.4f (%.1f s)%n",
                                        seed,
                                        e.epoch(),
                                        e.epochCount(),
                                        100 * e.validationAccuracy(),
                                        e.validationLoss(),
                                        e.durationMillis() / 1000.0);
                                out.flush();
                            },
                            r -> {
                                out.printf(
                                        Locale.ROOT,
                                        "  seed %d: %,9.1f s training, test accuracy %6.2f %%, %s%n",
                                        r.seed(),
                                        r.trainingSeconds(),
                                        100 * r.testAccuracy(),
                                        reachedText(r));
                                if (!r.perClassAccuracy().isEmpty()) {
                                    out.println(
                                            "    per class: "
                                                    + perClassText(
                                                            r.perClassAccuracy(),
                                                            data.train().classNames()));
                                }
                                out.flush();
                            });
        }
        out.printf(
                Locale.ROOT,
                "  mean:    %,9.1f s training, test accuracy %6.2f %% — target %.2f %% %s%n",
                result.meanSeconds(),
                100 * result.meanAccuracy(),
                100 * target,
                result.reached() ? "reached" : "NOT reached");
        out.println(result.toJson());
        return ExitCodes.OK;
    }

    /** "airplane 91.2 %, automobile 95.0 %, …" (class indices where a name is missing). */
    static String perClassText(java.util.List<Double> accuracy, java.util.List<String> names) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int c = 0; c < accuracy.size(); c++) {
            String name = names != null && c < names.size() ? names.get(c) : "class " + c;
            parts.add(String.format(Locale.ROOT, "%s %.1f %%", name, 100 * accuracy.get(c)));
        }
        return String.join(", ", parts);
    }

    private static String reachedText(TimeToAccuracy.SeedResult r) {
        String epoch =
                r.epochReached() > 0
                        ? "validation reached the target in epoch " + r.epochReached()
                        : "validation never reached the target";
        return epoch + "; test " + (r.reached() ? "reached it" : "did NOT reach it");
    }
}
