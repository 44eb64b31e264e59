package org.dnw.ui.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dnw.train.LayerHealth;
import org.dnw.train.LayerStatistics;
import org.dnw.train.TrainingEvent;

/**
 * The "Layer health" part of the filters tab: every weighted layer's statistics over the epochs so
 * far, from {@link TrainingEvent.LayersMeasured} or a saved run's log, and the plain-language
 * warnings of {@link LayerHealth} for the latest epoch. FX thread only.
 */
public final class LayerHealthViewModel {

    /** No statistics yet: what the part says instead. */
    public static final String EMPTY =
            "Layer health appears after the first epoch of a run trained with the DJL engine.";

    private final ReadOnlyObjectWrapper<Map<Integer, List<LayerStatistics>>> byLayer =
            new ReadOnlyObjectWrapper<>(this, "byLayer", Map.of());
    private final ReadOnlyObjectWrapper<List<String>> warnings =
            new ReadOnlyObjectWrapper<>(this, "warnings", List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", EMPTY);
    private final List<LayerStatistics> all = new ArrayList<>();

    /** A run start clears the part; each epoch's statistics extend it. */
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted) {
            show(List.of());
        } else if (event instanceof TrainingEvent.LayersMeasured m) {
            all.removeIf(s -> s.epoch() >= m.epoch());
            all.addAll(m.layers());
            publish();
        }
    }

    /** Shows a whole run's statistics (e.g. a saved run's), epoch by epoch in order. */
    public void show(List<LayerStatistics> statistics) {
        all.clear();
        all.addAll(statistics);
        publish();
    }

    private void publish() {
        Map<Integer, List<LayerStatistics>> layers = new TreeMap<>();
        int last = 0;
        for (LayerStatistics s : all) {
            layers.computeIfAbsent(s.position(), k -> new ArrayList<>()).add(s);
            last = Math.max(last, s.epoch());
        }
        layers.replaceAll((k, v) -> List.copyOf(v));
        byLayer.set(java.util.Collections.unmodifiableMap(layers));
        int epoch = last;
        List<LayerStatistics> latest = all.stream().filter(s -> s.epoch() == epoch).toList();
        List<String> found = LayerHealth.warnings(latest);
        warnings.set(List.copyOf(found));
        if (all.isEmpty()) {
            summary.set(EMPTY);
        } else {
            LayerStatistics any = latest.get(0);
            summary.set(
                    "After epoch "
                            + epoch
                            + ": "
                            + (found.isEmpty()
                                    ? "every layer looks healthy."
                                    : found.size()
                                            + (found.size() == 1 ? " warning." : " warnings."))
                            + " Gradients and updates are those of the epoch's last batch;"
                            + " silent units are counted on "
                            + any.images()
                            + " validation images.");
        }
    }

    /** Each weighted layer's statistics by its spec position, epochs in order. */
    public ReadOnlyObjectProperty<Map<Integer, List<LayerStatistics>>> byLayerProperty() {
        return byLayer.getReadOnlyProperty();
    }

    public Map<Integer, List<LayerStatistics>> getByLayer() {
        return byLayer.get();
    }

    /** The latest epoch's warnings, one sentence each; empty when all looks healthy. */
    public ReadOnlyObjectProperty<List<String>> warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public List<String> getWarnings() {
        return warnings.get();
    }

    /** One line on what the part shows. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
