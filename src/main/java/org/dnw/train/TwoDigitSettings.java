package org.dnw.train;

import java.util.ArrayList;
import java.util.List;

/**
 * What a student chooses for one run of the two-digit task. Immutable.
 *
 * @param digitA the first digit, 0–9; its images are labelled 0 (the sigmoid unit's output near 0)
 * @param digitB the second digit, 0–9 and not {@code digitA}; labelled 1 (output near 1)
 * @param engine which engine trains
 * @param hiddenUnits sigmoid units in the hidden layer, 1–{@value #MAX_HIDDEN_UNITS}
 * @param learningRate SGD step (scratch) or the optimiser's rate (DJL), &gt; 0
 * @param epochCount passes over the training images, 1–{@value #MAX_EPOCHS}
 * @param batchSize images per step, ≥ 1
 * @param seed seed of the initial weights, the shuffling and the validation split
 */
public record TwoDigitSettings(
        int digitA,
        int digitB,
        EngineKind engine,
        int hiddenUnits,
        double learningRate,
        int epochCount,
        int batchSize,
        long seed) {

    /** Most hidden units offered (a 784 × 1000 layer still trains in seconds). */
    public static final int MAX_HIDDEN_UNITS = 1000;

    /** Most epochs offered. */
    public static final int MAX_EPOCHS = 200;

    /** The pair of the course's example: 3 against 8, the digits most alike in shape. */
    public static final int DEFAULT_DIGIT_A = 3;

    public static final int DEFAULT_DIGIT_B = 8;

    /** Seed of every random choice unless set otherwise. */
    public static final long DEFAULT_SEED = 42;

    public TwoDigitSettings {
        engine = engine == null ? EngineKind.SCRATCH : engine;
    }

    /**
     * The course's settings for {@code engine}: 3 vs 8, {@value TwoDigitTask#DEFAULT_HIDDEN_UNITS}
     * hidden units, seed 42, and the engine's own rate, batch and epochs ({@link
     * TwoDigitTask#defaultLearningRate}, {@link TwoDigitTask#defaultBatchSize}, {@link
     * TwoDigitTask#defaultEpochCount}).
     */
    public static TwoDigitSettings defaults(EngineKind engine) {
        EngineKind e = engine == null ? EngineKind.SCRATCH : engine;
        return new TwoDigitSettings(
                DEFAULT_DIGIT_A,
                DEFAULT_DIGIT_B,
                e,
                TwoDigitTask.DEFAULT_HIDDEN_UNITS,
                TwoDigitTask.defaultLearningRate(e),
                TwoDigitTask.defaultEpochCount(e),
                TwoDigitTask.defaultBatchSize(e),
                DEFAULT_SEED);
    }

    /** Sentences saying what is out of range; empty when the settings can run. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (digitA < 0 || digitA > 9 || digitB < 0 || digitB > 9) {
            out.add("the digits must be from 0 to 9");
        } else if (digitA == digitB) {
            out.add("choose two different digits, not " + digitA + " twice");
        }
        if (hiddenUnits < 1 || hiddenUnits > MAX_HIDDEN_UNITS) {
            out.add("the hidden layer needs from 1 to " + MAX_HIDDEN_UNITS + " units");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            out.add("the learning rate must be a positive number, e.g. 3.0");
        }
        if (epochCount < 1 || epochCount > MAX_EPOCHS) {
            out.add("train for 1 to " + MAX_EPOCHS + " epochs");
        }
        if (batchSize < 1) {
            out.add("the batch size must be at least 1");
        }
        return out;
    }

    public TwoDigitSettings withDigits(int a, int b) {
        return new TwoDigitSettings(
                a, b, engine, hiddenUnits, learningRate, epochCount, batchSize, seed);
    }

    public TwoDigitSettings withEngine(EngineKind value) {
        return new TwoDigitSettings(
                digitA, digitB, value, hiddenUnits, learningRate, epochCount, batchSize, seed);
    }

    public TwoDigitSettings withHiddenUnits(int value) {
        return new TwoDigitSettings(
                digitA, digitB, engine, value, learningRate, epochCount, batchSize, seed);
    }

    public TwoDigitSettings withLearningRate(double value) {
        return new TwoDigitSettings(
                digitA, digitB, engine, hiddenUnits, value, epochCount, batchSize, seed);
    }

    public TwoDigitSettings withEpochCount(int value) {
        return new TwoDigitSettings(
                digitA, digitB, engine, hiddenUnits, learningRate, value, batchSize, seed);
    }

    public TwoDigitSettings withBatchSize(int value) {
        return new TwoDigitSettings(
                digitA, digitB, engine, hiddenUnits, learningRate, epochCount, value, seed);
    }

    public TwoDigitSettings withSeed(long value) {
        return new TwoDigitSettings(
                digitA, digitB, engine, hiddenUnits, learningRate, epochCount, batchSize, value);
    }
}
