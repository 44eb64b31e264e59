package org.dnw.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A robustness sweep: one kind of corruption at several strengths, ascending, strength 0 (the clean
 * test set) always first. Immutable.
 *
 * @param kind the family of corruption
 * @param strengths distinct, ascending, starting at 0, each within the kind's range
 */
public record CorruptionSweep(CorruptionKind kind, List<Double> strengths) {

    public CorruptionSweep {
        Objects.requireNonNull(kind, "kind");
        strengths = List.copyOf(strengths);
        if (strengths.isEmpty() || strengths.get(0) != 0.0) {
            throw new IllegalArgumentException("a sweep starts at strength 0 (clean)");
        }
        for (int i = 0; i < strengths.size(); i++) {
            kind.at(strengths.get(i));
            if (i > 0 && !(strengths.get(i) > strengths.get(i - 1))) {
                throw new IllegalArgumentException("the strengths of a sweep must be ascending");
            }
        }
    }

    /**
     * A sweep over {@code strengths} in any order: sorted, repeats dropped, 0 added when missing.
     *
     * @throws IllegalArgumentException naming the first strength outside the kind's range
     */
    public static CorruptionSweep of(CorruptionKind kind, List<Double> strengths) {
        TreeSet<Double> sorted = new TreeSet<>();
        sorted.add(0.0);
        for (double s : strengths) {
            kind.at(s);
            sorted.add(s == 0 ? 0.0 : s);
        }
        return new CorruptionSweep(kind, new ArrayList<>(sorted));
    }

    /** The kind's usual sweep. */
    public static CorruptionSweep defaults(CorruptionKind kind) {
        return of(kind, kind.defaultStrengths());
    }

    /** Number of points, the clean one included. */
    public int size() {
        return strengths.size();
    }

    /** The corruption of point {@code index}. */
    public CorruptionSpec point(int index) {
        return kind.at(strengths.get(index));
    }

    /** Every point's corruption, clean first. */
    public List<CorruptionSpec> points() {
        List<CorruptionSpec> out = new ArrayList<>(strengths.size());
        for (double s : strengths) {
            out.add(kind.at(s));
        }
        return out;
    }

    /** A label per point, e.g. "clean", "Gaussian σ = 0.3 + salt & pepper 5 %". */
    public List<String> labels() {
        List<String> out = new ArrayList<>(strengths.size());
        for (CorruptionSpec p : points()) {
            out.add(p.label());
        }
        return out;
    }
}
