package org.dnw.engine.scratch;

/**
 * The quadratic cost of the course: {@code L = (1/n) Σ_i ½ Σ_j (y_ij − t_ij)²} between the
 * network's output probabilities {@code y} and the targets {@code t} — one-hot for a softmax output
 * ({@code width} = classes), the 0/1 label itself for a single sigmoid unit ({@code width} = 1).
 * The ½ makes the gradient {@code (y − t) / n}. Not thread-safe.
 */
public final class SquaredError implements Loss {

    private final int width;
    private double[] gradient;

    /**
     * @param width values per sample: classes, or 1 for a single sigmoid unit
     */
    public SquaredError(int width) {
        this.width = width;
    }

    /** The target of value {@code j} for a sample of class {@code label}. */
    private double target(int label, int j) {
        return width == 1 ? label : j == label ? 1 : 0;
    }

    @Override
    public double forward(double[] values, int[] labels, int n) {
        Linear.check(values, n, width, "values");
        gradient = new double[values.length];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                double d = values[i * width + j] - target(labels[i], j);
                sum += 0.5 * d * d;
                gradient[i * width + j] = d / n;
            }
        }
        return sum / n;
    }

    @Override
    public double[] backward() {
        return gradient.clone();
    }
}
