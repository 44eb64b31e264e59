package org.dnw.ui.course;

/**
 * Numbers typed by the user in the course panels; messages become sentences in {@link
 * org.dnw.spec.Sentence}.
 */
final class TypedNumbers {

    private TypedNumbers() {}

    /** A positive whole number typed by the user, or null. */
    static Integer wholeNumber(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text == null ? "" : text.strip());
            return v >= min && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number typed by the user ("3", "0.01", "1e-3", "0,5"), or NaN. */
    static double number(String text) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.strip().replace(',', '.'));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
