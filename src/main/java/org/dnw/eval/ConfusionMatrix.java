package org.dnw.eval;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs. Orientation: {@code counts[actual][predicted]},
 * rows = true class, columns = predicted class. Immutable and thread-safe; value equality.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /**
     * Builds the matrix.
     *
     * @param actual true class per sample, each in [0, classCount)
     * @param predicted predicted class per sample, same length as {@code actual}
     * @param classCount number of classes, ≥ 1
     * @throws IllegalArgumentException when the lengths differ, {@code classCount < 1} or a class
     *     index lies outside {@code [0, classCount)}
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classCount) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(
                    actual.length + " true labels but " + predicted.length + " predictions");
        }
        if (classCount < 1) {
            throw new IllegalArgumentException(
                    "a confusion matrix needs at least 1 class, got " + classCount);
        }
        long[][] m = new long[classCount][classCount];
        for (int i = 0; i < actual.length; i++) {
            // An index check here names the sample; the array access alone would not.
            if (actual[i] < 0 || actual[i] >= classCount) {
                throw new IllegalArgumentException(
                        "true label "
                                + actual[i]
                                + " of sample "
                                + i
                                + " is outside 0.."
                                + (classCount - 1));
            }
            if (predicted[i] < 0 || predicted[i] >= classCount) {
                throw new IllegalArgumentException(
                        "prediction "
                                + predicted[i]
                                + " of sample "
                                + i
                                + " is outside 0.."
                                + (classCount - 1));
            }
            m[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(m);
    }

    /**
     * From counts as stored, {@code rows[actual][predicted]}; must be square with at least one row
     * and hold no negative count. The rows are copied.
     */
    public static ConfusionMatrix fromCounts(long[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least 1 class");
        }
        long[][] m = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows.length) {
                throw new IllegalArgumentException(
                        "a confusion matrix must be square: row "
                                + i
                                + " has "
                                + rows[i].length
                                + " counts for "
                                + rows.length
                                + " classes");
            }
            for (long count : rows[i]) {
                if (count < 0) {
                    throw new IllegalArgumentException(
                            "row " + i + " of the confusion matrix holds a negative count");
                }
            }
            m[i] = rows[i].clone();
        }
        return new ConfusionMatrix(m);
    }

    public int classCount() {
        return counts.length;
    }

    /** Samples of true class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, {@code [actual][predicted]}. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** All samples counted. */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** Samples whose true class is {@code c} (row sum). */
    public long support(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    /** Samples predicted as {@code c} (column sum). */
    public long predictedCount(int c) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** Share of samples on the diagonal; 0 for an empty matrix. */
    public double accuracy() {
        long total = total();
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Row-normalised shares: each row divided by its support (a row of zeros stays zero). */
    public double[][] rowShares() {
        double[][] shares = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            long support = support(i);
            for (int j = 0; j < counts.length; j++) {
                shares[i][j] = support == 0 ? 0 : (double) counts[i][j] / support;
            }
        }
        return shares;
    }

    /** Equal when both hold the same counts in the same orientation. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** The counts row by row (rows = true class), e.g. {@code [[5, 1], [0, 4]]}. */
    @Override
    public String toString() {
        return Arrays.deepToString(counts);
    }
}
