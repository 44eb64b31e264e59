package org.dnw.ui.course;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Messages of exceptions as sentences for the panels: never a class name or a stack trace. */
final class Sentences {

    private Sentences() {}

    /** {@code message} with a capital first letter and a full stop; {@code fallback} if blank. */
    static String of(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String s = message.strip().replace("\n", "; ");
        // a plain word is capitalised; a file name ("seeds.txt: …") or a symbol stays as it is
        if (s.matches("[a-z]+\\b.*") && !s.matches("[a-z]+[._/\\\\].*")) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    /** The sentence of {@code e}, unwrapped from the future's wrappers. */
    static String of(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return of(
                cause.getMessage(),
                "Something went wrong ("
                        + cause.getClass()
                                .getSimpleName()
                                .replaceAll("([a-z])([A-Z])", "$1 $2")
                                .toLowerCase(Locale.ROOT)
                        + ").");
    }

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
