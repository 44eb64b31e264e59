package org.dnw.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-class precision, recall, F1 and support with macro averages (plain mean over classes) and
 * weighted averages (weighted by support), from a {@link ConfusionMatrix}. Immutable.
 *
 * @param matrix the confusion matrix (rows = true class, columns = predicted)
 * @param perClass one entry per class, in class order
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

    public static ClassificationReport of(int[] actual, int[] predicted, int classCount) {
        return of(ConfusionMatrix.of(actual, predicted, classCount));
    }

    public static ClassificationReport of(ConfusionMatrix m) {
        int n = m.classCount();
        List<ClassMetrics> rows = new ArrayList<>(n);
        double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
        long total = m.total();
        for (int c = 0; c < n; c++) {
            long tp = m.count(c, c);
            long predictedAs = m.predictedCount(c);
            long support = m.support(c);
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            rows.add(new ClassMetrics(c, precision, recall, f1, support));
            mp += precision;
            mr += recall;
            mf += f1;
            wp += precision * support;
            wr += recall * support;
            wf += f1 * support;
        }
        ClassMetrics macro =
                new ClassMetrics(
                        -1, n == 0 ? 0 : mp / n, n == 0 ? 0 : mr / n, n == 0 ? 0 : mf / n, total);
        ClassMetrics weighted =
                new ClassMetrics(
                        -1,
                        total == 0 ? 0 : wp / total,
                        total == 0 ? 0 : wr / total,
                        total == 0 ? 0 : wf / total,
                        total);
        return new ClassificationReport(m, rows, macro, weighted);
    }

    public double accuracy() {
        return matrix.accuracy();
    }
}
