package org.dnw.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Holds a validation share out of a data set's training split, stratified by class and seeded: the
 * same data, share and seed give the same split on every machine. The test split is passed through
 * untouched. Images stay unsigned bytes. Immutable and thread-safe.
 */
public final class DataSplitter {

    /** The share of training samples held out for validation unless told otherwise. */
    public static final double DEFAULT_VALIDATION_SHARE = 0.1;

    private final double validationShare;
    private final long seed;

    /**
     * @param validationShare share of the training samples to hold out, 0 (none) to below 1
     * @param seed seed of the shuffle that picks them
     * @throws IllegalArgumentException when the share is outside [0, 1)
     */
    public DataSplitter(double validationShare, long seed) {
        checkShare(validationShare, "the validation share");
        this.validationShare = validationShare;
        this.seed = seed;
    }

    /** The default share (10 %) with {@code seed}. */
    public DataSplitter(long seed) {
        this(DEFAULT_VALIDATION_SHARE, seed);
    }

    /** The share held out for validation, in [0, 1). */
    public double validationShare() {
        return validationShare;
    }

    /** The seed of the shuffle that picks the validation samples. */
    public long seed() {
        return seed;
    }

    /**
     * Train, validation and test splits of {@code data}. Validation samples are a stratified {@link
     * #validationShare()} of {@code data.train()} (each class contributes in proportion, at least
     * one sample of every class stays in training); train keeps the rest, in source order.
     */
    public DataSplits split(LoadedDataset data) {
        int[][] parts =
                stratified(data.train().labels(), data.train().classCount(), validationShare, seed);
        return new DataSplits(
                data.name(),
                data.train().subset(parts[0]),
                data.train().subset(parts[1]),
                data.test(),
                data.fileSha256(),
                data.origin());
    }

    /**
     * Splits sample indices into a kept part and a held-out part, stratified by class: the held-out
     * part has {@code round(N·share)} samples, spread over the classes in proportion to their sizes
     * (largest remainders get the odd ones), never taking a class's last sample.
     *
     * @param labels class index per sample, each in [0, classCount)
     * @param share share to hold out, in [0, 1)
     * @param seed seed of the per-class shuffle
     * @return {@code {kept, heldOut}}, each sorted ascending, together a partition of 0..N−1
     */
    public static int[][] stratified(int[] labels, int classCount, double share, long seed) {
        checkShare(share, "the share");
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        int[] held = quotas(counts, labels.length, share);
        int[][] byClass = new int[classCount][];
        int[] fill = new int[classCount];
        for (int c = 0; c < classCount; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][fill[labels[i]]++] = i;
        }
        Random random = new Random(seed);
        int heldTotal = Arrays.stream(held).sum();
        int[] out = new int[heldTotal];
        boolean[] isHeld = new boolean[labels.length];
        int k = 0;
        for (int c = 0; c < classCount; c++) {
            int[] members = byClass[c];
            for (int i = members.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (int i = 0; i < held[c]; i++) {
                isHeld[members[i]] = true;
                out[k++] = members[i];
            }
        }
        Arrays.sort(out);
        int[] kept = new int[labels.length - heldTotal];
        k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (!isHeld[i]) {
                kept[k++] = i;
            }
        }
        return new int[][] {kept, out};
    }

    private static int[] quotas(int[] counts, int total, double share) {
        int classCount = counts.length;
        int[] held = new int[classCount];
        double[] remainder = new double[classCount];
        int target = (int) Math.round(total * share);
        int given = 0;
        for (int c = 0; c < classCount; c++) {
            double exact = counts[c] * share;
            held[c] = Math.min((int) Math.floor(exact), Math.max(0, counts[c] - 1));
            remainder[c] = exact - held[c];
            given += held[c];
        }
        while (given < target) {
            int best = -1;
            for (int c = 0; c < classCount; c++) {
                if (held[c] < counts[c] - 1 && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            held[best]++;
            remainder[best] -= 1;
            given++;
        }
        return held;
    }

    private static void checkShare(double share, String what) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException(
                    what + " must be at least 0 and below 1, not " + share);
        }
    }
}
