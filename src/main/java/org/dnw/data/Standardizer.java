package org.dnw.data;

import java.util.Arrays;

/**
 * Standardises table features: {@code (x − mean) / std} per feature, with the mean and the
 * (population) standard deviation fitted on one table — the training rows only, so that nothing of
 * the held-out rows leaks into training — and applied to any table with the same features. A
 * constant feature gets std 1, so it becomes 0 rather than NaN. Immutable and thread-safe.
 */
public final class Standardizer {

    private final double[] means;
    private final double[] stds;

    private Standardizer(double[] means, double[] stds) {
        this.means = means;
        this.stds = stds;
    }

    /**
     * Fits the mean and std of every feature of {@code rows}.
     *
     * @throws IllegalArgumentException when {@code rows} is empty
     */
    public static Standardizer fit(TableSamples rows) {
        int n = rows.size();
        int f = rows.featureCount();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a standardiser on an empty table");
        }
        float[] v = rows.values();
        double[] means = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                means[j] += v[i * f + j];
            }
        }
        for (int j = 0; j < f; j++) {
            means[j] /= n;
        }
        double[] stds = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double d = v[i * f + j] - means[j];
                stds[j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            double s = Math.sqrt(stds[j] / n);
            // relative to the feature's size, so that float rounding of a constant column counts
            stds[j] = s > 1e-7 * Math.max(1, Math.abs(means[j])) ? s : 1;
        }
        return new Standardizer(means, stds);
    }

    /** Features this standardiser was fitted on. */
    public int featureCount() {
        return means.length;
    }

    /** A copy of the fitted means, one per feature. */
    public double[] means() {
        return means.clone();
    }

    /** A copy of the fitted standard deviations, one per feature (1 for a constant feature). */
    public double[] stds() {
        return stds.clone();
    }

    /**
     * {@code rows} with every feature standardised; labels, class and feature names kept.
     *
     * @throws IllegalArgumentException when the feature count differs from the fitted one
     */
    public TableSamples apply(TableSamples rows) {
        int f = rows.featureCount();
        if (f != means.length) {
            throw new IllegalArgumentException(
                    "the standardiser was fitted on "
                            + means.length
                            + " features but the table has "
                            + f);
        }
        float[] v = rows.values();
        float[] out = new float[v.length];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < f; j++) {
                out[i * f + j] = (float) ((v[i * f + j] - means[j]) / stds[j]);
            }
        }
        return new TableSamples(
                f, out, rows.labels().clone(), rows.classNames(), rows.featureNames());
    }

    @Override
    public String toString() {
        return "Standardizer[means="
                + Arrays.toString(means)
                + ", stds="
                + Arrays.toString(stds)
                + "]";
    }
}
