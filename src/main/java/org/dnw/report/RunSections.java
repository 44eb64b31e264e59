package org.dnw.report;

import static org.dnw.report.RunFacts.anyFinite;
import static org.dnw.report.RunFacts.bestEpoch;
import static org.dnw.report.RunFacts.column;
import static org.dnw.report.RunFacts.epochs;
import static org.dnw.report.RunFacts.epochsCompleted;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dnw.figures.LineChart;
import org.dnw.report.ReportModel.Curves;
import org.dnw.report.ReportModel.Data;
import org.dnw.report.ReportModel.EpochRow;
import org.dnw.report.ReportModel.Epochs;
import org.dnw.report.ReportModel.FileSum;
import org.dnw.report.ReportModel.Layer;
import org.dnw.report.ReportModel.Network;
import org.dnw.report.ReportModel.Pair;
import org.dnw.report.ReportModel.Svg;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.Problem;
import org.dnw.spec.ShapeInference;
import org.dnw.store.DatasetInfo;
import org.dnw.store.EpochMetrics;
import org.dnw.store.RunManifest;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;

/**
 * The parts of a run's pages that say how it was trained: data, network, settings and environment,
 * learning curves and the per-epoch table, as {@link ReportModel} records. Stateless.
 */
final class RunSections {

    static final String TRAIN_COLOUR = "#1f6fb4";
    static final String VALIDATION_COLOUR = "#e07b00";

    private RunSections() {}

    static Data data(SavedRun r) {
        DatasetInfo d = r.manifest().dataset();
        List<Pair> rows = new ArrayList<>();
        if (d == null) {
            rows.add(new Pair("data set", Format.NONE));
        } else {
            rows.add(new Pair("data set", Format.orNone(d.name())));
            List<String> names = d.classNames();
            rows.add(
                    new Pair(
                            "classes",
                            names.size()
                                    + (names.isEmpty() ? "" : ": " + String.join(", ", names))));
            rows.add(new Pair("training samples", Format.count(d.trainSize())));
            rows.add(
                    new Pair(
                            "validation samples",
                            d.validationSize() == 0
                                    ? "none held out"
                                    : Format.count(d.validationSize()) + share(d)));
            rows.add(new Pair("test samples", Format.count(d.testSize())));
        }
        ModelSpec spec = r.manifest().spec();
        if (spec != null && spec.input() != null) {
            rows.add(
                    new Pair(
                            "one sample",
                            spec.input()
                                    + (spec.input().isImage()
                                            ? " (channels × height × width)"
                                            : " features")));
        }
        List<FileSum> files = new ArrayList<>();
        if (d != null) {
            for (Map.Entry<String, String> e : d.fileSha256().entrySet()) {
                String sum = e.getValue() == null ? "" : e.getValue();
                files.add(
                        new FileSum(
                                files.isEmpty(),
                                e.getKey(),
                                sum,
                                sum.length() > 16 ? sum.substring(0, 16) + "…" : sum));
            }
        }
        return new Data(rows, files);
    }

    private static String share(DatasetInfo d) {
        long all = (long) d.trainSize() + d.validationSize();
        return all == 0
                ? ""
                : String.format(
                                Locale.ROOT,
                                " (%.0f %% of the %s training images)",
                                100.0 * d.validationSize() / all,
                                Format.count(all))
                        .replace(" %", Format.NBSP + "%");
    }

    static Network network(SavedRun r) {
        ModelSpec spec = r.manifest().spec();
        String heading =
                spec == null ? "Network" : "Network: " + (spec.name() == null ? "" : spec.name());
        if (spec == null || spec.input() == null) {
            return new Network(heading, false, null, List.of(), null, null, null, List.of());
        }
        NetworkAnalysis a = ShapeInference.analyse(spec);
        List<Layer> layers = new ArrayList<>();
        for (LayerShape l : a.layers()) {
            layers.add(
                    new Layer(
                            l.position(),
                            l.layer().kindName(),
                            l.layer().summary(),
                            l.output().toString(),
                            Format.count(l.parameterCount()),
                            Format.count(l.multiplyAdds())));
        }
        long counted = r.manifest().parameterCount();
        return new Network(
                heading,
                true,
                spec.input().toString(),
                layers,
                Format.count(a.totalParameters()),
                Format.count(a.totalMultiplyAdds()),
                counted != a.totalParameters() && counted > 0 ? Format.count(counted) : null,
                a.problems().stream().map(Problem::message).toList());
    }

    static List<Pair> settings(SavedRun r) {
        Hyperparameters h = r.manifest().hyperparameters();
        List<Pair> rows = new ArrayList<>();
        if (h == null) {
            rows.add(new Pair("settings", "not recorded"));
            return rows;
        }
        rows.add(
                new Pair("optimiser", h.optimizer() == null ? Format.NONE : h.optimizer().label()));
        rows.add(new Pair("learning rate", Format.plain(h.learningRate())));
        rows.add(new Pair("learning-rate schedule", schedule(h)));
        rows.add(
                new Pair(
                        "weight decay (L2)",
                        h.weightDecay() == 0 ? "0 (none)" : Format.plain(h.weightDecay())));
        rows.add(new Pair("batch size", Format.count(h.batchSize())));
        rows.add(
                new Pair(
                        "epochs",
                        h.epochCount()
                                + (epochsCompleted(r) != h.epochCount()
                                        ? " planned, " + epochsCompleted(r) + " trained"
                                        : "")));
        if (h.patience() > 0) {
            rows.add(
                    new Pair(
                            "early stopping",
                            "after "
                                    + h.patience()
                                    + " epochs without a better validation loss; the best"
                                    + " epoch's parameters kept"));
        }
        rows.add(
                new Pair(
                        "validation share",
                        Format.percent1(h.validationShare()) + " of the training data"));
        rows.add(new Pair("loss", loss(h.loss())));
        rows.add(new Pair("seed", Long.toString(h.seed())));
        return rows;
    }

    static List<Pair> environment(SavedRun r, ZoneId zone) {
        RunManifest m = r.manifest();
        List<Pair> rows = new ArrayList<>();
        rows.add(new Pair("device", Format.orNone(m.device())));
        Map<String, String> env = m.environment();
        rows.add(new Pair("DJL", Format.orNone(env.get("djl"))));
        rows.add(new Pair("PyTorch", Format.orNone(env.get("pytorch"))));
        rows.add(new Pair("Java", Format.orNone(env.get("java"))));
        rows.add(new Pair("operating system", Format.orNone(env.get("os"))));
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!List.of("djl", "pytorch", "java", "os").contains(e.getKey())) {
                rows.add(new Pair(e.getKey(), Format.orNone(e.getValue())));
            }
        }
        rows.add(new Pair("started", Format.dateTime(m.startedAt(), zone)));
        rows.add(new Pair("finished", Format.dateTime(m.finishedAt(), zone)));
        rows.add(new Pair("training time", Format.duration(m.durationMillis())));
        return rows;
    }

    private static String schedule(Hyperparameters h) {
        if (h.schedule() == null) {
            return Format.NONE;
        }
        return switch (h.schedule()) {
            case FIXED -> "fixed";
            case STEP ->
                    "step: ×0.1 every "
                            + h.stepEpochs()
                            + (h.stepEpochs() == 1 ? " epoch" : " epochs");
            case COSINE ->
                    "cosine, from the base rate down to 0 over " + h.epochCount() + " epochs";
            case DECAY -> "decay: rate ÷ (1 + " + Format.plain(h.decayRate()) + " × epoch)";
            case ONE_CYCLE ->
                    "one-cycle: from the base rate ÷ 25 up to it over the first 30 % of the batches,"
                            + " then down to almost 0 by the last, both on a cosine";
        };
    }

    private static String loss(LossKind loss) {
        if (loss == null) {
            return Format.NONE;
        }
        return switch (loss) {
            case CROSS_ENTROPY -> "cross-entropy (softmax)";
            case SQUARED_ERROR -> "squared error (probabilities against one-hot targets)";
        };
    }

    static Curves curves(SavedRun r) {
        double[] x = epochs(r);
        double[] va = column(r, EpochMetrics::validationAccuracy);
        double[] vl = column(r, EpochMetrics::validationLoss);
        boolean validation = anyFinite(va) || anyFinite(vl);
        int best = bestEpoch(r);
        double mark = best > 0 ? best : Double.NaN;
        String markLabel = best > 0 ? "best validation: epoch " + best : null;
        List<LineChart.Series> loss = new ArrayList<>();
        loss.add(
                new LineChart.Series(
                        "train-loss",
                        "training",
                        x,
                        column(r, EpochMetrics::trainLoss),
                        TRAIN_COLOUR,
                        "",
                        Double.NaN));
        List<LineChart.Series> accuracy = new ArrayList<>();
        accuracy.add(
                new LineChart.Series(
                        "train-accuracy",
                        "training",
                        x,
                        column(r, EpochMetrics::trainAccuracy),
                        TRAIN_COLOUR,
                        "",
                        Double.NaN));
        if (validation) {
            loss.add(
                    new LineChart.Series(
                            "validation-loss",
                            "validation",
                            x,
                            vl,
                            VALIDATION_COLOUR,
                            "7,3",
                            Double.NaN));
            accuracy.add(
                    new LineChart.Series(
                            "validation-accuracy",
                            "validation",
                            x,
                            va,
                            VALIDATION_COLOUR,
                            "7,3",
                            mark));
        }
        return new Curves(
                List.of(
                        new Svg(
                                new LineChart(
                                                "Loss per epoch",
                                                "epoch",
                                                "mean loss",
                                                false,
                                                loss,
                                                mark,
                                                markLabel)
                                        .toSvg()),
                        new Svg(
                                new LineChart(
                                                "Accuracy per epoch",
                                                "epoch",
                                                "accuracy (%)",
                                                true,
                                                accuracy,
                                                mark,
                                                markLabel)
                                        .toSvg())),
                validation);
    }

    static Epochs epochTable(SavedRun r) {
        int best = bestEpoch(r);
        List<EpochRow> rows = new ArrayList<>();
        for (EpochMetrics e : r.epochs()) {
            rows.add(
                    new EpochRow(
                            e.epoch(),
                            e.epoch() == best,
                            Format.loss(e.trainLoss()),
                            Format.percent(e.trainAccuracy()),
                            Format.loss(e.validationLoss()),
                            Format.percent(e.validationAccuracy()),
                            Format.plain(e.learningRate()),
                            Format.seconds(e.seconds())));
        }
        return new Epochs(rows);
    }
}
