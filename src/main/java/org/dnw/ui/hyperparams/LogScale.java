package org.dnw.ui.hyperparams;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A logarithmic scale from {@code min} to {@code max} (both &gt; 0): slider positions 0–1 map to
 * values evenly spaced in log10, and dragging snaps to round values (1, 2, 3, 5 × 10^k). Also
 * formats values the way a student writes them ("0.001", "3e-4") and parses them back. Immutable.
 */
public final class LogScale {

    private static final double[] MANTISSAS = {1, 2, 3, 5};

    private final double min;
    private final double max;
    private final double logMin;
    private final double logSpan;
    private final double[] stops;

    public LogScale(double min, double max) {
        if (!(min > 0 && max > min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException(
                    "a log scale needs 0 < min < max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.logMin = Math.log10(min);
        this.logSpan = Math.log10(max) - logMin;
        List<Double> nice = new ArrayList<>();
        for (int exponent = (int) Math.floor(logMin);
                exponent <= Math.ceil(Math.log10(max));
                exponent++) {
            for (double m : MANTISSAS) {
                double v = round(m * Math.pow(10, exponent));
                if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                    nice.add(v);
                }
            }
        }
        if (nice.isEmpty() || nice.get(0) > min) {
            nice.add(0, min);
        }
        if (nice.get(nice.size() - 1) < max) {
            nice.add(max);
        }
        stops = nice.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** {@code value} limited to [min, max]; NaN gives min. */
    public double clamp(double value) {
        return Double.isNaN(value) ? min : Math.max(min, Math.min(max, value));
    }

    /** Slider position 0–1 of {@code value} (clamped): 0 at min, 1 at max, linear in log10. */
    public double toPosition(double value) {
        return (Math.log10(clamp(value)) - logMin) / logSpan;
    }

    /** The value at slider position {@code position} (clamped to 0–1). */
    public double fromPosition(double position) {
        double p = Double.isNaN(position) ? 0 : Math.max(0, Math.min(1, position));
        return clamp(Math.pow(10, logMin + p * logSpan));
    }

    /** The round values of the scale, ascending: 1, 2, 3, 5 × 10^k within [min, max]. */
    public double[] stops() {
        return stops.clone();
    }

    /** The round value nearest to {@code value} in log10. */
    public double snap(double value) {
        return stops[nearestStop(value)];
    }

    /** The stop {@code steps} stops above (or, negative, below) the one nearest {@code value}. */
    public double step(double value, int steps) {
        int index = nearestStop(value);
        double nearest = stops[index];
        // A typed value between two stops moves to the neighbouring stop in that direction first.
        if (steps > 0 && value < nearest * (1 - 1e-9)) {
            steps--;
        } else if (steps < 0 && value > nearest * (1 + 1e-9)) {
            steps++;
        }
        return stops[Math.max(0, Math.min(stops.length - 1, index + steps))];
    }

    private int nearestStop(double value) {
        double log = Math.log10(clamp(value));
        int best = 0;
        for (int i = 1; i < stops.length; i++) {
            if (Math.abs(Math.log10(stops[i]) - log) < Math.abs(Math.log10(stops[best]) - log)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * {@code value} in at most 3 significant digits: plain from 0.001 up ("0.001", "0.0015",
     * "0.25", "1"), otherwise as {@code m}e{@code k} ("3e-4", "2.5e-5").
     */
    public static String format(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double abs = Math.abs(value);
        if (abs >= 1e-3 && abs < 1e6) {
            return new BigDecimal(value)
                    .round(new MathContext(3))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(abs));
        BigDecimal mantissa =
                new BigDecimal(value / Math.pow(10, exponent)).round(new MathContext(3));
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            // 9.996e-5 rounds to 10.0e-5: write it as 1e-4.
            mantissa = mantissa.movePointLeft(1).round(new MathContext(3));
            exponent++;
        }
        return mantissa.stripTrailingZeros().toPlainString() + "e" + exponent;
    }

    /**
     * A number as a user types it: "0.001", ".001", "1e-3", "3E-4", "0,001" (comma as decimal
     * point); empty when it is not a finite number.
     */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String t = text.strip().replace(',', '.').replace(" ", "").toLowerCase(Locale.ROOT);
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** Rounds away binary noise (3 × 1e-4 = 3.0000000000000003e-4) to 12 significant digits. */
    private static double round(double v) {
        return v == 0 ? 0 : new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }
}
