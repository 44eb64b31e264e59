package org.dnw.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.dnw.eval.ClassificationReport;
import org.dnw.store.EpochMetrics;
import org.dnw.store.RunResults;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * Figures of a saved run that the report reads in several places: its name, test results, best
 * epoch and per-epoch columns, from the recorded results where present and from the epochs where
 * not. Stateless.
 */
final class RunFacts {

    private RunFacts() {}

    static String runName(SavedRun r) {
        String name = r.manifest().runName();
        return name == null || name.isBlank() ? folderName(r) : name;
    }

    static String folderName(SavedRun r) {
        return r.folder() == null || r.folder().getFileName() == null
                ? "run"
                : r.folder().getFileName().toString();
    }

    static String className(List<String> names, int index) {
        return index >= 0 && index < names.size() && names.get(index) != null
                ? names.get(index)
                : "class " + index;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The test split's report, from the recorded one or the predictions; {@code null} if none. */
    static ClassificationReport report(SavedRun r) {
        TestEvaluation t = r.test();
        if (t == null) {
            return null;
        }
        if (t.report() != null) {
            return t.report();
        }
        if (t.actual() == null || t.predicted() == null || t.actual().length == 0) {
            return null;
        }
        int classes = Math.max(1, r.classNames().size());
        return ClassificationReport.of(t.actual(), t.predicted(), classes);
    }

    static double testAccuracy(SavedRun r) {
        if (r.test() != null && Double.isFinite(r.test().accuracy())) {
            return r.test().accuracy();
        }
        RunResults res = r.manifest().results();
        return res == null ? Double.NaN : res.testAccuracy();
    }

    static double testLoss(SavedRun r) {
        if (r.test() != null && Double.isFinite(r.test().loss())) {
            return r.test().loss();
        }
        RunResults res = r.manifest().results();
        return res == null ? Double.NaN : res.testLoss();
    }

    static int epochsCompleted(SavedRun r) {
        RunResults res = r.manifest().results();
        return res != null && res.epochsCompleted() > 0 ? res.epochsCompleted() : r.epochs().size();
    }

    /** 1-based epoch of the best validation accuracy; 0 when there is none. */
    static int bestEpoch(SavedRun r) {
        RunResults res = r.manifest().results();
        if (res != null && res.bestValidationEpoch() > 0) {
            return res.bestValidationEpoch();
        }
        return RunResults.of(Double.NaN, Double.NaN, r.epochs(), 0).bestValidationEpoch();
    }

    static double bestValidation(SavedRun r) {
        RunResults res = r.manifest().results();
        if (res != null && res.bestValidationEpoch() > 0) {
            return res.bestValidationAccuracy();
        }
        return RunResults.of(Double.NaN, Double.NaN, r.epochs(), 0).bestValidationAccuracy();
    }

    static double[] epochs(SavedRun r) {
        return r.epochs().stream().mapToDouble(EpochMetrics::epoch).toArray();
    }

    static double[] column(SavedRun r, ToDoubleFunction<EpochMetrics> f) {
        return r.epochs().stream().mapToDouble(f).toArray();
    }

    static boolean anyFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }
}
