package org.dnw.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One or two settings to vary over a base network and hyperparameters; the points are every
 * combination, the first axis varying slowest. Immutable.
 *
 * @param baseSpec the network every point starts from, adapted to the data set
 * @param baseHyperparameters the hyperparameters every point starts from
 * @param axes one or two settings with their values
 */
public record SweepPlan(
        org.dnw.spec.ModelSpec baseSpec, Hyperparameters baseHyperparameters, List<Axis> axes) {

    public SweepPlan {
        Objects.requireNonNull(baseSpec, "baseSpec");
        Objects.requireNonNull(baseHyperparameters, "baseHyperparameters");
        axes = List.copyOf(axes);
        if (axes.isEmpty() || axes.size() > 2) {
            throw new IllegalArgumentException("a sweep varies one or two settings");
        }
        if (axes.size() == 2
                && axes.get(0).setting() == axes.get(1).setting()
                && axes.get(0).layer() == axes.get(1).layer()) {
            throw new IllegalArgumentException("the two settings of a sweep must differ");
        }
    }

    /**
     * One setting and its values.
     *
     * @param layer 1-based layer position for network settings, 0 for every layer of the kind
     */
    public record Axis(SweepSetting setting, List<String> values, int layer) {
        public Axis {
            Objects.requireNonNull(setting, "setting");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException(
                        "give at least one value for " + setting.label());
            }
        }

        /** e.g. "kernel size" or "kernel size (layer 1)". */
        public String label() {
            return setting.label() + (layer > 0 ? " (layer " + layer + ")" : "");
        }
    }

    /**
     * One run of the sweep.
     *
     * @param index 0-based position in the sweep
     * @param values the value of each axis, in axis order
     * @param variant the network and hyperparameters; null when {@code problem} is set
     * @param problem why this point cannot run (a value that cannot be read, a network that cannot
     *     work), or null
     */
    public record Point(
            int index, List<String> values, SweepSetting.Variant variant, String problem) {

        /** e.g. "kernel=5 lr=0.001", for run names and tables. */
        public String label(List<Axis> axes) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : " ")
                        .append(axes.get(i).setting().key())
                        .append("=")
                        .append(values.get(i));
            }
            return out.toString();
        }
    }

    /**
     * Every combination of the axes' values, first axis slowest; impossible ones carry a problem.
     */
    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        List<String> second = axes.size() > 1 ? axes.get(1).values() : List.of("");
        for (String a : axes.get(0).values()) {
            for (String b : second) {
                List<String> values = axes.size() > 1 ? List.of(a, b) : List.of(a);
                SweepSetting.Variant variant =
                        new SweepSetting.Variant(baseSpec, baseHyperparameters);
                String problem = null;
                try {
                    for (int i = 0; i < axes.size(); i++) {
                        Axis axis = axes.get(i);
                        variant = axis.setting().apply(variant, values.get(i), axis.layer());
                    }
                    var analysis = variant.spec().analyse();
                    if (!analysis.isValid()) {
                        problem = analysis.errors().get(0).message();
                    } else if (!variant.hyperparameters().problems().isEmpty()) {
                        problem = variant.hyperparameters().problems().get(0);
                    }
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                out.add(new Point(out.size(), values, problem == null ? variant : null, problem));
            }
        }
        return out;
    }
}
