package org.dnw.report;

import static org.dnw.report.RunFacts.className;
import static org.dnw.report.RunFacts.report;
import static org.dnw.report.RunFacts.testAccuracy;
import static org.dnw.report.RunFacts.testLoss;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dnw.data.ImageSamples;
import org.dnw.eval.ClassMetrics;
import org.dnw.eval.ClassificationReport;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.figures.KernelGridImage;
import org.dnw.report.ReportModel.Cell;
import org.dnw.report.ReportModel.ClassHead;
import org.dnw.report.ReportModel.ConfusionRow;
import org.dnw.report.ReportModel.Filters;
import org.dnw.report.ReportModel.MetricRow;
import org.dnw.report.ReportModel.MistakeRow;
import org.dnw.report.ReportModel.MistakeSection;
import org.dnw.report.ReportModel.MistakeTile;
import org.dnw.report.ReportModel.Picture;
import org.dnw.report.ReportModel.TestResults;
import org.dnw.spec.ModelSpec;
import org.dnw.store.SavedRun;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * The parts of a run's pages that show what the trained network does: test results, first-layer
 * filters and the most confident mistakes, as {@link ReportModel} records. Stateless.
 */
final class ResultSections {

    /** Most confident mistakes shown as pictures. */
    static final int MISTAKE_PICTURES = 24;

    /** Most confident mistakes listed when there are no pictures. */
    static final int MISTAKE_ROWS = 25;

    /** The name of the first-layer picture a run folder holds. */
    static final String FIRST_LAYER_PNG = "first-layer.png";

    private ResultSections() {}

    static TestResults testResults(SavedRun r) {
        ClassificationReport report = report(r);
        if (report == null) {
            return new TestResults(
                    false, null, null, null, 0, List.of(), List.of(), List.of(), null, List.of());
        }
        ConfusionMatrix cm = report.matrix();
        List<String> names = r.classNames();
        int n = cm.classCount();
        List<ClassHead> predicted = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            predicted.add(new ClassHead(j, className(names, j)));
        }
        double[][] shares = cm.rowShares();
        List<ConfusionRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Cell> cells = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                long c = cm.count(i, j);
                String title =
                        className(names, i)
                                + " predicted as "
                                + className(names, j)
                                + ": "
                                + c
                                + " ("
                                + Format.percent1(shares[i][j])
                                + " of "
                                + className(names, i)
                                + ")";
                cells.add(new Cell(i, j, cellStyle(shares[i][j], i == j, c), title, c));
            }
            rows.add(new ConfusionRow(i, className(names, i), cells, Format.count(cm.support(i))));
        }
        List<MetricRow> perClass = new ArrayList<>();
        for (ClassMetrics c : report.perClass()) {
            perClass.add(
                    metricRow(String.valueOf(c.classIndex()), className(names, c.classIndex()), c));
        }
        return new TestResults(
                true,
                Format.count(cm.total()),
                Format.percent(testAccuracy(r)),
                Format.loss(testLoss(r)),
                n,
                predicted,
                rows,
                perClass,
                Format.metric(report.accuracy()),
                List.of(
                        metricRow("macro", "macro average", report.macro()),
                        metricRow("weighted", "weighted average", report.weighted())));
    }

    private static MetricRow metricRow(String id, String name, ClassMetrics m) {
        return new MetricRow(
                id,
                name,
                Format.metric(m.precision()),
                Format.metric(m.recall()),
                Format.metric(m.f1()),
                Format.count(m.support()));
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

    static Filters filters(SavedRun r) {
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
                return new Filters(e.getMessage() == null ? "" : e.getMessage(), null, null);
            }
        }
        if (png == null) {
            return new Filters(null, null, null);
        }
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        // Fit the printed page (about 680 CSS pixels wide); a browser scales down further itself.
        int maxWidth = 680;
        if (width > maxWidth) {
            height = (int) Math.round((double) height * maxWidth / width);
            width = maxWidth;
        }
        return new Filters(
                null,
                new Picture(Images.dataUri(png), width, height),
                filterCaption(first, r) + " Drawn from " + source + ".");
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

    static MistakeSection mistakes(SavedRun r, TestImageSource images) {
        TestEvaluation test = r.test();
        if (test == null || test.actual() == null || test.actual().length == 0) {
            return new MistakeSection(false, null, null, null, null, null);
        }
        List<String> names = r.classNames();
        int classCount =
                Math.max(names.size(), report(r) == null ? 0 : report(r).matrix().classCount());
        List<Mistakes.Mistake> all = Mistakes.all(test, classCount);
        int total = test.actual().length;
        if (all.isEmpty()) {
            return new MistakeSection(true, Format.count(total), null, null, null, null);
        }
        boolean withProbs = Double.isFinite(all.get(0).confidence());
        TestImages pictures = checkedImages(r, images);
        int shown = Math.min(all.size(), pictures.isPresent() ? MISTAKE_PICTURES : MISTAKE_ROWS);
        String summary =
                Format.count(all.size())
                        + " of "
                        + Format.count(total)
                        + " test samples ("
                        + Format.percent(all.size() / (double) total)
                        + ") were misclassified. "
                        + (withProbs
                                ? (shown == all.size()
                                                ? "All of them are shown"
                                                : "Shown: the " + shown)
                                        + ", most confident first: the network was surest of these"
                                        + " wrong answers."
                                : "The run recorded no probabilities, so "
                                        + (shown == all.size()
                                                ? "they are"
                                                : "the first " + shown + " are")
                                        + " shown in test order.");
        if (pictures.isPresent()) {
            ImageSamples s = pictures.images();
            int scale = Images.scaleFor(Math.max(s.width(), s.height()), 84);
            List<MistakeTile> tiles = new ArrayList<>();
            for (Mistakes.Mistake m : all.subList(0, shown)) {
                BufferedImage picture = Images.sample(s, m.index(), scale);
                boolean recorded = Double.isFinite(m.confidence());
                tiles.add(
                        new MistakeTile(
                                m.index(),
                                new Picture(
                                        Images.dataUri(Images.png(picture)),
                                        picture.getWidth(),
                                        picture.getHeight()),
                                className(names, m.actual()),
                                className(names, m.predicted()),
                                recorded ? Format.percent1(m.confidence()) : null,
                                recorded && Double.isFinite(m.trueProbability())
                                        ? Format.percent1(m.trueProbability())
                                        : null));
            }
            return new MistakeSection(true, null, summary, tiles, null, null);
        }
        List<MistakeRow> rows = new ArrayList<>();
        for (Mistakes.Mistake m : all.subList(0, shown)) {
            rows.add(
                    new MistakeRow(
                            m.index(),
                            className(names, m.actual()),
                            className(names, m.predicted()),
                            Format.percent1(m.confidence()),
                            Format.percent1(m.trueProbability())));
        }
        return new MistakeSection(true, null, summary, null, pictures.missingReason(), rows);
    }

    /** The source's images for {@code r}, or why there are none, checked against the run. */
    static TestImages checkedImages(SavedRun r, TestImageSource images) {
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
}
