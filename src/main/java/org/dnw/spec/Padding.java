package org.dnw.spec;

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
