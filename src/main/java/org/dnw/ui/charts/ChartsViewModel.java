package org.dnw.ui.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunStarted;

/**
 * The points of the loss and accuracy charts. x is in epochs: a batch point sits at {@code epoch −
 * 1 + batch / batchesPerEpoch}, an epoch point at {@code epoch}. Losses are plotted as they come;
 * accuracies in percent. The batch loss series is thinned so that it never holds more than {@link
 * #MAX_BATCH_POINTS} points: when full, every other point is dropped (the newest stays) and from
 * then on only every second (fourth, ...) batch is kept, so the curve stays evenly spaced over the
 * whole run.
 *
 * <p>FX thread only (fed by a {@code TrainingEventPump}).
 */
public final class ChartsViewModel {

    /** Most batch-loss points kept; more would only slow the chart. */
    public static final int MAX_BATCH_POINTS = 500;

    private final int maxBatchPoints;
    private final ObservableList<Point2D> batchLoss = FXCollections.observableArrayList();
    private final ObservableList<Point2D> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<Point2D> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<Point2D> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<Point2D> validationAccuracy = FXCollections.observableArrayList();
    private final ObservableList<ChartOverlay> overlays = FXCollections.observableArrayList();
    private final List<EpochPoint> epochs = new ArrayList<>();
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper(this, "best", 0);
    private final ReadOnlyStringWrapper bestEpochText =
            new ReadOnlyStringWrapper(this, "bestText", "");
    private final ReadOnlyIntegerWrapper epochCount = new ReadOnlyIntegerWrapper(this, "epochs", 1);
    private final ReadOnlyStringWrapper runName = new ReadOnlyStringWrapper(this, "run", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");

    private int runEpochCount = 1;
    private int batchStride = 1;
    private int batchesSinceKept;
    private boolean tailProvisional;

    public ChartsViewModel() {
        this(MAX_BATCH_POINTS);
    }

    /**
     * @param maxBatchPoints cap of the batch-loss series, ≥ 2
     */
    public ChartsViewModel(int maxBatchPoints) {
        if (maxBatchPoints < 2) {
            throw new IllegalArgumentException("keep at least 2 batch points");
        }
        this.maxBatchPoints = maxBatchPoints;
    }

    /** Applies one training event; other kinds than start, batch and epoch are ignored. */
    public void accept(TrainingEvent event) {
        if (event instanceof RunStarted e) {
            clear();
            runName.set(e.runName());
            runEpochCount = Math.max(1, e.hyperparameters().epochCount());
            updateEpochCount();
        } else if (event instanceof BatchCompleted e) {
            addBatch(e);
        } else if (event instanceof EpochCompleted e) {
            addEpoch(EpochPoint.of(e));
            if (e.epochCount() > runEpochCount) {
                runEpochCount = e.epochCount();
                updateEpochCount();
            }
        }
    }

    private void addBatch(BatchCompleted e) {
        if (!Double.isFinite(e.loss())) {
            return;
        }
        double x = e.epoch() - 1 + (double) e.batch() / Math.max(1, e.batchesPerEpoch());
        Point2D point = new Point2D(x, e.loss());
        batchesSinceKept++;
        if (batchesSinceKept < batchStride) {
            // Between kept points the newest batch rides along as the tail, so the curve is never
            // behind the progress bar.
            if (tailProvisional) {
                batchLoss.set(batchLoss.size() - 1, point);
            } else {
                batchLoss.add(point);
                tailProvisional = true;
            }
            return;
        }
        batchesSinceKept = 0;
        boolean hadTail = tailProvisional;
        tailProvisional = false;
        int keptSize = batchLoss.size() - (hadTail ? 1 : 0);
        // One slot stays free for a provisional tail.
        if (keptSize + 1 > maxBatchPoints - 1) {
            // Every other point counted back from the new one, so the spacing stays even.
            List<Point2D> thinned = new ArrayList<>(keptSize / 2 + 2);
            for (int i = keptSize % 2; i < keptSize; i += 2) {
                thinned.add(batchLoss.get(i));
            }
            thinned.add(point);
            batchLoss.setAll(thinned);
            batchStride *= 2;
        } else if (hadTail) {
            batchLoss.set(batchLoss.size() - 1, point);
        } else {
            batchLoss.add(point);
        }
    }

    /** Adds an epoch of the live run (also used to show a saved run's history). */
    public void addEpoch(EpochPoint p) {
        epochs.add(p);
        addFinite(trainLoss, p.epoch(), p.trainLoss());
        addFinite(trainAccuracy, p.epoch(), 100 * p.trainAccuracy());
        addFinite(validationLoss, p.epoch(), p.validationLoss());
        addFinite(validationAccuracy, p.epoch(), 100 * p.validationAccuracy());
        int best = bestEpoch(epochs);
        bestEpoch.set(best);
        bestEpochText.set(best == 0 ? "" : describeBest(epochs, best));
        if (p.epoch() > runEpochCount) {
            runEpochCount = p.epoch();
        }
        updateEpochCount();
    }

    /**
     * Shows a finished run's epochs in place of the live run, e.g. a saved run opened from the runs
     * list; overlays stay.
     *
     * @param name the run's name
     * @param epochCount the epochs the run was planned for (the x axis spans at least these)
     * @param points its epochs, in order
     */
    public void showRun(String name, int epochCount, List<EpochPoint> points) {
        clear();
        runName.set(name == null ? "" : name);
        caption.set(name == null ? "" : "Curves of the saved run " + name + ".");
        runEpochCount = Math.max(1, epochCount);
        for (EpochPoint p : points) {
            addEpoch(p);
        }
        updateEpochCount();
    }

    private static void addFinite(List<Point2D> list, double x, double y) {
        if (Double.isFinite(y)) {
            list.add(new Point2D(x, y));
        }
    }

    /**
     * The epoch with the highest validation accuracy (the lower validation loss breaks a tie, then
     * the earlier epoch); 0 when no epoch has validation figures.
     */
    public static int bestEpoch(List<EpochPoint> points) {
        EpochPoint best = null;
        for (EpochPoint p : points) {
            if (!p.hasValidation()) {
                continue;
            }
            if (best == null
                    || p.validationAccuracy() > best.validationAccuracy()
                    || (p.validationAccuracy() == best.validationAccuracy()
                            && p.validationLoss() < best.validationLoss())) {
                best = p;
            }
        }
        return best == null ? 0 : best.epoch();
    }

    private static String describeBest(List<EpochPoint> points, int epoch) {
        for (EpochPoint p : points) {
            if (p.epoch() == epoch) {
                return String.format(
                        Locale.ROOT,
                        "Best validation: epoch %d, accuracy %.2f %%, loss %.4f",
                        epoch,
                        100 * p.validationAccuracy(),
                        p.validationLoss());
            }
        }
        return "";
    }

    /**
     * Draws {@code points} of another run under {@code name}, replacing an overlay of that name.
     */
    public void overlay(String name, List<EpochPoint> points) {
        ChartOverlay added = new ChartOverlay(name, points);
        for (int i = 0; i < overlays.size(); i++) {
            if (overlays.get(i).name().equals(name)) {
                overlays.set(i, added);
                updateEpochCount();
                return;
            }
        }
        overlays.add(added);
        updateEpochCount();
    }

    public void removeOverlay(String name) {
        overlays.removeIf(o -> o.name().equals(name));
        updateEpochCount();
    }

    public void clearOverlays() {
        overlays.clear();
        updateEpochCount();
    }

    /** Forgets the live run's points (overlays stay). */
    public void clear() {
        batchLoss.clear();
        trainLoss.clear();
        validationLoss.clear();
        trainAccuracy.clear();
        validationAccuracy.clear();
        epochs.clear();
        bestEpoch.set(0);
        bestEpochText.set("");
        runName.set("");
        caption.set("");
        batchStride = 1;
        batchesSinceKept = 0;
        tailProvisional = false;
        runEpochCount = 1;
        updateEpochCount();
    }

    private void updateEpochCount() {
        int max = runEpochCount;
        for (ChartOverlay o : overlays) {
            for (EpochPoint p : o.points()) {
                max = Math.max(max, p.epoch());
            }
        }
        epochCount.set(Math.max(1, max));
    }

    /** Batch losses, thinned; x in epochs. */
    public ObservableList<Point2D> batchLoss() {
        return batchLoss;
    }

    public ObservableList<Point2D> trainLoss() {
        return trainLoss;
    }

    public ObservableList<Point2D> validationLoss() {
        return validationLoss;
    }

    /** Training accuracy per epoch, in percent. */
    public ObservableList<Point2D> trainAccuracyPercent() {
        return trainAccuracy;
    }

    /** Validation accuracy per epoch, in percent. */
    public ObservableList<Point2D> validationAccuracyPercent() {
        return validationAccuracy;
    }

    public ObservableList<ChartOverlay> overlays() {
        return overlays;
    }

    /** The live run's epochs so far, oldest first (unmodifiable). */
    public List<EpochPoint> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The best validation epoch (1-based), 0 when none yet. */
    public ReadOnlyIntegerProperty bestEpochProperty() {
        return bestEpoch.getReadOnlyProperty();
    }

    public int getBestEpoch() {
        return bestEpoch.get();
    }

    /** E.g. "Best validation: epoch 3, accuracy 98.90 %, loss 0.0412"; empty when none. */
    public ReadOnlyStringProperty bestEpochTextProperty() {
        return bestEpochText.getReadOnlyProperty();
    }

    /** Epochs the x axis must show: the planned epochs of the run, or more for overlays. */
    public ReadOnlyIntegerProperty epochCountProperty() {
        return epochCount.getReadOnlyProperty();
    }

    /**
     * Whose curves these are when they are not of a run training in this window (a saved run, a run
     * training in another process); empty for the live run and when there is none.
     */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Says whose curves are drawn; cleared with them. */
    public void setCaption(String text) {
        caption.set(text == null ? "" : text);
    }

    public ReadOnlyStringProperty runNameProperty() {
        return runName.getReadOnlyProperty();
    }

    /**
     * The accuracy axis's lower bound in percent for {@code percents} (train and validation
     * accuracies, NaN ignored): a multiple of 10 at least 2 points below the lowest, 0 when there
     * are none. The upper bound is always 100 %, which no accuracy passes.
     */
    public static double accuracyAxisLowerBound(java.util.Collection<Double> percents) {
        double lowest = Double.POSITIVE_INFINITY;
        for (double p : percents) {
            if (Double.isFinite(p)) {
                lowest = Math.min(lowest, p);
            }
        }
        if (lowest == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return Math.max(0, Math.min(90, Math.floor((lowest - 2) / 10) * 10));
    }
}
