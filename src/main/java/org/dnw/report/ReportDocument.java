package org.dnw.report;

import static org.dnw.report.RunFacts.anyFinite;
import static org.dnw.report.RunFacts.bestEpoch;
import static org.dnw.report.RunFacts.bestValidation;
import static org.dnw.report.RunFacts.column;
import static org.dnw.report.RunFacts.epochs;
import static org.dnw.report.RunFacts.epochsCompleted;
import static org.dnw.report.RunFacts.folderName;
import static org.dnw.report.RunFacts.runName;
import static org.dnw.report.RunFacts.shorten;
import static org.dnw.report.RunFacts.testAccuracy;
import static org.dnw.report.RunFacts.testLoss;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dnw.figures.LineChart;
import org.dnw.report.ReportModel.ComparedRun;
import org.dnw.report.ReportModel.Comparison;
import org.dnw.report.ReportModel.Glance;
import org.dnw.report.ReportModel.NotDrawn;
import org.dnw.report.ReportModel.Report;
import org.dnw.report.ReportModel.RunPage;
import org.dnw.report.ReportModel.Svg;
import org.dnw.store.EpochMetrics;
import org.dnw.store.RunManifest;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;

/**
 * Builds the XHTML of a report: computes the {@link ReportModel} of the runs and fills in the
 * template ({@link ReportTemplate}). The result is well-formed XML (so the PDF renderer can parse
 * it) that browsers read as HTML. One instance per report; not shared between threads.
 */
final class ReportDocument {

    /** Whom the document is for: a browser, or the PDF renderer (which gets a font it embeds). */
    enum Target {
        HTML,
        PDF
    }

    /** The font family the PDF renderer is given (see {@link PdfReport}). */
    static final String PDF_FONT_FAMILY = "Report Sans";

    /** Okabe–Ito colours, distinguishable with colour-blind eyes; repeated with dashes after. */
    private static final String[] PALETTE = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"
    };

    private static final String[] DASHES = {"", "7,3", "2,2"};

    private final List<SavedRun> runs;
    private final TestImageSource images;
    private final Instant writtenAt;
    private final ZoneId zone;
    private final Target target;

    ReportDocument(
            List<SavedRun> runs,
            TestImageSource images,
            Instant writtenAt,
            ZoneId zone,
            Target target) {
        this.runs = List.copyOf(runs);
        this.images = images;
        this.writtenAt = writtenAt;
        this.zone = zone;
        this.target = target;
    }

    /** The whole document. */
    String build() {
        return ReportTemplate.render(model());
    }

    /** What the document shows. */
    Report model() {
        boolean several = runs.size() > 1;
        String title =
                several
                        ? "Training report: " + runs.size() + " runs"
                        : "Training report: " + runName(runs.get(0));
        List<RunPage> pages = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            pages.add(runPage(i, several));
        }
        boolean pdf = target == Target.PDF;
        return new Report(
                title,
                Format.dateTime(writtenAt, zone),
                pdf ? ReportTemplate.PDF_CSS : ReportTemplate.CSS,
                pdf ? PDF_FONT_FAMILY : null,
                several,
                several ? comparison() : null,
                pages);
    }

    // ---------------------------------------------------------------- comparison of several runs

    private Comparison comparison() {
        double bestTest = Double.NEGATIVE_INFINITY;
        for (SavedRun r : runs) {
            double t = testAccuracy(r);
            if (Double.isFinite(t)) {
                bestTest = Math.max(bestTest, t);
            }
        }
        List<ComparedRun> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SavedRun r = runs.get(i);
            RunManifest m = r.manifest();
            Hyperparameters h = m.hyperparameters();
            double test = testAccuracy(r);
            int bestEpoch = bestEpoch(r);
            rows.add(
                    new ComparedRun(
                            i + 1,
                            runName(r),
                            Format.orNone(m.dataset() == null ? null : m.dataset().name()),
                            Format.orNone(m.spec() == null ? null : m.spec().name()),
                            Format.count(m.parameterCount()),
                            epochsCompleted(r),
                            h == null || h.optimizer() == null
                                    ? Format.NONE
                                    : h.optimizer().label(),
                            h == null ? Format.NONE : Format.plain(h.learningRate()),
                            Format.percent(bestValidation(r)),
                            bestEpoch > 0 ? bestEpoch : null,
                            Double.isFinite(test) && test == bestTest,
                            Format.percent(test),
                            Format.duration(m.durationMillis())));
        }

        List<LineChart.Series> accuracy = new ArrayList<>();
        List<LineChart.Series> loss = new ArrayList<>();
        List<String> withoutValidation = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SavedRun r = runs.get(i);
            double[] x = epochs(r);
            String label = (i + 1) + ": " + shorten(runName(r), 40);
            String colour = PALETTE[i % PALETTE.length];
            String dash = DASHES[(i / PALETTE.length) % DASHES.length];
            double[] va = column(r, EpochMetrics::validationAccuracy);
            double[] vl = column(r, EpochMetrics::validationLoss);
            if (!anyFinite(va) && !anyFinite(vl)) {
                withoutValidation.add("run " + (i + 1) + " (" + runName(r) + ")");
                continue;
            }
            accuracy.add(
                    new LineChart.Series(
                            "run-" + (i + 1) + "-validation-accuracy",
                            label,
                            x,
                            va,
                            colour,
                            dash,
                            bestEpoch(r)));
            loss.add(
                    new LineChart.Series(
                            "run-" + (i + 1) + "-validation-loss",
                            label,
                            x,
                            vl,
                            colour,
                            dash,
                            Double.NaN));
        }
        List<Svg> charts =
                List.of(
                        new Svg(
                                new LineChart(
                                                "Validation accuracy of every run",
                                                "epoch",
                                                "validation accuracy (%)",
                                                true,
                                                accuracy,
                                                Double.NaN,
                                                null)
                                        .toSvg()),
                        new Svg(
                                new LineChart(
                                                "Validation loss of every run",
                                                "epoch",
                                                "validation loss",
                                                false,
                                                loss,
                                                Double.NaN,
                                                null)
                                        .toSvg()));
        NotDrawn notDrawn =
                withoutValidation.isEmpty()
                        ? null
                        : new NotDrawn(
                                withoutValidation.size() == 1 ? "it" : "they",
                                String.join("; ", withoutValidation));
        return new Comparison(runs.size(), rows, charts, notDrawn);
    }

    // ---------------------------------------------------------------- one run

    private RunPage runPage(int index, boolean several) {
        SavedRun r = runs.get(index);
        RunManifest m = r.manifest();
        return new RunPage(
                index + 1,
                several,
                runName(r),
                Format.dateTime(m.startedAt(), zone),
                Format.orNone(m.device()),
                folderName(r),
                glance(r),
                RunSections.data(r),
                RunSections.network(r),
                RunSections.settings(r),
                RunSections.environment(r, zone),
                RunSections.curves(r),
                RunSections.epochTable(r),
                ResultSections.testResults(r),
                ResultSections.filters(r),
                ResultSections.mistakes(r, images),
                NetworkSections.diagram(r, target == Target.PDF),
                NetworkSections.layerFilters(r),
                NetworkSections.activations(r, ResultSections.checkedImages(r, images)));
    }

    private static List<Glance> glance(SavedRun r) {
        RunManifest m = r.manifest();
        int best = bestEpoch(r);
        return List.of(
                new Glance(Format.percent(testAccuracy(r)), "test accuracy", "test-accuracy"),
                new Glance(Format.loss(testLoss(r)), "test loss", "test-loss"),
                new Glance(
                        Format.percent(bestValidation(r)),
                        best > 0
                                ? "best validation accuracy (epoch " + best + ")"
                                : "no validation set",
                        "best-validation"),
                new Glance(String.valueOf(epochsCompleted(r)), "epochs trained", "epochs"),
                new Glance(Format.duration(m.durationMillis()), "training time", "duration"),
                new Glance(Format.count(m.parameterCount()), "trainable parameters", "parameters"));
    }
}
