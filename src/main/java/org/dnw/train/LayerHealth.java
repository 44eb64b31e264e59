package org.dnw.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-language warnings about a run's layers from their latest {@link LayerStatistics}: a layer
 * that looks dead (more than {@value #DEAD_SHARE} of its ReLU units never fired), whose updates
 * vanish (update-to-weight ratio below {@value #VANISHING_RATIO}) or explode (above {@value
 * #EXPLODING_RATIO}), or whose figures are no longer numbers. Stateless.
 */
public final class LayerHealth {

    /** More than this share of ReLU units that never fired makes a layer look dead. */
    public static final double DEAD_SHARE = 0.5;

    /** Below this update-to-weight ratio a layer has all but stopped learning. */
    public static final double VANISHING_RATIO = 1e-5;

    /** Above this update-to-weight ratio each step rewrites a large part of the weights. */
    public static final double EXPLODING_RATIO = 0.1;

    private LayerHealth() {}

    /**
     * One sentence per problem found in {@code layers} (the statistics of one epoch), in layer
     * order; empty when all looks healthy.
     */
    public static List<String> warnings(List<LayerStatistics> layers) {
        List<String> out = new ArrayList<>();
        for (LayerStatistics s : layers) {
            String name = capitalised(s.label());
            if (!Double.isFinite(s.weightMean())
                    || !Double.isFinite(s.weightStd())
                    || Double.isInfinite(s.updateRatio())) {
                out.add(
                        name
                                + ": its weights are no longer finite numbers; the run has"
                                + " diverged — lower the learning rate.");
                continue;
            }
            if (s.deadShare() > DEAD_SHARE) {
                out.add(
                        String.format(
                                Locale.ROOT,
                                "%s looks dead: %.0f %% of its %d ReLU units never fired on %d"
                                        + " validation images, so they no longer learn — try a"
                                        + " lower learning rate or leaky ReLU.",
                                name,
                                100 * s.deadShare(),
                                s.reluUnits(),
                                s.images()));
            }
            if (s.updateRatio() < VANISHING_RATIO) {
                LayerStatistics deadAfter =
                        layers.stream()
                                .filter(
                                        l ->
                                                l.position() > s.position()
                                                        && l.deadShare() > DEAD_SHARE)
                                .findFirst()
                                .orElse(null);
                out.add(
                        String.format(
                                Locale.ROOT,
                                "%s: its updates vanish (each step changes the weights by %.1e of"
                                        + " their size; about 1e-3 is healthy) — it has all but"
                                        + " stopped learning; %s",
                                name,
                                s.updateRatio(),
                                deadAfter == null
                                        ? "try a higher learning rate or batch normalisation."
                                        : "little gradient gets back to it through "
                                                + deadAfter.label()
                                                + ", which looks dead: mend that one first."));
            } else if (s.updateRatio() > EXPLODING_RATIO) {
                out.add(
                        String.format(
                                Locale.ROOT,
                                "%s: its updates explode (each step changes the weights by %.0f %%"
                                        + " of their size; about 0.1 %% is healthy) — lower the"
                                        + " learning rate.",
                                name,
                                100 * s.updateRatio()));
            }
        }
        return out;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
