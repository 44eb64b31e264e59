package org.dnw.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.dnw.eval.ClassMetrics;
import org.dnw.eval.ClassificationReport;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;

/** Plain-text tables for the console. */
final class Tables {

    private Tables() {}

    /** The network, a line per layer: position, kind, settings, output shape, parameters. */
    static void network(PrintWriter out, ModelSpec spec) {
        NetworkAnalysis a = spec.analyse();
        out.printf(Locale.ROOT, "Network %s, input %s%n", spec.name(), spec.input());
        for (LayerShape l : a.layers()) {
            out.printf(
                    Locale.ROOT,
                    "  %2d  %-10s %-44s → %-14s %,12d params%n",
                    l.position(),
                    l.layer().kindName(),
                    l.layer().summary(),
                    l.output(),
                    l.parameterCount());
        }
        out.printf(
                Locale.ROOT,
                "  total %,d parameters, %,d multiply-adds per sample%n",
                a.totalParameters(),
                a.totalMultiplyAdds());
    }

    /** Per-class precision, recall, F1, support with macro and weighted averages. */
    static void classMetrics(PrintWriter out, ClassificationReport report, List<String> names) {
        int width = Math.max(12, names.stream().mapToInt(String::length).max().orElse(5) + 2);
        String row = "%-" + width + "s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, row, "class", "precision", "recall", "F1", "support");
        for (ClassMetrics m : report.perClass()) {
            out.printf(
                    Locale.ROOT,
                    row,
                    names.get(m.classIndex()),
                    pct(m.precision()),
                    pct(m.recall()),
                    pct(m.f1()),
                    String.valueOf(m.support()));
        }
        out.printf(
                Locale.ROOT,
                row,
                "macro avg",
                pct(report.macro().precision()),
                pct(report.macro().recall()),
                pct(report.macro().f1()),
                String.valueOf(report.macro().support()));
        out.printf(
                Locale.ROOT,
                row,
                "weighted avg",
                pct(report.weighted().precision()),
                pct(report.weighted().recall()),
                pct(report.weighted().f1()),
                String.valueOf(report.weighted().support()));
    }

    /** The confusion matrix: rows = true class, columns = predicted. */
    static void confusion(PrintWriter out, ConfusionMatrix m, List<String> names) {
        int n = m.classCount();
        long max = 1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                max = Math.max(max, m.count(i, j));
            }
        }
        int cell = Math.max(4, String.valueOf(max).length() + 1);
        int label =
                Math.min(
                        14,
                        Math.max(6, names.stream().mapToInt(String::length).max().orElse(4) + 1));
        out.println("Confusion matrix (rows = true class, columns = predicted):");
        StringBuilder head = new StringBuilder(" ".repeat(label));
        for (int j = 0; j < n; j++) {
            head.append(
                    String.format(
                            Locale.ROOT, "%" + cell + "s", abbreviate(names.get(j), cell - 1)));
        }
        out.println(head);
        for (int i = 0; i < n; i++) {
            StringBuilder line =
                    new StringBuilder(
                            String.format(
                                    Locale.ROOT,
                                    "%-" + label + "s",
                                    abbreviate(names.get(i), label - 1)));
            for (int j = 0; j < n; j++) {
                line.append(String.format(Locale.ROOT, "%" + cell + "d", m.count(i, j)));
            }
            out.println(line);
        }
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max));
    }
}
