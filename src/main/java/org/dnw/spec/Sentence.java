package org.dnw.spec;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Messages from the core (exceptions, problems, reasons) as the sentences the window and the
 * command line show: stripped, on one line, a capital first letter when the message starts with a
 * plain word ("cannot read …", "layer 3: …"), and a full stop unless it already ends with {@code
 * .}, {@code !} or {@code ?}. A message that starts with a name ("notes: …", "seeds.txt: …",
 * "t10k-labels…: truncated") or a symbol keeps its first character. Stateless and thread-safe.
 */
public final class Sentence {

    private Sentence() {}

    /** {@code message} as a sentence; "" when it is null or blank. */
    public static String of(String message) {
        return of(message, "");
    }

    /** {@code message} as a sentence; {@code fallback}, unchanged, when it is null or blank. */
    public static String of(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String s = message.strip().replace("\n", "; ");
        // "cannot read" and "layer 3: …" start with a plain word; "notes: …", "seeds.txt: …" and
        // "t10k-labels…" with a name, which keeps its case
        if (s.matches("[a-z]+([\\s,;!?].*)?")) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    /**
     * The message of {@code e}, unwrapped from a future's wrappers, as a sentence; "Something went
     * wrong (IllegalStateException)." when it has none, never a stack trace.
     */
    public static String of(Throwable e) {
        return of(e, "Something went wrong");
    }

    /**
     * The message of {@code e}, unwrapped from a future's wrappers, as a sentence; when it has
     * none, {@code fallback} naming the kind of failure: "The list could not be read
     * (NullPointerException)."
     */
    public static String of(Throwable e, String fallback) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String kind = cause.getClass().getSimpleName();
        return of(cause.getMessage(), of(fallback + " (" + kind + ")"));
    }
}
