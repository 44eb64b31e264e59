package org.dnw.engine.scratch;

import java.util.List;
import java.util.Random;

/**
 * A fully connected layer: {@code y = x · W + b} for each sample, with {@code units} outputs from
 * {@code inputs} values.
 *
 * <p>The weight is held as {@code inputs × units} (input-major), the transpose of DJL's {@code
 * (units, inputs)}: then every inner loop of the three products (forward, weight gradient, input
 * gradient for the forward direction) runs over contiguous units and the JIT vectorises it, and a
 * zero input (most MNIST pixels) skips a whole row of work. {@link #weightsByUnit()} gives DJL's
 * layout. Work is split over the {@link Workers} by sample (forward, input gradient) or by input
 * (weight gradient), so every value is summed in the same order on any number of threads.
 *
 * <p>Not thread-safe: confined to the training thread.
 */
public final class Linear implements Layer {

    /** Samples processed together so that one row of weights serves them all from cache. */
    private static final int SAMPLE_BLOCK = 16;

    /** How the initial weights are drawn (biases start at 0). */
    public enum Init {
        /** Uniform in ±√(6 / inputs): keeps the variance through ReLU layers (He et al.). */
        HE_UNIFORM,
        /** Uniform in ±√(6 / (inputs + units)): for sigmoid, tanh and outputs (Glorot, Bengio). */
        XAVIER_UNIFORM
    }

    private final int inputs;
    private final int units;
    private final Parameter weight;
    private final Parameter bias;
    private final Workers workers;

    private double[] lastInput;
    private int lastCount;

    /**
     * A layer with all weights 0; call {@link #initialise} or write {@link Parameter#values()}.
     *
     * @param inputs values per sample going in, ≥ 1
     * @param units outputs per sample, ≥ 1
     * @param withBias whether each unit adds a bias
     * @param workers threads for the products; may be shared with other layers of the network
     */
    public Linear(int inputs, int units, boolean withBias, Workers workers) {
        this.inputs = inputs;
        this.units = units;
        this.weight = new Parameter("weight", inputs, units);
        this.bias = withBias ? new Parameter("bias", units) : null;
        this.workers = workers;
    }

    /**
     * Draws the weights from {@code random} in DJL's order (unit by unit, each over its inputs), so
     * that the same seed gives the same network whatever the internal layout; zeroes the biases.
     */
    public void initialise(Init init, Random random) {
        double limit =
                init == Init.HE_UNIFORM
                        ? Math.sqrt(6.0 / inputs)
                        : Math.sqrt(6.0 / (inputs + units));
        double[] w = weight.values();
        for (int j = 0; j < units; j++) {
            for (int p = 0; p < inputs; p++) {
                w[p * units + j] = (2 * random.nextDouble() - 1) * limit;
            }
        }
        if (bias != null) {
            java.util.Arrays.fill(bias.values(), 0);
        }
    }

    @Override
    public String kind() {
        return "Linear";
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return units;
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** The weight, {@code inputs × units}, and its gradient. */
    public Parameter weight() {
        return weight;
    }

    /** The bias ({@code units}), or null without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    /** The weights as DJL lays them out, {@code units × inputs} row-major, as float. */
    public float[] weightsByUnit() {
        double[] w = weight.values();
        float[] out = new float[w.length];
        for (int p = 0; p < inputs; p++) {
            for (int j = 0; j < units; j++) {
                out[j * inputs + p] = (float) w[p * units + j];
            }
        }
        return out;
    }

    /** Sets the weights from DJL's layout, {@code units × inputs} row-major. */
    public void setWeightsByUnit(float[] values) {
        if (values.length != inputs * units) {
            throw new IllegalArgumentException(
                    values.length + " weights for a " + units + " × " + inputs + " layer");
        }
        double[] w = weight.values();
        for (int j = 0; j < units; j++) {
            for (int p = 0; p < inputs; p++) {
                w[p * units + j] = values[j * inputs + p];
            }
        }
    }

    @Override
    public double[] forward(double[] input, int n) {
        check(input, n, inputs, "input");
        lastInput = input;
        lastCount = n;
        double[] out = new double[n * units];
        workers.forRange(n, (long) inputs * units, (from, to) -> forwardRows(input, out, from, to));
        return out;
    }

    private void forwardRows(double[] x, double[] y, int from, int to) {
        double[] w = weight.values();
        double[] b = bias == null ? null : bias.values();
        for (int i0 = from; i0 < to; i0 += SAMPLE_BLOCK) {
            int i1 = Math.min(to, i0 + SAMPLE_BLOCK);
            if (b != null) {
                for (int i = i0; i < i1; i++) {
                    System.arraycopy(b, 0, y, i * units, units);
                }
            }
            for (int p = 0; p < inputs; p++) {
                int wRow = p * units;
                for (int i = i0; i < i1; i++) {
                    double a = x[i * inputs + p];
                    if (a != 0) {
                        int yRow = i * units;
                        for (int j = 0; j < units; j++) {
                            y[yRow + j] += a * w[wRow + j];
                        }
                    }
                }
            }
        }
    }

    @Override
    public double[] backward(double[] outputGradient, int n, boolean inputGradientNeeded) {
        if (lastInput == null || n != lastCount) {
            throw new IllegalStateException("backward without a matching forward of " + n);
        }
        check(outputGradient, n, units, "output gradient");
        double[] x = lastInput;
        double[] dy = outputGradient;
        workers.forRange(
                inputs, (long) n * units, (from, to) -> weightGradientRows(x, dy, n, from, to));
        if (bias != null) {
            double[] db = bias.gradient();
            java.util.Arrays.fill(db, 0);
            for (int i = 0; i < n; i++) {
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    db[j] += dy[row + j];
                }
            }
        }
        if (!inputGradientNeeded) {
            return null;
        }
        double[] dx = new double[n * inputs];
        workers.forRange(
                n, (long) inputs * units, (from, to) -> inputGradientRows(dy, dx, from, to));
        return dx;
    }

    private void weightGradientRows(double[] x, double[] dy, int n, int from, int to) {
        double[] dw = weight.gradient();
        for (int p = from; p < to; p++) {
            int wRow = p * units;
            java.util.Arrays.fill(dw, wRow, wRow + units, 0);
            for (int i = 0; i < n; i++) {
                double a = x[i * inputs + p];
                if (a != 0) {
                    int row = i * units;
                    for (int j = 0; j < units; j++) {
                        dw[wRow + j] += a * dy[row + j];
                    }
                }
            }
        }
    }

    private void inputGradientRows(double[] dy, double[] dx, int from, int to) {
        double[] w = weight.values();
        for (int i = from; i < to; i++) {
            int row = i * units;
            for (int p = 0; p < inputs; p++) {
                dx[i * inputs + p] = dot(dy, row, w, p * units, units);
            }
        }
    }

    /** Σ a[ao + j] · b[bo + j] over {@code len}, in four interleaved partial sums for speed. */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < len; j++) {
            s0 += a[ao + j] * b[bo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void check(double[] values, int n, int width, String what) {
        if (n < 1 || values.length != (long) n * width) {
            throw new IllegalArgumentException(
                    what + " holds " + values.length + " values, expected " + n + " × " + width);
        }
    }
}
