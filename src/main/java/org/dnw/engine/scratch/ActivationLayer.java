package org.dnw.engine.scratch;

/**
 * A layer without parameters that maps each sample's {@code width} values to {@code width} values.
 * The shape checks and what {@code forward} keeps for {@code backward} are written here once; a
 * subclass gives the function over a batch ({@link #apply}) and its gradient ({@link
 * #differentiate}). Not thread-safe.
 */
abstract class ActivationLayer implements Layer {

    private final String kind;
    private final int width;
    private double[] lastInput;
    private double[] lastOutput;

    /**
     * @param kind the layer kind, as {@link Layer#kind()} returns it
     * @param width values per sample
     */
    ActivationLayer(String kind, int width) {
        this.kind = kind;
        this.width = width;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final int inputSize() {
        return width;
    }

    @Override
    public final int outputSize() {
        return width;
    }

    @Override
    public final double[] forward(double[] input, int n) {
        Linear.check(input, n, width, "input");
        double[] out = new double[input.length];
        apply(input, out, n, width);
        lastInput = input;
        lastOutput = out;
        return out;
    }

    @Override
    public final double[] backward(double[] outputGradient, int n, boolean inputGradientNeeded) {
        Linear.check(outputGradient, n, width, "output gradient");
        if (!inputGradientNeeded) {
            return null;
        }
        double[] dx = new double[outputGradient.length];
        differentiate(lastInput, lastOutput, outputGradient, dx, n, width);
        return dx;
    }

    /**
     * Writes the layer's outputs into {@code output}.
     *
     * @param input {@code n × width} values
     * @param output {@code n × width} zeros, to be overwritten
     */
    abstract void apply(double[] input, double[] output, int n, int width);

    /**
     * Writes dLoss/dInput into {@code inputGradient}.
     *
     * @param input the last forward's input, {@code n × width}
     * @param output the last forward's output, {@code n × width}
     * @param outputGradient dLoss/dOutput, {@code n × width}
     * @param inputGradient {@code n × width} zeros, to be overwritten
     */
    abstract void differentiate(
            double[] input,
            double[] output,
            double[] outputGradient,
            double[] inputGradient,
            int n,
            int width);
}
