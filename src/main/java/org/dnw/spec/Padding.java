package org.dnw.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * Padding of a convolution.
 *
 * <ul>
 *   <li>{@link Mode#VALID}: no padding; the output shrinks by kernel − 1.
 *   <li>{@link Mode#SAME}: symmetric padding of (kernel − 1) / 2 on each side, so that an odd
 *       kernel at stride 1 keeps the size (as the classic TensorFlow tutorial's {@code
 *       padding='SAME'}).
 *   <li>{@link Mode#EXPLICIT}: {@code amount} zeros on every side.
 * </ul>
 *
 * <p>In JSON it is an object {@code {"mode": "same", "amount": 0}}; a spec written by hand may also
 * say {@code "padding": "same"}, {@code "valid"} or a number of zeros such as {@code 2}.
 *
 * @param mode how padding is chosen
 * @param amount zeros per side for {@link Mode#EXPLICIT}; ignored otherwise, ≥ 0
 */
public record Padding(Mode mode, int amount) {

    public enum Mode {
        VALID,
        SAME,
        EXPLICIT
    }

    public static final Padding VALID = new Padding(Mode.VALID, 0);
    public static final Padding SAME = new Padding(Mode.SAME, 0);

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Padding {
        if (mode == null) {
            mode = Mode.VALID;
        }
        if (mode != Mode.EXPLICIT) {
            amount = 0;
        }
    }

    public static Padding explicit(int amount) {
        return new Padding(Mode.EXPLICIT, amount);
    }

    /** The JSON shorthand {@code "same"}, {@code "valid"} or a number of zeros ({@code "2"}). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Padding parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("same")) {
            return SAME;
        }
        if (t.equals("valid")) {
            return VALID;
        }
        try {
            return explicit(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "padding must be \"same\", \"valid\" or a number of zeros per side, not \""
                            + text
                            + "\"");
        }
    }

    /** The JSON shorthand {@code "padding": 2}: that many zeros on every side. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Padding ofAmount(int amount) {
        return explicit(amount);
    }

    /** Zeros added on each side along an axis whose kernel size is {@code kernel}. */
    public int perSide(int kernel) {
        return switch (mode) {
            case VALID -> 0;
            case SAME -> (kernel - 1) / 2;
            case EXPLICIT -> amount;
        };
    }

    @Override
    public String toString() {
        return switch (mode) {
            case VALID -> "valid";
            case SAME -> "same";
            case EXPLICIT -> String.valueOf(amount);
        };
    }
}
