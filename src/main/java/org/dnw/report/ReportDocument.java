package org.dnw.report;

import static org.dnw.report.Html.esc;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dnw.data.ImageSamples;
import org.dnw.eval.ClassMetrics;
import org.dnw.eval.ClassificationReport;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.figures.KernelGridImage;
import org.dnw.figures.LineChart;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.Problem;
import org.dnw.spec.ShapeInference;
import org.dnw.store.DatasetInfo;
import org.dnw.store.EpochMetrics;
import org.dnw.store.RunManifest;
import org.dnw.store.RunResults;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * Builds the XHTML of a report: well-formed XML (so the PDF renderer can parse it) that browsers
 * read as HTML. One instance per report; not shared between threads.
 */
final class ReportDocument {

    /** Whom the document is for: a browser, or the PDF renderer (which gets a font it embeds). */
    enum Target {
        HTML,
        PDF
    }

    /** Most confident mistakes shown as pictures. */
    static final int MISTAKE_PICTURES = 24;

    /** Most confident mistakes listed when there are no pictures. */
    static final int MISTAKE_ROWS = 25;

    /** The name of the first-layer picture a run folder holds. */
    static final String FIRST_LAYER_PNG = "first-layer.png";

    /** The font family the PDF renderer is given (see {@link PdfReport}). */
    static final String PDF_FONT_FAMILY = "Report Sans";

    static final String TRAIN_COLOUR = "#1f6fb4";
    static final String VALIDATION_COLOUR = "#e07b00";

    /** Okabe–Ito colours, distinguishable with colour-blind eyes; repeated with dashes after. */
    private static final String[] PALETTE = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"
    };

    private static final String[] DASHES = {"", "7,3", "2,2"};

    private static final String CSS = loadCss();

    /**
     * The style sheet for the PDF renderer: without the properties only browsers know (which it
     * logs), and without {@code image-rendering}, with which openhtmltopdf 1.1.65 garbles the
     * pixels of embedded PNGs. The PDF does not need it: pictures are enlarged by whole pixels
     * before they are embedded and shown at about their own size, and PDF images are not
     * interpolated by default.
     */
    private static final String PDF_CSS =
            CSS.lines()
                    .filter(
                            l ->
                                    !l.contains("print-color-adjust")
                                            && !l.contains("overflow-x")
                                            && !l.contains("image-rendering"))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));

    private final List<SavedRun> runs;
    private final TestImageSource images;
    private final Instant writtenAt;
    private final ZoneId zone;
    private final Target target;
    private final StringBuilder out = new StringBuilder(1 << 16);

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
        boolean several = runs.size() > 1;
        String title =
                several
                        ? "Training report: " + runs.size() + " runs"
                        : "Training report: " + runName(runs.get(0));
        out.append("<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append(
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"Deep Network Workbench\"/>\n")
                .append("<title>")
                .append(esc(title))
                .append("</title>\n<style>\n")
                .append(target == Target.PDF ? PDF_CSS : CSS);
        if (target == Target.PDF) {
            out.append("body { font-family: \"")
                    .append(PDF_FONT_FAMILY)
                    .append("\", sans-serif; }\n")
                    .append("code, .mono { font-family: \"")
                    .append(PDF_FONT_FAMILY)
                    .append("\", monospace; }\n");
        }
        out.append("</style>\n</head>\n<body>\n");

        out.append("<header>\n<h1>").append(esc(title)).append("</h1>\n");
        out.append("<p class=\"meta\">Written ")
                .append(esc(Format.dateTime(writtenAt, zone)))
                .append(" by Deep Network Workbench.</p>\n</header>\n");

        if (several) {
            comparison();
        }
        for (int i = 0; i < runs.size(); i++) {
            run(i, several);
        }
        out.append("<footer>Every figure in this report was read from the saved run folder")
                .append(several ? "s" : "")
                .append(" under <code>saved-models/</code>. Confusion matrices: rows = true class,")
                .append(" columns = predicted class. Accuracies are shares of samples classified")
                .append(" correctly.</footer>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- comparison of several runs

    private void comparison() {
        out.append("<section class=\"comparison\" id=\"comparison\">\n");
        out.append("<h2>Comparison of ").append(runs.size()).append(" runs</h2>\n");
        double bestTest = Double.NEGATIVE_INFINITY;
        for (SavedRun r : runs) {
            double t = testAccuracy(r);
            if (Double.isFinite(t)) {
                bestTest = Math.max(bestTest, t);
            }
        }
        out.append("<div class=\"scroll\"><table class=\"comparison\">\n<thead><tr>")
                .append("<th class=\"num\">#</th><th>run</th><th>data set</th><th>network</th>")
                .append("<th class=\"num\">para&#173;meters</th><th class=\"num\">epochs</th>")
                .append("<th>optimiser</th><th class=\"num\">learning rate</th>")
                .append("<th class=\"num\">best validation accuracy</th>")
                .append("<th class=\"num\">test accuracy</th><th class=\"num\">duration</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            SavedRun r = runs.get(i);
            RunManifest m = r.manifest();
            Hyperparameters h = m.hyperparameters();
            double test = testAccuracy(r);
            int bestEpoch = bestEpoch(r);
            out.append("<tr class=\"compared\" data-run=\"")
                    .append(i + 1)
                    .append("\"><td class=\"num\">")
                    .append(i + 1)
                    .append("</td><td><a href=\"#run-")
                    .append(i + 1)
                    .append("\">")
                    .append(esc(runName(r)))
                    .append("</a></td><td class=\"nowrap\">")
                    .append(esc(Format.orNone(m.dataset() == null ? null : m.dataset().name())))
                    .append("</td><td class=\"nowrap\">")
                    .append(esc(Format.orNone(m.spec() == null ? null : m.spec().name())))
                    .append("</td><td class=\"num\">")
                    .append(Format.count(m.parameterCount()))
                    .append("</td><td class=\"num\">")
                    .append(epochsCompleted(r))
                    .append("</td><td>")
                    .append(
                            esc(
                                    h == null || h.optimizer() == null
                                            ? Format.NONE
                                            : h.optimizer().label()))
                    .append("</td><td class=\"num\">")
                    .append(h == null ? Format.NONE : Format.plain(h.learningRate()))
                    .append("</td><td class=\"num\">")
                    .append(Format.percent(bestValidation(r)))
                    .append(
                            bestEpoch > 0
                                    ? "<br/><span class=\"sub\">epoch " + bestEpoch + "</span>"
                                    : "")
                    .append("</td><td class=\"num")
                    .append(Double.isFinite(test) && test == bestTest ? " top" : "")
                    .append("\">")
                    .append(Format.percent(test))
                    .append("</td><td class=\"num\">")
                    .append(Format.duration(m.durationMillis()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
        out.append("<p class=\"note\">Each name links to the run's own pages. The highest test")
                .append(" accuracy is in bold. Validation figures")
                .append(" come from the share of the training data each run held out; the test")
                .append(" split was never used for training or for choosing settings.</p>\n");

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
        out.append("<div class=\"charts\">\n");
        figure(
                new LineChart(
                                "Validation accuracy of every run",
                                "epoch",
                                "validation accuracy (%)",
                                true,
                                accuracy,
                                Double.NaN,
                                null)
                        .toSvg());
        figure(
                new LineChart(
                                "Validation loss of every run",
                                "epoch",
                                "validation loss",
                                false,
                                loss,
                                Double.NaN,
                                null)
                        .toSvg());
        out.append("</div>\n<p class=\"note\">A ring marks each run's best validation epoch.");
        if (!withoutValidation.isEmpty()) {
            out.append(" Not drawn, as ")
                    .append(withoutValidation.size() == 1 ? "it" : "they")
                    .append(" held out no validation data: ")
                    .append(esc(String.join("; ", withoutValidation)))
                    .append('.');
        }
        out.append("</p>\n");

        out.append("</section>\n");
    }

    // ---------------------------------------------------------------- one run

    private void run(int index, boolean several) {
        SavedRun r = runs.get(index);
        RunManifest m = r.manifest();
        out.append("<section class=\"run").append(several ? "" : " first").append("\">\n");
        if (several) {
            // the page's own title names a single run; several need a heading each
            out.append("<h2 id=\"run-")
                    .append(index + 1)
                    .append("\">Run ")
                    .append(index + 1)
                    .append(": ")
                    .append(esc(runName(r)))
                    .append("</h2>\n");
        }
        out.append("<p class=\"subtitle\">Trained ")
                .append(esc(Format.dateTime(m.startedAt(), zone)))
                .append(" on ")
                .append(esc(Format.orNone(m.device())))
                .append(" · saved as ")
                .append(code(folderName(r)))
                .append("</p>\n");
        glance(r);
        data(r);
        network(r);
        settings(r);
        curves(r);
        epochTable(r);
        testResults(r);
        filters(r);
        mistakes(r);
        out.append("</section>\n");
    }

    private void glance(SavedRun r) {
        RunManifest m = r.manifest();
        int best = bestEpoch(r);
        out.append("<table class=\"glance\"><tr>");
        cell(Format.percent(testAccuracy(r)), "test accuracy", "test-accuracy");
        cell(Format.loss(testLoss(r)), "test loss", "test-loss");
        cell(
                Format.percent(bestValidation(r)),
                best > 0 ? "best validation accuracy (epoch " + best + ")" : "no validation set",
                "best-validation");
        cell(String.valueOf(epochsCompleted(r)), "epochs trained", "epochs");
        cell(Format.duration(m.durationMillis()), "training time", "duration");
        cell(Format.count(m.parameterCount()), "trainable parameters", "parameters");
        out.append("</tr></table>\n");
    }

    private void cell(String big, String label, String id) {
        out.append("<td data-figure=\"")
                .append(id)
                .append("\"><span class=\"big\">")
                .append(esc(big))
                .append("</span><span class=\"label\">")
                .append(esc(label))
                .append("</span></td>");
    }

    private void data(SavedRun r) {
        DatasetInfo d = r.manifest().dataset();
        out.append("<h3>Data</h3>\n<table class=\"kv\">\n");
        if (d == null) {
            kv("data set", Format.NONE);
        } else {
            kv("data set", Format.orNone(d.name()));
            List<String> names = d.classNames();
            kv("classes", names.size() + (names.isEmpty() ? "" : ": " + String.join(", ", names)));
            kv("training samples", Format.count(d.trainSize()));
            kv(
                    "validation samples",
                    d.validationSize() == 0
                            ? "none held out"
                            : Format.count(d.validationSize()) + share(d));
            kv("test samples", Format.count(d.testSize()));
        }
        ModelSpec spec = r.manifest().spec();
        if (spec != null && spec.input() != null) {
            kv(
                    "one sample",
                    spec.input()
                            + (spec.input().isImage()
                                    ? " (channels × height × width)"
                                    : " features"));
        }
        if (d != null && !d.fileSha256().isEmpty()) {
            out.append("<tr><th>files (SHA-256)</th><td>");
            boolean first = true;
            for (Map.Entry<String, String> e : d.fileSha256().entrySet()) {
                if (!first) {
                    out.append("<br/>");
                }
                first = false;
                String sum = e.getValue() == null ? "" : e.getValue();
                out.append(esc(e.getKey()))
                        .append(" <code title=\"")
                        .append(esc(sum))
                        .append("\">")
                        .append(esc(sum.length() > 16 ? sum.substring(0, 16) + "…" : sum))
                        .append("</code>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
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

    private void network(SavedRun r) {
        ModelSpec spec = r.manifest().spec();
        out.append("<h3>Network");
        if (spec != null) {
            out.append(": ").append(esc(spec.name()));
        }
        out.append("</h3>\n");
        if (spec == null || spec.input() == null) {
            out.append("<p class=\"note\">The manifest holds no network.</p>\n");
            return;
        }
        NetworkAnalysis a = ShapeInference.analyse(spec);
        out.append("<table class=\"network\">\n<thead><tr><th class=\"num\">#</th><th>layer</th>")
                .append("<th>settings</th><th>output shape</th><th class=\"num\">parameters</th>")
                .append("<th class=\"num\">multiply-adds</th></tr></thead>\n<tbody>\n");
        out.append("<tr><td class=\"num\"></td><td>Input</td><td></td><td>")
                .append(esc(spec.input().toString()))
                .append("</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>\n");
        for (LayerShape l : a.layers()) {
            out.append("<tr><td class=\"num\">")
                    .append(l.position())
                    .append("</td><td>")
                    .append(esc(l.layer().kindName()))
                    .append("</td><td>")
                    .append(esc(l.layer().summary()))
                    .append("</td><td>")
                    .append(esc(l.output().toString()))
                    .append("</td><td class=\"num\">")
                    .append(Format.count(l.parameterCount()))
                    .append("</td><td class=\"num\">")
                    .append(Format.count(l.multiplyAdds()))
                    .append("</td></tr>\n");
        }
        out.append("<tr class=\"total\"><td></td><td colspan=\"3\">total</td>")
                .append("<td class=\"num\" data-figure=\"network-parameters\">")
                .append(Format.count(a.totalParameters()))
                .append("</td><td class=\"num\">")
                .append(Format.count(a.totalMultiplyAdds()))
                .append("</td></tr>\n</tbody>\n</table>\n");
        out.append("<p class=\"note\">Shapes are per sample, without the batch axis. Multiply-adds")
                .append(" are those of one forward pass of one sample.");
        long counted = r.manifest().parameterCount();
        if (counted != a.totalParameters() && counted > 0) {
            out.append(" The engine counted ")
                    .append(Format.count(counted))
                    .append(" trainable parameters during training.");
        }
        out.append("</p>\n");
        for (Problem p : a.problems()) {
            out.append("<p class=\"warning\">").append(esc(p.message())).append("</p>\n");
        }
    }

    private void settings(SavedRun r) {
        RunManifest m = r.manifest();
        Hyperparameters h = m.hyperparameters();
        out.append("<h3>Training settings and environment</h3>\n");
        out.append("<div class=\"pair\"><table class=\"kv hyperparameters\">\n");
        if (h == null) {
            kv("settings", "not recorded");
        } else {
            kv("optimiser", h.optimizer() == null ? Format.NONE : h.optimizer().label());
            kv("learning rate", Format.plain(h.learningRate()));
            kv("learning-rate schedule", schedule(h));
            kv(
                    "weight decay (L2)",
                    h.weightDecay() == 0 ? "0 (none)" : Format.plain(h.weightDecay()));
            kv("batch size", Format.count(h.batchSize()));
            kv(
                    "epochs",
                    h.epochCount()
                            + (epochsCompleted(r) != h.epochCount()
                                    ? " planned, " + epochsCompleted(r) + " trained"
                                    : ""));
            kv("validation share", Format.percent1(h.validationShare()) + " of the training data");
            kv("loss", loss(h.loss()));
            kv("seed", Long.toString(h.seed()));
        }
        out.append("</table></div>\n");
        out.append("<div class=\"pair\"><table class=\"kv environment\">\n");
        kv("device", Format.orNone(m.device()));
        Map<String, String> env = m.environment();
        kv("DJL", Format.orNone(env.get("djl")));
        kv("PyTorch", Format.orNone(env.get("pytorch")));
        kv("Java", Format.orNone(env.get("java")));
        kv("operating system", Format.orNone(env.get("os")));
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!List.of("djl", "pytorch", "java", "os").contains(e.getKey())) {
                kv(e.getKey(), Format.orNone(e.getValue()));
            }
        }
        kv("started", Format.dateTime(m.startedAt(), zone));
        kv("finished", Format.dateTime(m.finishedAt(), zone));
        kv("training time", Format.duration(m.durationMillis()));
        out.append("</table></div>\n");
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

    private void curves(SavedRun r) {
        out.append("<h3>Learning curves</h3>\n");
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
        out.append("<div class=\"charts\">\n");
        figure(
                new LineChart("Loss per epoch", "epoch", "mean loss", false, loss, mark, markLabel)
                        .toSvg());
        figure(
                new LineChart(
                                "Accuracy per epoch",
                                "epoch",
                                "accuracy (%)",
                                true,
                                accuracy,
                                mark,
                                markLabel)
                        .toSvg());
        out.append("</div>\n<p class=\"note\">");
        if (validation) {
            out.append("Training figures are averaged over each epoch while the weights were")
                    .append(" still changing; validation figures are measured on held-out data")
                    .append(" after the epoch. A widening gap between the two means the network")
                    .append(" is starting to memorise the training data (over-fitting).");
        } else {
            out.append("This run held out no validation data, so only training figures are drawn")
                    .append(" and no best epoch is marked.");
        }
        out.append("</p>\n");
    }

    private void epochTable(SavedRun r) {
        out.append("<h3>Per-epoch figures</h3>\n");
        if (r.epochs().isEmpty()) {
            out.append("<p class=\"note\">No epoch was recorded.</p>\n");
            return;
        }
        int best = bestEpoch(r);
        out.append("<table class=\"epochs\">\n<thead><tr><th class=\"num\">epoch</th>")
                .append("<th class=\"num\">training loss</th>")
                .append("<th class=\"num\">training accuracy</th>")
                .append("<th class=\"num\">validation loss</th>")
                .append("<th class=\"num\">validation accuracy</th>")
                .append("<th class=\"num\">learning rate</th><th class=\"num\">time</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (EpochMetrics e : r.epochs()) {
            boolean isBest = e.epoch() == best;
            out.append(isBest ? "<tr class=\"best\">" : "<tr>")
                    .append("<td class=\"num epoch\">")
                    .append(e.epoch())
                    .append(isBest ? "<span class=\"badge\">best</span>" : "")
                    .append("</td><td class=\"num\">")
                    .append(Format.loss(e.trainLoss()))
                    .append("</td><td class=\"num\">")
                    .append(Format.percent(e.trainAccuracy()))
                    .append("</td><td class=\"num\">")
                    .append(Format.loss(e.validationLoss()))
                    .append("</td><td class=\"num\">")
                    .append(Format.percent(e.validationAccuracy()))
                    .append("</td><td class=\"num\">")
                    .append(Format.plain(e.learningRate()))
                    .append("</td><td class=\"num\">")
                    .append(Format.seconds(e.seconds()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void testResults(SavedRun r) {
        out.append("<h3>Test results</h3>\n");
        ClassificationReport report = report(r);
        if (report == null) {
            out.append("<p class=\"note\">The run holds no test predictions.</p>\n");
            return;
        }
        ConfusionMatrix cm = report.matrix();
        List<String> names = r.classNames();
        int n = cm.classCount();
        out.append("<p>Accuracy on the ")
                .append(Format.count(cm.total()))
                .append(" test samples: <b>")
                .append(Format.percent(testAccuracy(r)))
                .append("</b>; mean loss ")
                .append(Format.loss(testLoss(r)))
                .append(".</p>\n");
        out.append("<div class=\"keep\"><div class=\"scroll\"><table class=\"confusion\">\n<thead>")
                .append("<tr><th class=\"axis\"></th><th class=\"axis\" colspan=\"")
                .append(n)
                .append("\">predicted class</th><th class=\"axis\"></th></tr>\n")
                .append("<tr><th class=\"axis\">true class</th>");
        for (int j = 0; j < n; j++) {
            out.append("<th data-predicted=\"")
                    .append(j)
                    .append("\">")
                    .append(esc(className(names, j)))
                    .append("</th>");
        }
        out.append("<th class=\"num\">samples</th></tr>\n</thead>\n<tbody>\n");
        double[][] shares = cm.rowShares();
        for (int i = 0; i < n; i++) {
            out.append("<tr><th class=\"rowname\" scope=\"row\" data-true=\"")
                    .append(i)
                    .append("\">")
                    .append(esc(className(names, i)))
                    .append("</th>");
            for (int j = 0; j < n; j++) {
                long c = cm.count(i, j);
                out.append("<td class=\"cell\" data-true=\"")
                        .append(i)
                        .append("\" data-predicted=\"")
                        .append(j)
                        .append("\" style=\"")
                        .append(cellStyle(shares[i][j], i == j, c))
                        .append("\" title=\"")
                        .append(
                                esc(
                                        className(names, i)
                                                + " predicted as "
                                                + className(names, j)
                                                + ": "
                                                + c
                                                + " ("
                                                + Format.percent1(shares[i][j])
                                                + " of "
                                                + className(names, i)
                                                + ")"))
                        .append("\">")
                        .append(c)
                        .append("</td>");
            }
            out.append("<td class=\"support\">")
                    .append(Format.count(cm.support(i)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
        out.append("<p class=\"caption\">Confusion matrix of the test split: each row is a true")
                .append(" class, each column the class the network predicted, each cell a count of")
                .append(" test samples. Blue cells on the diagonal are correct, red cells are")
                .append(
                        " mistakes; the darker a cell, the larger its share of the row.</p></div>\n");

        out.append("<table class=\"class-metrics\">\n<thead><tr><th>class</th>")
                .append("<th class=\"num\">precision</th><th class=\"num\">recall</th>")
                .append("<th class=\"num\">F1</th><th class=\"num\">support</th></tr></thead>\n")
                .append("<tbody>\n");
        for (ClassMetrics c : report.perClass()) {
            out.append("<tr data-class=\"")
                    .append(c.classIndex())
                    .append("\"><th>")
                    .append(esc(className(names, c.classIndex())))
                    .append("</th><td class=\"num\">")
                    .append(Format.metric(c.precision()))
                    .append("</td><td class=\"num\">")
                    .append(Format.metric(c.recall()))
                    .append("</td><td class=\"num\">")
                    .append(Format.metric(c.f1()))
                    .append("</td><td class=\"num\">")
                    .append(Format.count(c.support()))
                    .append("</td></tr>\n");
        }
        out.append(
                        "<tr class=\"avg total\" data-class=\"accuracy\"><th>accuracy</th><td></td><td></td>")
                .append("<td class=\"num\">")
                .append(Format.metric(report.accuracy()))
                .append("</td><td class=\"num\">")
                .append(Format.count(cm.total()))
                .append("</td></tr>\n");
        averageRow("macro average", "macro", report.macro());
        averageRow("weighted average", "weighted", report.weighted());
        out.append("</tbody>\n</table>\n");
        out.append("<p class=\"note\">Precision: of the samples predicted as a class, the share")
                .append(" that truly are. Recall: of the samples of a class, the share found.")
                .append(" F1: their harmonic mean. Support: test samples of the class. The macro")
                .append(
                        " average weighs every class alike, the weighted average by support.</p>\n");
    }

    private void averageRow(String label, String id, ClassMetrics m) {
        out.append("<tr class=\"avg\" data-class=\"")
                .append(id)
                .append("\"><th>")
                .append(label)
                .append("</th><td class=\"num\">")
                .append(Format.metric(m.precision()))
                .append("</td><td class=\"num\">")
                .append(Format.metric(m.recall()))
                .append("</td><td class=\"num\">")
                .append(Format.metric(m.f1()))
                .append("</td><td class=\"num\">")
                .append(Format.count(m.support()))
                .append("</td></tr>\n");
    }

    /** Background by share of the row: blue on the diagonal, red off it; white text when dark. */
    static String cellStyle(double share, boolean diagonal, long count) {
        if (count == 0) {
            return "background-color: #f7f8fa; color: #b4b9c2";
        }
        // Off-diagonal shares are small: doubled and eased so that a 5 % confusion is visible and
        // a 30 % one stands out, while 1 % stays faint.
        double t = diagonal ? share : Math.pow(Math.min(1, 2 * share), 0.75);
        t = 0.08 + 0.92 * Math.max(0, Math.min(1, t));
        int[] to = diagonal ? new int[] {0x1a, 0x4f, 0x9c} : new int[] {0xc0, 0x2a, 0x1f};
        int red = (int) Math.round(255 + (to[0] - 255) * t);
        int green = (int) Math.round(255 + (to[1] - 255) * t);
        int blue = (int) Math.round(255 + (to[2] - 255) * t);
        String text = t > 0.55 ? "#ffffff" : "#1d1f23";
        return String.format(
                Locale.ROOT, "background-color: #%02x%02x%02x; color: %s", red, green, blue, text);
    }

    private void filters(SavedRun r) {
        out.append("<h3>First-layer filters</h3>\n");
        ParameterValues first = r.firstLayer();
        byte[] png = null;
        String source = null;
        BufferedImage decoded = null;
        Path file = r.folder() == null ? null : r.folder().resolve(FIRST_LAYER_PNG);
        if (file != null && Files.isRegularFile(file)) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                decoded = ImageIO.read(new ByteArrayInputStream(bytes));
                if (decoded != null) {
                    png = bytes;
                    source = FIRST_LAYER_PNG;
                }
            } catch (IOException e) {
                // an unreadable picture is drawn again from the weights below
                decoded = null;
            }
        }
        if (png == null && first != null && first.values() != null && first.shape() != null) {
            try {
                ModelSpec spec = r.manifest().spec();
                decoded =
                        KernelGridImage.render(
                                first.shape(), first.values(), spec == null ? null : spec.input());
                png = Images.png(decoded);
                source = "the weights in first-layer.npy";
            } catch (IllegalArgumentException e) {
                out.append("<p class=\"note\">The first layer's weights cannot be drawn: ")
                        .append(esc(e.getMessage()))
                        .append(".</p>\n");
                return;
            }
        }
        if (png == null) {
            out.append("<p class=\"note\">This run saved no first-layer weights, so there are no")
                    .append(" filters to show.</p>\n");
            return;
        }
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        // Fit the printed page (about 680 CSS pixels wide); a browser scales down further itself.
        int maxWidth = 680;
        if (width > maxWidth) {
            height = (int) Math.round((double) height * maxWidth / width);
            width = maxWidth;
        }
        out.append("<div class=\"figure\"><img class=\"filters\" src=\"")
                .append(Images.dataUri(png))
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" alt=\"first-layer filters\"/>\n<p class=\"caption\">")
                .append(esc(filterCaption(first, r)))
                .append(" Drawn from ")
                .append(esc(source))
                .append(".</p></div>\n");
    }

    private static String filterCaption(ParameterValues p, SavedRun r) {
        String name = r.manifest().firstLayerParameter();
        if (p == null || p.shape() == null) {
            return "The first layer's weights" + (name == null ? "." : " (" + name + ").");
        }
        int[] s = p.shape();
        String what;
        if (s.length == 4) {
            what =
                    s[0]
                            + " filters of "
                            + s[1]
                            + " × "
                            + s[2]
                            + " × "
                            + s[3]
                            + " weights"
                            + (s[1] == 3
                                    ? ", shown in colour (red, green and blue input channels)"
                                    : s[1] > 1 ? ", one tile per input channel in each row" : "");
        } else if (s.length == 2) {
            what = s[0] + " units with " + s[1] + " input weights each";
        } else {
            what = p.values().length + " weights";
        }
        return "First layer"
                + (p.name() == null ? "" : " (" + p.name() + ")")
                + ": "
                + what
                + ". Each filter is scaled on its own, from black (its smallest weight) to white"
                + " (its largest).";
    }

    private void mistakes(SavedRun r) {
        out.append("<h3>Most confident mistakes</h3>\n");
        TestEvaluation test = r.test();
        if (test == null || test.actual() == null || test.actual().length == 0) {
            out.append("<p class=\"note\">The run holds no test predictions.</p>\n");
            return;
        }
        List<String> names = r.classNames();
        int classCount =
                Math.max(names.size(), report(r) == null ? 0 : report(r).matrix().classCount());
        List<Mistakes.Mistake> all = Mistakes.all(test, classCount);
        int total = test.actual().length;
        if (all.isEmpty()) {
            out.append("<p>The network classified all ")
                    .append(Format.count(total))
                    .append(" test samples correctly.</p>\n");
            return;
        }
        boolean withProbs = Double.isFinite(all.get(0).confidence());
        TestImages pictures = checkedImages(r);
        int shown = Math.min(all.size(), pictures.isPresent() ? MISTAKE_PICTURES : MISTAKE_ROWS);
        out.append("<p>")
                .append(Format.count(all.size()))
                .append(" of ")
                .append(Format.count(total))
                .append(" test samples (")
                .append(Format.percent(all.size() / (double) total))
                .append(") were misclassified. ")
                .append(
                        withProbs
                                ? (shown == all.size()
                                                ? "All of them are shown"
                                                : "Shown: the " + shown)
                                        + ", most confident first: the network was surest of these"
                                        + " wrong answers."
                                : "The run recorded no probabilities, so "
                                        + (shown == all.size()
                                                ? "they are"
                                                : "the first " + shown + " are")
                                        + " shown in test order.")
                .append("</p>\n");
        if (pictures.isPresent()) {
            ImageSamples s = pictures.images();
            int scale = Images.scaleFor(Math.max(s.width(), s.height()), 84);
            out.append("<div class=\"mistakes\">\n");
            for (Mistakes.Mistake m : all.subList(0, shown)) {
                BufferedImage picture = Images.sample(s, m.index(), scale);
                out.append("<div class=\"mistake\" data-index=\"")
                        .append(m.index())
                        .append("\"><img src=\"")
                        .append(Images.dataUri(Images.png(picture)))
                        .append("\" width=\"")
                        .append(picture.getWidth())
                        .append("\" height=\"")
                        .append(picture.getHeight())
                        .append("\" alt=\"test sample ")
                        .append(m.index())
                        .append("\"/><div class=\"true\">true: ")
                        .append(esc(className(names, m.actual())))
                        .append("</div><div class=\"pred\">predicted: ")
                        .append(esc(className(names, m.predicted())))
                        .append("</div><div>")
                        .append(probabilityText(m))
                        .append("</div><div class=\"where\">test sample ")
                        .append(m.index())
                        .append("</div></div>\n");
            }
            out.append("</div>\n");
        } else {
            out.append("<p class=\"note\">No pictures: ")
                    .append(esc(pictures.missingReason()))
                    .append(".</p>\n");
            out.append(
                            "<table class=\"mistake-list\">\n<thead><tr><th class=\"num\">test sample</th>")
                    .append("<th>true class</th><th>predicted</th>")
                    .append("<th class=\"num\">confidence</th>")
                    .append("<th class=\"num\">probability of the true class</th></tr></thead>\n")
                    .append("<tbody>\n");
            for (Mistakes.Mistake m : all.subList(0, shown)) {
                out.append("<tr data-index=\"")
                        .append(m.index())
                        .append("\"><td class=\"num\">")
                        .append(m.index())
                        .append("</td><td>")
                        .append(esc(className(names, m.actual())))
                        .append("</td><td>")
                        .append(esc(className(names, m.predicted())))
                        .append("</td><td class=\"num\">")
                        .append(Format.percent1(m.confidence()))
                        .append("</td><td class=\"num\">")
                        .append(Format.percent1(m.trueProbability()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
    }

    private static String probabilityText(Mistakes.Mistake m) {
        if (!Double.isFinite(m.confidence())) {
            return "probability not recorded";
        }
        return "confidence "
                + Format.percent1(m.confidence())
                + (Double.isFinite(m.trueProbability())
                        ? "<br/>true class: " + Format.percent1(m.trueProbability())
                        : "");
    }

    /** The source's images for {@code r}, or why there are none, checked against the run. */
    private TestImages checkedImages(SavedRun r) {
        TestImages t;
        try {
            t = images.imagesFor(r);
        } catch (RuntimeException e) {
            String message = e.getMessage();
            return TestImages.missing(
                    message == null || message.isBlank()
                            ? "the test images could not be read ("
                                    + e.getClass().getSimpleName()
                                    + ")"
                            : message);
        }
        if (t == null) {
            return TestImages.missing("no test images were given for this run");
        }
        if (!t.isPresent()) {
            return t;
        }
        ImageSamples s = t.images();
        int[] actual = r.test().actual();
        if (s.size() != actual.length) {
            return TestImages.missing(
                    "the test images given hold "
                            + Format.count(s.size())
                            + " images but the run made "
                            + Format.count(actual.length)
                            + " test predictions, so they cannot be matched");
        }
        int[] labels = s.labels();
        for (int i = 0; i < actual.length; i++) {
            if (labels[i] != actual[i]) {
                return TestImages.missing(
                        "the test images are not in the order of the run's predictions (image "
                                + i
                                + " is labelled "
                                + className(r.classNames(), labels[i])
                                + " but test sample "
                                + i
                                + " is "
                                + className(r.classNames(), actual[i])
                                + ")");
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- helpers

    private void figure(String svg) {
        out.append("<div class=\"figure\">").append(svg).append("</div>\n");
    }

    private void kv(String key, String value) {
        out.append("<tr><th>")
                .append(esc(key))
                .append("</th><td>")
                .append(esc(value))
                .append("</td></tr>\n");
    }

    private static String code(String text) {
        return "<code>" + esc(text) + "</code>";
    }

    private static String runName(SavedRun r) {
        String name = r.manifest().runName();
        return name == null || name.isBlank() ? folderName(r) : name;
    }

    private static String folderName(SavedRun r) {
        return r.folder() == null || r.folder().getFileName() == null
                ? "run"
                : r.folder().getFileName().toString();
    }

    static String className(List<String> names, int index) {
        return index >= 0 && index < names.size() && names.get(index) != null
                ? names.get(index)
                : "class " + index;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static ClassificationReport report(SavedRun r) {
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

    private static double testAccuracy(SavedRun r) {
        if (r.test() != null && Double.isFinite(r.test().accuracy())) {
            return r.test().accuracy();
        }
        RunResults res = r.manifest().results();
        return res == null ? Double.NaN : res.testAccuracy();
    }

    private static double testLoss(SavedRun r) {
        if (r.test() != null && Double.isFinite(r.test().loss())) {
            return r.test().loss();
        }
        RunResults res = r.manifest().results();
        return res == null ? Double.NaN : res.testLoss();
    }

    private static int epochsCompleted(SavedRun r) {
        RunResults res = r.manifest().results();
        return res != null && res.epochsCompleted() > 0 ? res.epochsCompleted() : r.epochs().size();
    }

    /** 1-based epoch of the best validation accuracy; 0 when there is none. */
    private static int bestEpoch(SavedRun r) {
        RunResults res = r.manifest().results();
        if (res != null && res.bestValidationEpoch() > 0) {
            return res.bestValidationEpoch();
        }
        return RunResults.of(Double.NaN, Double.NaN, r.epochs(), 0).bestValidationEpoch();
    }

    private static double bestValidation(SavedRun r) {
        RunResults res = r.manifest().results();
        if (res != null && res.bestValidationEpoch() > 0) {
            return res.bestValidationAccuracy();
        }
        return RunResults.of(Double.NaN, Double.NaN, r.epochs(), 0).bestValidationAccuracy();
    }

    private static double[] epochs(SavedRun r) {
        return r.epochs().stream().mapToDouble(EpochMetrics::epoch).toArray();
    }

    private static double[] column(
            SavedRun r, java.util.function.ToDoubleFunction<EpochMetrics> f) {
        return r.epochs().stream().mapToDouble(f).toArray();
    }

    private static boolean anyFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static String loadCss() {
        try (InputStream in = ReportDocument.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
