package org.dnw.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnw.store.EpochMetrics;
import org.dnw.store.SavedRun;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.charts.EpochPoint;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.filters.FiltersViewModel;

/**
 * Shows a saved run in the live views, as the runs list's Open does: its curves in the charts, its
 * first layer's weights in the filters, its test evaluation in the confusion matrix. FX thread
 * only.
 */
public final class SavedRunViews {

    private SavedRunViews() {}

    /**
     * @param images the test images behind the run's predictions (in the order of the test split),
     *     or {@link SampleImages#none()} when the data set is not loaded
     */
    public static void show(
            SavedRun run,
            ChartsViewModel charts,
            FiltersViewModel filters,
            ConfusionViewModel confusion,
            SampleImages images) {
        String name = run.manifest().runName();
        int planned =
                run.manifest().hyperparameters() == null
                        ? run.epochs().size()
                        : run.manifest().hyperparameters().epochCount();
        charts.showRun(name, Math.max(planned, run.epochs().size()), points(run.epochs()));
        if (run.firstLayer() != null) {
            filters.showSaved(
                    String.format(
                            Locale.ROOT,
                            "weights of the saved run %s after %d %s",
                            name,
                            run.epochs().size(),
                            run.epochs().size() == 1 ? "epoch" : "epochs"),
                    run.firstLayer().shape(),
                    run.firstLayer().values(),
                    run.manifest().spec() == null ? null : run.manifest().spec().input());
            filters.offerSavedLayers(
                    run.folder(),
                    run.manifest().spec(),
                    String.format(
                            Locale.ROOT,
                            "weights of the saved run %s after %d %s",
                            name,
                            run.epochs().size(),
                            run.epochs().size() == 1 ? "epoch" : "epochs"));
        } else {
            filters.clear("The saved run " + name + " has no first-layer weights to show.");
        }
        if (run.test() != null) {
            confusion.show(run.test(), run.classNames(), images);
        } else {
            confusion.clear();
        }
    }

    /** The run's epochs as chart points. */
    public static List<EpochPoint> points(List<EpochMetrics> epochs) {
        List<EpochPoint> out = new ArrayList<>(epochs.size());
        for (EpochMetrics e : epochs) {
            out.add(
                    new EpochPoint(
                            e.epoch(),
                            e.trainLoss(),
                            e.trainAccuracy(),
                            e.validationLoss(),
                            e.validationAccuracy()));
        }
        return out;
    }
}
