package org.dnw.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.dnw.data.AugmentationSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.SpecFormatException;
import org.dnw.spec.SpecJson;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingDefaults;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The network, data and hyperparameter options that train and sweep share. */
final class TrainingOptions {

    @Option(
            names = "--preset",
            description =
                    "built-in network: seed-cnn, fcnet, mlp, mlp-15, simple-cnn, cifar-cnn, cifar-fast (default: ${DEFAULT-VALUE})",
            defaultValue = "seed-cnn")
    String preset;

    @Option(
            names = "--spec",
            paramLabel = "FILE",
            description = "a network saved as JSON (instead of --preset)")
    Path specFile;

    @Option(
            names = {"-d", "--dataset"},
            description =
                    "mnist, mnist-sample, fashion-mnist, cifar10, wheat-seeds, or a folder/archive/IDX/table path (default: ${DEFAULT-VALUE})",
            defaultValue = "mnist-sample")
    String dataset;

    @Option(
            names = "--label-column",
            paramLabel = "NAME|NUMBER",
            description = DataSets.LABEL_COLUMN_HELP)
    String labelColumn;

    @Option(
            names = {"-e", "--epochs"},
            description = "passes over the training data (default: 5)")
    Integer epochs;

    @Option(
            names = {"-b", "--batch-size"},
            description = "samples per step (default: 64)")
    Integer batchSize;

    @Option(
            names = "--optimizer",
            description = "adam, sgd, momentum, nesterov, rmsprop, adagrad (default: adam)")
    String optimizer;

    @Option(names = "--lr", description = "learning rate (default: 0.001)")
    Double learningRate;

    @Option(
            names = "--schedule",
            description = "fixed, step, cosine, decay, one-cycle (default: the preset's)")
    String schedule;

    @Option(
            names = "--step-epochs",
            description = "for --schedule step: epochs per ×0.1 step (default: 2)")
    Integer stepEpochs;

    @Option(
            names = "--decay",
            description = "for --schedule decay: lr / (1 + decay·epoch) (default: 0.01)")
    Double decayRate;

    @Option(names = "--weight-decay", description = "L2 weight decay (default: 0)")
    Double weightDecay;

    @Option(
            names = "--validation",
            description = "share of the training data held out for validation (default: 0.1)")
    Double validationShare;

    @Option(
            names = "--patience",
            paramLabel = "N",
            description =
                    "stop after N epochs without a better validation loss and keep the best epoch's parameters (default: 0, off)")
    Integer patience;

    @Option(names = "--seed", description = "seed of every random choice (default: 42)")
    Long seed;

    @Option(
            names = "--loss",
            description = "cross-entropy or squared-error (default: cross-entropy)")
    String loss;

    @Option(
            names = "--engine",
            description =
                    "djl (PyTorch) or scratch (plain Java, dense networks only) (default: djl)")
    String engine;

    @Option(
            names = "--augment",
            paramLabel = "K=V,...",
            description =
                    "per-batch augmentation, e.g. noise=0.3,salt=0.05,blur=1,shift=2,rotate=10,brightness=0.2,contrast=0.3,erase=0.5,flip=0.5,p=1 (flip: chance of a left–right mirror)")
    String augment;

    @Option(
            names = "--train-subset",
            description =
                    "train on N training samples only, evenly spaced over the training split (a quick look)")
    Integer trainSubset;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    /** Refuses a --train-subset below 1 before any data is read. */
    void checkTrainSubset() {
        if (trainSubset != null && trainSubset < 1) {
            throw new IllegalArgumentException(
                    "--train-subset must be at least 1, not " + trainSubset);
        }
    }

    /** The network, before it is adapted to the data set. */
    ModelSpec spec() throws SpecFormatException {
        return specFile != null ? SpecJson.read(specFile) : Presets.load(preset);
    }

    Hyperparameters hyperparameters() {
        Hyperparameters hp = TrainingDefaults.forPreset(specFile != null ? null : preset, dataset);
        if (epochs != null) {
            hp = hp.withEpochCount(epochs);
        }
        if (batchSize != null) {
            hp = hp.withBatchSize(batchSize);
        }
        if (optimizer != null) {
            hp = hp.withOptimizer(parse(OptimizerKind.class, optimizer, "optimizer"));
        }
        if (learningRate != null) {
            hp = hp.withLearningRate(learningRate);
        }
        if (schedule != null) {
            hp = hp.withSchedule(parse(ScheduleKind.class, schedule, "schedule"));
        }
        if (stepEpochs != null) {
            hp = hp.withStepEpochs(stepEpochs);
        }
        if (decayRate != null) {
            hp = hp.withDecayRate(decayRate);
        }
        if (weightDecay != null) {
            hp = hp.withWeightDecay(weightDecay);
        }
        if (validationShare != null) {
            hp = hp.withValidationShare(validationShare);
        }
        if (patience != null) {
            hp = hp.withPatience(patience);
        }
        if (seed != null) {
            hp = hp.withSeed(seed);
        }
        if (loss != null) {
            hp = hp.withLoss(parse(LossKind.class, loss, "loss"));
        }
        if (!hp.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", hp.problems()));
        }
        return hp;
    }

    EngineKind engineKind() {
        if (engine == null) {
            return EngineKind.DJL;
        }
        String e = engine.toLowerCase(Locale.ROOT);
        if (e.equals("djl") || e.equals("pytorch")) {
            return EngineKind.DJL;
        }
        if (e.equals("scratch") || e.equals("java")) {
            return EngineKind.SCRATCH;
        }
        throw new IllegalArgumentException("--engine must be djl or scratch, not '" + engine + "'");
    }

    /** {@code --augment}, or the preset's default augmentation on the data set; "none" is none. */
    AugmentationSpec augmentation() {
        if (augment == null) {
            return TrainingDefaults.augmentationFor(specFile != null ? null : preset, dataset);
        }
        return augment.strip().equalsIgnoreCase("none")
                ? AugmentationSpec.NONE
                : parseAugmentation(augment);
    }

    /**
     * The inverse of {@link #parseAugmentation}: the settings as {@code --augment} takes them, or
     * "none".
     */
    static String augmentationText(AugmentationSpec a) {
        if (!a.isActive()) {
            return "none";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (a.maxShiftPixels() > 0) {
            parts.add("shift=" + a.maxShiftPixels());
        }
        if (a.maxRotationDegrees() > 0) {
            parts.add("rotate=" + plain(a.maxRotationDegrees()));
        }
        if (a.brightnessDelta() > 0) {
            parts.add("brightness=" + plain(a.brightnessDelta()));
        }
        if (a.contrastDelta() > 0) {
            parts.add("contrast=" + plain(a.contrastDelta()));
        }
        if (a.blurSigma() > 0) {
            parts.add("blur=" + plain(a.blurSigma()));
        }
        if (a.gaussianNoiseSigma() > 0) {
            parts.add("noise=" + plain(a.gaussianNoiseSigma()));
        }
        if (a.saltPepperShare() > 0) {
            parts.add("salt=" + plain(a.saltPepperShare()));
        }
        if (a.erasingProbability() > 0) {
            parts.add("erase=" + plain(a.erasingProbability()));
        }
        if (a.flipProbability() > 0) {
            parts.add("flip=" + plain(a.flipProbability()));
        }
        if (a.probability() < 1) {
            parts.add("p=" + plain(a.probability()));
        }
        return String.join(",", parts);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static AugmentationSpec parseAugmentation(String text) {
        AugmentationSpec a = AugmentationSpec.NONE;
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(
                        "--augment needs KEY=VALUE pairs, not '" + part + "'");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--augment " + kv[0] + " needs a number, not '" + kv[1] + "'");
            }
            a =
                    switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                        case "noise", "gaussian" -> a.withGaussianNoiseSigma(v);
                        case "salt", "saltpepper", "sp" -> a.withSaltPepperShare(v);
                        case "blur" -> a.withBlurSigma(v);
                        case "shift" -> a.withMaxShiftPixels((int) Math.round(v));
                        case "rotate", "rotation" -> a.withMaxRotationDegrees(v);
                        case "brightness" -> a.withBrightnessDelta(v);
                        case "contrast" -> a.withContrastDelta(v);
                        case "erase", "erasing" -> a.withErasingProbability(v);
                        case "flip", "mirror" -> a.withFlipProbability(v);
                        case "p", "probability" -> a.withProbability(v);
                        default ->
                                throw new IllegalArgumentException(
                                        "--augment knows noise, salt, blur, shift, rotate, brightness, contrast, erase, flip and p, not '"
                                                + kv[0]
                                                + "'");
                    };
        }
        if (!a.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", a.problems()));
        }
        return a;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String wanted = value.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT).replace("_", "");
            if (name.equals(wanted)) {
                return e;
            }
            names.append(names.length() == 0 ? "" : ", ")
                    .append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException(
                "no " + what + " named '" + value + "' — choose " + names);
    }
}
