package org.dnw.ui.charts;

import java.util.List;
import java.util.Objects;

/**
 * The per-epoch curves of another run, drawn dashed behind the live ones for comparison.
 *
 * @param name what the legend calls it, e.g. the saved run's name
 * @param points its epochs, in order
 */
public record ChartOverlay(String name, List<EpochPoint> points) {

    public ChartOverlay {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
    }
}
