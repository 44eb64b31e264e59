package org.dnw.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-class precision, recall, F1 and support with macro averages (plain mean over classes) and
 * weighted averages (weighted by support), from a {@link ConfusionMatrix}. Immutable.
 *
 * <p>A ratio whose denominator is zero counts as 0 (a class never predicted has precision 0; a
 * class never present has recall 0). The macro average runs over the classes that occur, either as
 * a true class or as a prediction, as scikit-learn's default does: a class that a small test split
 * lacks and the model never predicts has nothing to measure, and averaging its zeros in would
 * understate every figure. The weighted average gives such a class weight 0 anyway.
 *
 * @param matrix the confusion matrix (rows = true class, columns = predicted)
 * @param perClass one entry per class, in class order, every class included
 * @param macro macro averages (classIndex −1; support = total)
 * @param weighted support-weighted averages (classIndex −1; support = total)
 */
public record ClassificationReport(
        ConfusionMatrix matrix,
        List<ClassMetrics> perClass,
        ClassMetrics macro,
        ClassMetrics weighted) {

    public ClassificationReport {
        perClass = List.copyOf(perClass);
    }

    /** The report of {@code predicted} against {@code actual}; see {@link ConfusionMatrix#of}. */
    public static ClassificationReport of(int[] actual, int[] predicted, int classCount) {
        return of(ConfusionMatrix.of(actual, predicted, classCount));
    }

    /** The report of a matrix; all figures in [0, 1]. */
    public static ClassificationReport of(ConfusionMatrix m) {
        int n = m.classCount();
        List<ClassMetrics> rows = new ArrayList<>(n);
        double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
        int occurring = 0;
        long total = m.total();
        for (int c = 0; c < n; c++) {
            long tp = m.count(c, c);
            long predictedAs = m.predictedCount(c);
            long support = m.support(c);
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            rows.add(new ClassMetrics(c, precision, recall, f1, support));
            if (support > 0 || predictedAs > 0) {
                occurring++;
                mp += precision;
                mr += recall;
                mf += f1;
            }
            wp += precision * support;
            wr += recall * support;
            wf += f1 * support;
        }
        ClassMetrics macro =
                new ClassMetrics(
                        -1,
                        occurring == 0 ? 0 : mp / occurring,
                        occurring == 0 ? 0 : mr / occurring,
                        occurring == 0 ? 0 : mf / occurring,
                        total);
        ClassMetrics weighted =
                new ClassMetrics(
                        -1,
                        total == 0 ? 0 : wp / total,
                        total == 0 ? 0 : wr / total,
                        total == 0 ? 0 : wf / total,
                        total);
        return new ClassificationReport(m, rows, macro, weighted);
    }

    /** Share of samples on the diagonal, in [0, 1]; 0 for an empty matrix. */
    public double accuracy() {
        return matrix.accuracy();
    }

    /**
     * How close to chance a classifier may come and still count as "at chance level": {@value} (two
     * points of accuracy).
     */
    public static final double CHANCE_MARGIN = 0.02;

    /**
     * The accuracy of always answering the most common true class: the share of the largest row of
     * the matrix (rows = true class), in [0, 1]; at least {@code 1 / classCount} for balanced data.
     * NaN for an empty matrix.
     */
    public double chanceAccuracy() {
        long total = matrix.total();
        if (total == 0) {
            return Double.NaN;
        }
        long largest = 0;
        for (int c = 0; c < matrix.classCount(); c++) {
            largest = Math.max(largest, matrix.support(c));
        }
        return (double) largest / total;
    }

    /** The class that {@link #chanceAccuracy()} always answers (the lowest index on ties). */
    public int mostCommonClass() {
        int best = 0;
        for (int c = 1; c < matrix.classCount(); c++) {
            if (matrix.support(c) > matrix.support(best)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * True when the classifier did no better than always answering the most common class, within
     * {@link #CHANCE_MARGIN}: it learned nothing usable (a collapsed network, a diverging rate, a
     * wrong loss). False for an empty matrix or a single class.
     */
    public boolean atChanceLevel() {
        return matrix.classCount() > 1
                && matrix.total() > 0
                && accuracy() <= chanceAccuracy() + CHANCE_MARGIN;
    }

    /**
     * The warning for a classifier {@link #atChanceLevel() at chance level}, naming the class it
     * might as well always answer; empty otherwise. One wording for the command line and the
     * window.
     *
     * @param classNames the class names, in class order; null when unknown ("class 3" then)
     */
    public java.util.Optional<String> chanceLevelWarning(java.util.List<String> classNames) {
        if (!atChanceLevel()) {
            return java.util.Optional.empty();
        }
        int common = mostCommonClass();
        String name =
                classNames != null && common < classNames.size()
                        ? "\u201c" + classNames.get(common) + "\u201d"
                        : "class " + common;
        return java.util.Optional.of(
                String.format(
                        java.util.Locale.ROOT,
                        "The network ended at chance level: %.1f %% test accuracy is no better than"
                                + " always answering %s (%.1f %%), so it learned nothing"
                                + " usable. Try a lower learning rate, the cross-entropy loss, or"
                                + " more epochs.",
                        100 * accuracy(),
                        name,
                        100 * chanceAccuracy()));
    }
}
