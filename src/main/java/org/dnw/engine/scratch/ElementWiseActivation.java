package org.dnw.engine.scratch;

/**
 * An activation applied to each value on its own, {@code y = f(x)}: a subclass gives {@code f}
 * ({@link #value}) and the chain rule through it ({@link #gradient}). Not thread-safe.
 */
abstract class ElementWiseActivation extends ActivationLayer {

    /**
     * @param kind the layer kind, as {@link Layer#kind()} returns it
     * @param width values per sample
     */
    ElementWiseActivation(String kind, int width) {
        super(kind, width);
    }

    /** {@code f(x)}. */
    abstract double value(double x);

    /**
     * dLoss/dx for one value.
     *
     * @param x the value that went in
     * @param y {@code f(x)}, the value that came out
     * @param outputGradient dLoss/dy
     */
    abstract double gradient(double x, double y, double outputGradient);

    @Override
    final void apply(double[] input, double[] output, int n, int width) {
        for (int i = 0; i < input.length; i++) {
            output[i] = value(input[i]);
        }
    }

    @Override
    final void differentiate(
            double[] input,
            double[] output,
            double[] outputGradient,
            double[] inputGradient,
            int n,
            int width) {
        for (int i = 0; i < inputGradient.length; i++) {
            inputGradient[i] = gradient(input[i], output[i], outputGradient[i]);
        }
    }
}
