package org.dnw.ui.common;

import java.util.Locale;

/** Numbers as a user reads them: grouped counts, compact large counts, megabytes. */
public final class Quantities {

    private Quantities() {}

    /** {@code 3274634} → "3,274,634". */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 3274634} → "3.27 M", {@code 652800} → "652.8 K", {@code 832} → "832". */
    public static String compact(long value) {
        double v = value;
        if (Math.abs(v) >= 1e9) {
            return String.format(Locale.ROOT, "%.3g G", v / 1e9);
        }
        if (Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.3g M", v / 1e6);
        }
        if (Math.abs(v) >= 1e4) {
            return String.format(Locale.ROOT, "%.4g K", v / 1e3);
        }
        return count(value);
    }

    /** Bytes in megabytes (10^6), one decimal: "38.2 MB". */
    public static String megabytes(long bytes) {
        double mb = bytes / 1e6;
        return mb >= 100
                ? String.format(Locale.ROOT, "%,.0f MB", mb)
                : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    /** A count with its noun, singular when one: "1 parameter", "832 parameters". */
    public static String counted(long value, String noun) {
        return count(value) + " " + noun + (value == 1 ? "" : "s");
    }
}
