package org.dnw.train;

import java.util.List;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataSplits;
import org.dnw.data.DataSplitter;
import org.dnw.data.DigitPair;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;

/**
 * The course's two-digit task: tell the images of two MNIST digits apart (e.g. 3 and 8) with a
 * network of one sigmoid hidden layer and one sigmoid output unit, trained with the squared error,
 * on either engine.
 *
 * <p>The network is {@code input (1 × 28 × 28) → flatten (784) → dense (units) → sigmoid → one
 * sigmoid output unit}; its output is the probability of the second digit, so an output below 0.5
 * means the first digit. The data are the two digits' images of a {@link LoadedDataset} (MNIST or
 * the shipped sample) picked by {@link DigitPair#select}, labels 0 (first digit) and 1 (second),
 * class names the two digits; a seeded, stratified {@value #VALIDATION_SHARE} of the training
 * images is held out for validation and the data set's own test images of the two digits are the
 * test split.
 *
 * <p>The result's {@link TrainingEvent.TestEvaluation#probabilities()} is {@code testSize × 2} (1 −
 * p, p); {@link #outputs} takes the sigmoid unit's p per test image, in the order of {@link
 * DataSplits#test()}. Stateless and thread-safe.
 */
public final class TwoDigitTask {

    /** Hidden units of the course's network. */
    public static final int DEFAULT_HIDDEN_UNITS = 15;

    /** Share of the training images held out for validation. */
    public static final double VALIDATION_SHARE = DataSplitter.DEFAULT_VALIDATION_SHARE;

    /** The input of the course's network: one grey 28 × 28 image. */
    public static final Shape MNIST_INPUT = Shape.image(1, 28, 28);

    private TwoDigitTask() {}

    /**
     * The rate each engine starts with: 3.0 for plain SGD on the from-scratch engine (as in the
     * classic course, with the squared error and batches of 10), 0.01 for Adam on DJL.
     */
    public static double defaultLearningRate(EngineKind engine) {
        return engine == EngineKind.DJL ? 0.01 : 3.0;
    }

    /**
     * Images per step each engine starts with: 10 (the course) and 32 (DJL, fewer native calls).
     */
    public static int defaultBatchSize(EngineKind engine) {
        return engine == EngineKind.DJL ? 32 : 10;
    }

    /** Epochs each engine starts with: 10 on both. */
    public static int defaultEpochCount(EngineKind engine) {
        return 10;
    }

    /**
     * The optimiser each engine uses: plain SGD on the from-scratch engine (the only one it has),
     * Adam on DJL.
     */
    public static OptimizerKind optimizer(EngineKind engine) {
        return engine == EngineKind.DJL ? OptimizerKind.ADAM : OptimizerKind.SGD;
    }

    /** The course's network on 1 × 28 × 28 inputs. */
    public static ModelSpec network(int hiddenUnits) {
        return network(hiddenUnits, MNIST_INPUT);
    }

    /**
     * The network on inputs of {@code input} (C × H × W): flatten, {@code hiddenUnits} dense units
     * with bias, sigmoid, and one sigmoid output unit for 2 classes.
     *
     * @throws IllegalArgumentException when {@code hiddenUnits} is below 1
     */
    public static ModelSpec network(int hiddenUnits, Shape input) {
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException(
                    "the hidden layer needs at least 1 unit, not " + hiddenUnits);
        }
        return new ModelSpec(
                "two-digits-" + hiddenUnits,
                input,
                List.of(
                        new FlattenSpec(),
                        DenseSpec.of(hiddenUnits),
                        ActivationSpec.of(ActivationType.SIGMOID),
                        new OutputSpec(2, OutputActivation.SIGMOID, true)));
    }

    /**
     * The hyperparameters of {@code settings}: the engine's {@link #optimizer}, the squared error,
     * a fixed rate, no weight decay, {@value #VALIDATION_SHARE} validation.
     */
    public static Hyperparameters hyperparameters(TwoDigitSettings settings) {
        return Hyperparameters.defaults()
                .withOptimizer(optimizer(settings.engine()))
                .withLearningRate(settings.learningRate())
                .withSchedule(ScheduleKind.FIXED)
                .withWeightDecay(0)
                .withBatchSize(settings.batchSize())
                .withEpochCount(settings.epochCount())
                .withValidationShare(VALIDATION_SHARE)
                .withSeed(settings.seed())
                .withLoss(LossKind.SQUARED_ERROR);
    }

    /**
     * The two digits' splits of {@code data}: training images of both (less a seeded, stratified
     * {@code validationShare} for validation) and the data set's test images of both, labels 0 and
     * 1, class names {@code [digitA, digitB]} as the data set names them. Dataset name e.g. "MNIST
     * (sample), 3 vs 8".
     *
     * @param validationShare in [0, 1)
     * @throws IllegalArgumentException when the data set holds no images, a digit is not one of its
     *     classes, or both digits are the same (the message says which)
     */
    public static DataSplits splits(
            LoadedDataset data, int digitA, int digitB, double validationShare, long seed) {
        if (!(data.train() instanceof ImageSamples train)
                || !(data.test() instanceof ImageSamples test)) {
            throw new IllegalArgumentException(
                    "the two-digit task needs images such as MNIST, but "
                            + data.name()
                            + " is a table");
        }
        ImageSamples pairTrain = DigitPair.select(train, digitA, digitB);
        ImageSamples pairTest = DigitPair.select(test, digitA, digitB);
        if (pairTrain.size() < 2) {
            throw new IllegalArgumentException(
                    data.name()
                            + " has only "
                            + pairTrain.size()
                            + " training images of "
                            + pairTrain.classNames().get(0)
                            + " and "
                            + pairTrain.classNames().get(1));
        }
        if (pairTest.size() == 0) {
            throw new IllegalArgumentException(
                    data.name()
                            + " has no test images of "
                            + pairTest.classNames().get(0)
                            + " or "
                            + pairTest.classNames().get(1));
        }
        int[][] parts = DataSplitter.stratified(pairTrain.labels(), 2, validationShare, seed);
        return new DataSplits(
                data.name() + ", " + pairName(pairTrain),
                pairTrain.subset(parts[0]),
                pairTrain.subset(parts[1]),
                pairTest,
                data.fileSha256());
    }

    /**
     * The training request of {@code settings} on {@code data}: the network adapted to the data
     * set's image shape, its {@link #splits}, {@link #hyperparameters}, no augmentation, no weights
     * captured between epoch ends. Run name e.g. "two-digits-3-vs-8".
     *
     * @throws IllegalArgumentException when the settings have {@link TwoDigitSettings#problems()}
     *     (one per line) or the data set cannot give the pair
     */
    public static TrainingRequest request(LoadedDataset data, TwoDigitSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        DataSplits splits =
                splits(
                        data,
                        settings.digitA(),
                        settings.digitB(),
                        VALIDATION_SHARE,
                        settings.seed());
        ModelSpec spec = network(settings.hiddenUnits(), splits.train().inputShape());
        return new TrainingRequest(
                runName(settings),
                spec,
                splits,
                hyperparameters(settings),
                null,
                0,
                AugmentationSpec.NONE,
                settings.engine());
    }

    /**
     * The settings in a line, for titles: e.g. "3 vs 8: 15 hidden sigmoid units, SGD lr 3, batch
     * 10, 10 epochs — From scratch (Java)".
     */
    public static String describe(TwoDigitSettings settings) {
        return settings.digitA()
                + " vs "
                + settings.digitB()
                + ": "
                + settings.hiddenUnits()
                + " hidden sigmoid unit"
                + (settings.hiddenUnits() == 1 ? "" : "s")
                + ", "
                + optimizer(settings.engine()).label()
                + " lr "
                + Hyperparameters.formatRate(settings.learningRate())
                + ", batch "
                + settings.batchSize()
                + ", "
                + settings.epochCount()
                + " epoch"
                + (settings.epochCount() == 1 ? "" : "s")
                + " — "
                + settings.engine().label();
    }

    /** e.g. "two-digits-3-vs-8". */
    public static String runName(TwoDigitSettings settings) {
        return "two-digits-" + settings.digitA() + "-vs-" + settings.digitB();
    }

    /**
     * The sigmoid unit's output per test image, the probability of the second digit in [0, 1]: the
     * second column of the {@code testSize × 2} probabilities.
     *
     * @throws IllegalArgumentException when the probabilities are not two per image
     */
    public static float[] outputs(TrainingEvent.TestEvaluation test) {
        float[] p = test.probabilities();
        int n = test.actual().length;
        if (p.length != 2 * n) {
            throw new IllegalArgumentException(
                    p.length + " probabilities for " + n + " test images; expected 2 per image");
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = p[2 * i + 1];
        }
        return out;
    }

    private static String pairName(ImageSamples pair) {
        return pair.classNames().get(0) + " vs " + pair.classNames().get(1);
    }
}
