package org.dnw.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded k-fold splits of a data set for cross-validation: every sample lands in exactly one test
 * fold, and fold {@code i}'s training rows are all the others. Plain folds cut a seeded shuffle
 * into {@code k} runs whose sizes differ by at most one; stratified folds deal each class's
 * shuffled samples out in turn, so every fold holds about the same share of each class (and the
 * fold sizes still differ by at most one). The same seed gives the same folds. Stateless.
 */
public final class KFold {

    /** The usual number of folds. */
    public static final int DEFAULT_FOLDS = 5;

    private KFold() {}

    /**
     * One fold.
     *
     * @param index 0-based fold number
     * @param trainIndices indices of the samples to train on, ascending
     * @param testIndices indices of the held-out samples, ascending
     */
    public record Fold(int index, int[] trainIndices, int[] testIndices) {

        /** Fresh copies of the index arrays are taken, so a fold never changes. */
        public Fold {
            trainIndices = trainIndices.clone();
            testIndices = testIndices.clone();
        }

        @Override
        public int[] trainIndices() {
            return trainIndices.clone();
        }

        @Override
        public int[] testIndices() {
            return testIndices.clone();
        }
    }

    /** {@value #DEFAULT_FOLDS} stratified folds. */
    public static List<Fold> split(Samples samples, long seed) {
        return split(samples, DEFAULT_FOLDS, seed, true);
    }

    /**
     * The folds of {@code samples}.
     *
     * @param k folds, from 2 to {@code samples.size()}
     * @param stratified whether each fold keeps the class shares of the whole
     * @throws IllegalArgumentException when {@code k} is out of range
     */
    public static List<Fold> split(Samples samples, int k, long seed, boolean stratified) {
        return stratified ? stratified(samples.labels(), k, seed) : plain(samples.size(), k, seed);
    }

    /** Plain folds over {@code size} samples. */
    public static List<Fold> plain(int size, int k, long seed) {
        check(size, k);
        int[] order = shuffled(range(size), new Random(seed));
        int[] foldOf = new int[size];
        for (int f = 0; f < k; f++) {
            int from = (int) ((long) size * f / k);
            int to = (int) ((long) size * (f + 1) / k);
            for (int i = from; i < to; i++) {
                foldOf[order[i]] = f;
            }
        }
        return folds(foldOf, k);
    }

    /** Stratified folds over samples with these class labels. */
    public static List<Fold> stratified(int[] labels, int k, long seed) {
        check(labels.length, k);
        Random random = new Random(seed);
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        int[] foldOf = new int[labels.length];
        // one running counter across classes, so the leftovers of one class fill the folds the
        // previous class left short, and fold sizes stay within one of each other
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            int[] shuffled =
                    shuffled(members.stream().mapToInt(Integer::intValue).toArray(), random);
            for (int s : shuffled) {
                foldOf[s] = next;
                next = (next + 1) % k;
            }
        }
        return folds(foldOf, k);
    }

    private static List<Fold> folds(int[] foldOf, int k) {
        int[] sizes = new int[k];
        for (int f : foldOf) {
            sizes[f]++;
        }
        List<Fold> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int[] test = new int[sizes[f]];
            int[] train = new int[foldOf.length - sizes[f]];
            int t = 0;
            int r = 0;
            for (int i = 0; i < foldOf.length; i++) {
                if (foldOf[i] == f) {
                    test[t++] = i;
                } else {
                    train[r++] = i;
                }
            }
            out.add(new Fold(f, train, test));
        }
        return List.copyOf(out);
    }

    private static void check(int size, int k) {
        if (k < 2 || k > size) {
            throw new IllegalArgumentException(
                    "k-fold cross-validation needs from 2 to "
                            + size
                            + " folds for "
                            + size
                            + " samples, not "
                            + k);
        }
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /** Fisher–Yates, in place; returns {@code a}. */
    private static int[] shuffled(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
