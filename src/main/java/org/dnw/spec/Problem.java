package org.dnw.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Something wrong with a network, in a sentence a student understands.
 *
 * @param position 1-based position of the layer concerned, or 0 for the network as a whole
 * @param severity {@link Severity#ERROR} makes the network impossible to build; {@link
 *     Severity#WARNING} is allowed but probably not what was meant
 * @param message the sentence, starting with "layer N:" when {@code position > 0}
 */
public record Problem(int position, Severity severity, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    static Problem error(int position, String text) {
        return new Problem(position, Severity.ERROR, prefix(position) + text);
    }

    static Problem warning(int position, String text) {
        return new Problem(position, Severity.WARNING, prefix(position) + text);
    }

    private static String prefix(int position) {
        return position > 0 ? "layer " + position + ": " : "";
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
