package org.dnw.ui.confusion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.eval.ClassMetrics;
import org.dnw.eval.ClassificationReport;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.spec.Shape;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunStarted;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.ui.why.WhyViewModel;

/**
 * The test evaluation of a finished run: the confusion matrix (rows = true class, columns =
 * predicted), per-class metrics with macro and weighted averages, and the gallery of the samples in
 * a chosen cell. In a cell of mistakes the most confident mistakes come first; on the diagonal the
 * least confident correct answers come first, since those are the ones worth a look.
 *
 * <p>FX thread only.
 */
public final class ConfusionViewModel {

    /** Most samples listed in the gallery; a cell can hold thousands. */
    public static final int MAX_GALLERY = 200;

    /** Said while the shown run's network is not loaded (or could not be). */
    public static final String NETWORK_LOADING =
            "The network of this run is not loaded yet: Why? answers once it is.";

    private final ReadOnlyStringWrapper whyNote =
            new ReadOnlyStringWrapper(this, "whyNote", NETWORK_LOADING);
    private WhyViewModel why;
    private GalleryExplainer explainer;

    private static final String WAITING =
            "The confusion matrix appears here when a run finishes and is tested.";

    private final ReadOnlyObjectWrapper<ClassificationReport> report =
            new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<String> classNames = FXCollections.observableArrayList();
    private final BooleanProperty rowShares = new SimpleBooleanProperty(this, "rowShares", false);
    private final ReadOnlyObjectWrapper<MatrixCell> selectedCell =
            new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<GalleryItem> gallery = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper galleryTitle = new ReadOnlyStringWrapper(this, "title", "");
    private final ObservableList<MetricsRow> metrics = FXCollections.observableArrayList();
    private final ObservableList<String> classNamesView =
            FXCollections.unmodifiableObservableList(classNames);
    private final ObservableList<GalleryItem> galleryView =
            FXCollections.unmodifiableObservableList(gallery);
    private final ObservableList<MetricsRow> metricsView =
            FXCollections.unmodifiableObservableList(metrics);
    private final ReadOnlyStringWrapper summary =
            new ReadOnlyStringWrapper(this, "summary", WAITING);

    private TestEvaluation evaluation;
    private java.util.function.IntConsumer onShowInside = index -> {};
    private SampleImages images = SampleImages.none();
    private List<String> testClassNames = List.of();
    private SampleImages testImages = SampleImages.none();

    /** What "Show inside" on a gallery image does with its test index (the window: Inside tab). */
    public void setOnShowInside(java.util.function.IntConsumer action) {
        onShowInside = Objects.requireNonNull(action, "action");
    }

    /** Shows gallery item {@code item}'s test image inside the network. */
    public void showInside(GalleryItem item) {
        if (item != null && item.image() != null) {
            onShowInside.accept(item.sampleIndex());
        }
    }

    /**
     * Says what the next finished run was tested on, so that {@link #accept} can name classes and
     * show images.
     *
     * @param classNames class names, index = class
     * @param images the test split's images, in evaluation order
     */
    public void setTestSamples(List<String> classNames, SampleImages images) {
        this.testClassNames = List.copyOf(classNames);
        this.testImages = images == null ? SampleImages.none() : images;
    }

    /** A run start clears the matrix; a finished run shows its test evaluation. */
    public void accept(TrainingEvent event) {
        if (event instanceof RunStarted) {
            clear();
            summary.set("Training… " + WAITING);
        } else if (event instanceof RunFinished e && e.test() != null) {
            show(e.test(), testClassNames, testImages);
        }
    }

    /**
     * Shows an evaluation.
     *
     * @param test the evaluation; its arrays are indexed like {@code images}
     * @param names class names, index = class; numbers are used when they do not fit the matrix
     * @param sampleImages the evaluated images, or {@link SampleImages#none()}
     */
    public void show(TestEvaluation test, List<String> names, SampleImages sampleImages) {
        Objects.requireNonNull(test, "test");
        forgetNetwork();
        evaluation = test;
        images = sampleImages == null ? SampleImages.none() : sampleImages;
        ClassificationReport r = test.report();
        int n = r.matrix().classCount();
        List<String> labels = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            labels.add(names != null && names.size() == n ? names.get(c) : Integer.toString(c));
        }
        classNames.setAll(labels);
        List<MetricsRow> rows = new ArrayList<>(n + 2);
        for (ClassMetrics m : r.perClass()) {
            rows.add(
                    new MetricsRow(
                            labels.get(m.classIndex()),
                            m.precision(),
                            m.recall(),
                            m.f1(),
                            m.support(),
                            false));
        }
        rows.add(row("macro avg", r.macro()));
        rows.add(row("weighted avg", r.weighted()));
        metrics.setAll(rows);
        summary.set(
                String.format(
                        Locale.ROOT,
                        "Test accuracy %.2f %% on %,d samples (loss %.4f). Rows: true class;"
                                + " columns: predicted. Click a cell to see its samples.",
                        100 * test.accuracy(),
                        r.matrix().total(),
                        test.loss()));
        selectedCell.set(null);
        gallery.clear();
        galleryTitle.set("");
        report.set(r);
    }

    private static MetricsRow row(String label, ClassMetrics m) {
        return new MetricsRow(label, m.precision(), m.recall(), m.f1(), m.support(), true);
    }

    /** Forgets the evaluation. */
    public void clear() {
        forgetNetwork();
        evaluation = null;
        images = SampleImages.none();
        report.set(null);
        classNames.clear();
        metrics.clear();
        gallery.clear();
        galleryTitle.set("");
        selectedCell.set(null);
        summary.set(WAITING);
    }

    // ---- "Why did it say 5?"

    /**
     * Lets the gallery explain its images with {@code why} (whose executor is the network's
     * thread); without it the gallery only lists them.
     */
    public void enableWhy(WhyViewModel why) {
        this.why = Objects.requireNonNull(why, "why");
    }

    /** The gallery's "Why?" part; null until {@link #enableWhy}. */
    public WhyViewModel why() {
        return why;
    }

    /**
     * The network of the run shown now (null: none yet). A new evaluation or {@link #clear()}
     * forgets it, so that an image is never explained by another run's network.
     */
    public void setExplainer(GalleryExplainer explainer) {
        this.explainer = explainer;
        whyNote.set(explainer == null ? NETWORK_LOADING : "");
    }

    private void forgetNetwork() {
        explainer = null;
        whyNote.set(NETWORK_LOADING);
        if (why != null) {
            why.clear();
        }
    }

    /** Explains one gallery image: its saliency and Grad-CAM for the class it was given. */
    public void explain(GalleryItem item) {
        if (why == null || item == null || item.image() == null) {
            return;
        }
        if (explainer == null) {
            why.clear();
            whyNote.set(NETWORK_LOADING);
            return;
        }
        whyNote.set("");
        SampleImage image = item.image();
        byte[] pixels = image.pixels();
        float[] scaled = new float[pixels.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (pixels[i] & 0xFF) / 255f;
        }
        GalleryExplainer e = explainer;
        why.show(
                k -> e.explain(pixels, k),
                Shape.image(image.channels(), image.height(), image.width()),
                scaled,
                classNames,
                item.predicted());
    }

    /** Why no image can be explained yet; empty when one can. */
    public ReadOnlyStringProperty whyNoteProperty() {
        return whyNote.getReadOnlyProperty();
    }

    /** Selects a cell and fills the gallery with its samples. */
    public void select(int actual, int predicted) {
        ClassificationReport r = report.get();
        if (r == null
                || actual < 0
                || predicted < 0
                || actual >= r.matrix().classCount()
                || predicted >= r.matrix().classCount()) {
            return;
        }
        selectedCell.set(new MatrixCell(actual, predicted));
        List<GalleryItem> items = galleryOf(evaluation, actual, predicted, MAX_GALLERY, images);
        gallery.setAll(items);
        long count = r.matrix().count(actual, predicted);
        String shown = count > items.size() ? " (the first " + items.size() + " shown)" : "";
        String a = classNames.get(actual);
        String p = classNames.get(predicted);
        galleryTitle.set(
                actual == predicted
                        ? String.format(
                                Locale.ROOT,
                                "%,d samples of '%s' predicted correctly%s — least confident first",
                                count,
                                a,
                                shown)
                        : String.format(
                                Locale.ROOT,
                                "%,d samples of '%s' predicted as '%s'%s — most confident mistakes"
                                        + " first",
                                count,
                                a,
                                p,
                                shown));
    }

    /** Lists the mistakes of every cell, the most confident first. */
    public void selectMistakes() {
        if (evaluation == null) {
            return;
        }
        selectedCell.set(null);
        List<GalleryItem> items = galleryOf(evaluation, -1, -1, MAX_GALLERY, images);
        gallery.setAll(items);
        ConfusionMatrix m = report.get().matrix();
        long mistakes = m.total();
        for (int c = 0; c < m.classCount(); c++) {
            mistakes -= m.count(c, c);
        }
        galleryTitle.set(
                String.format(
                        Locale.ROOT,
                        "%,d mistakes in all%s — most confident first",
                        mistakes,
                        mistakes > items.size() ? " (the first " + items.size() + " shown)" : ""));
    }

    /**
     * The samples of cell ({@code actual}, {@code predicted}), at most {@code limit}: mistakes by
     * falling confidence, correct answers by rising confidence, ties by sample index. With {@code
     * actual} and {@code predicted} both −1: every mistake, by falling confidence.
     */
    public static List<GalleryItem> galleryOf(
            TestEvaluation test, int actual, int predicted, int limit, SampleImages images) {
        int[] a = test.actual();
        int[] p = test.predicted();
        int classes = test.report().matrix().classCount();
        float[] probs = test.probabilities();
        boolean haveProbs = probs != null && probs.length == (long) a.length * classes;
        boolean allMistakes = actual < 0 && predicted < 0;
        List<GalleryItem> items = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            boolean member = allMistakes ? a[i] != p[i] : a[i] == actual && p[i] == predicted;
            if (member) {
                double pp = haveProbs ? probs[i * classes + p[i]] : Double.NaN;
                double pa = haveProbs ? probs[i * classes + a[i]] : Double.NaN;
                items.add(new GalleryItem(i, a[i], p[i], pp, pa, null));
            }
        }
        Comparator<GalleryItem> byConfidence =
                Comparator.comparingDouble(
                        g -> Double.isNaN(g.predictedProbability()) ? 0 : g.predictedProbability());
        boolean correct = !allMistakes && actual == predicted;
        items.sort(
                (correct ? byConfidence : byConfidence.reversed())
                        .thenComparingInt(GalleryItem::sampleIndex));
        List<GalleryItem> out = new ArrayList<>(Math.min(limit, items.size()));
        for (GalleryItem g : items.subList(0, Math.min(limit, items.size()))) {
            out.add(
                    new GalleryItem(
                            g.sampleIndex(),
                            g.actual(),
                            g.predicted(),
                            g.predictedProbability(),
                            g.actualProbability(),
                            images == null ? null : images.image(g.sampleIndex())));
        }
        return out;
    }

    /** Count in a cell; 0 without an evaluation. */
    public long count(int actual, int predicted) {
        ClassificationReport r = report.get();
        return r == null ? 0 : r.matrix().count(actual, predicted);
    }

    /** Share of row {@code actual} in cell ({@code actual}, {@code predicted}), in [0, 1]. */
    public double rowShare(int actual, int predicted) {
        ClassificationReport r = report.get();
        if (r == null) {
            return 0;
        }
        long support = r.matrix().support(actual);
        return support == 0 ? 0 : (double) r.matrix().count(actual, predicted) / support;
    }

    /**
     * What a cell shows: its count, or its row share in whole percent when the toggle is on ("0"
     * for an empty cell, "<1%" for a share that would round to nothing).
     */
    public String cellText(int actual, int predicted) {
        long count = count(actual, predicted);
        if (!rowShares.get() || count == 0) {
            return Long.toString(count);
        }
        double percent = 100 * rowShare(actual, predicted);
        return percent < 0.5 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", percent);
    }

    /** The report shown, or null. */
    public ReadOnlyObjectProperty<ClassificationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ConfusionMatrix getMatrix() {
        return report.get() == null ? null : report.get().matrix();
    }

    /** Class names, index = class (both axes). */
    public ObservableList<String> classNames() {
        return classNamesView;
    }

    /** When true, cells show row-normalised shares instead of counts. */
    public BooleanProperty rowSharesProperty() {
        return rowShares;
    }

    public ReadOnlyObjectProperty<MatrixCell> selectedCellProperty() {
        return selectedCell.getReadOnlyProperty();
    }

    /** The samples of the selected cell (or every mistake), in display order. */
    public ObservableList<GalleryItem> gallery() {
        return galleryView;
    }

    public ReadOnlyStringProperty galleryTitleProperty() {
        return galleryTitle.getReadOnlyProperty();
    }

    /** One row per class, then "macro avg" and "weighted avg". */
    public ObservableList<MetricsRow> metrics() {
        return metricsView;
    }

    /** Accuracy and loss on the test split, or what to do to get them. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
