package org.dnw.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How figures are printed in a report: English notation, whatever the machine's locale, so that a
 * report reads the same everywhere. Stateless and thread-safe.
 */
final class Format {

    /** Printed for a figure that does not exist (no validation set, not recorded). */
    static final String NONE = "—";

    /** Between a number and its unit, so that "97.12 %" never breaks across lines. */
    static final String NBSP = "\u00a0";

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Format() {}

    /** A share in [0, 1] as a percentage with two decimals, e.g. "97.12 %". */
    static String percent(double share) {
        return Double.isFinite(share)
                ? String.format(Locale.ROOT, "%.2f", share * 100) + NBSP + "%"
                : NONE;
    }

    /** A share in [0, 1] as a percentage with one decimal, e.g. "97.1 %". */
    static String percent1(double share) {
        return Double.isFinite(share)
                ? String.format(Locale.ROOT, "%.1f", share * 100) + NBSP + "%"
                : NONE;
    }

    /** Precision, recall or F1 with three decimals, as scikit-learn prints them. */
    static String metric(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : NONE;
    }

    /** A loss with four decimals. */
    static String loss(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : NONE;
    }

    /** A count with thousands separators, e.g. "1,234,567". */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * A setting as typed, to six significant digits, without trailing zeros or exponent, e.g.
     * "0.001" or "0.0001" for a scheduled 0.001 × 0.1 (which is 1.0000000000000002E-4 in binary).
     */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value)
                .round(new MathContext(6, RoundingMode.HALF_EVEN))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Seconds with one decimal, e.g. "12.3 s". */
    static String seconds(double value) {
        return Double.isFinite(value)
                ? String.format(Locale.ROOT, "%.1f", value) + NBSP + "s"
                : NONE;
    }

    /** A duration a reader takes in at a glance: "850 ms", "42 s", "3 min 05 s", "1 h 02 min". */
    static String duration(long millis) {
        if (millis < 0) {
            return NONE;
        }
        if (millis < 1000) {
            return millis + NBSP + "ms";
        }
        long s = Math.round(millis / 1000.0);
        if (s < 60) {
            return s + NBSP + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d%smin %02d%ss", s / 60, NBSP, s % 60, NBSP);
        }
        return String.format(Locale.ROOT, "%d%sh %02d%smin", s / 3600, NBSP, (s % 3600) / 60, NBSP);
    }

    /** A moment in {@code zone}, e.g. "2026-03-04 06:06:07 (Europe/Berlin)" or "... UTC". */
    static String dateTime(Instant at, ZoneId zone) {
        if (at == null) {
            return NONE;
        }
        String name = zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
        return DATE_TIME.format(at.atZone(zone)) + " (" + name + ")";
    }

    /** {@code text}, or {@link #NONE} when null or blank. */
    static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }
}
