package org.dnw.engine.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearTest {

    @Test
    void forwardIsInputsTimesWeightsPlusBias() {
        try (Workers workers = Workers.single()) {
            Linear layer = new Linear(3, 2, true, workers);
            // DJL layout (units × inputs): unit 0 = (1, 2, 3), unit 1 = (−1, 0, 0.5)
            layer.setWeightsByUnit(new float[] {1, 2, 3, -1, 0, 0.5f});
            layer.bias().values()[0] = 10;
            layer.bias().values()[1] = -10;

            double[] y = layer.forward(new double[] {1, 0, 2, 0, 1, 0}, 2);

            assertThat(y).containsExactly(1 + 6 + 10, -1 + 1 - 10, 2 + 10, 0 - 10);
            assertThat(layer.weightsByUnit()).containsExactly(1, 2, 3, -1, 0, 0.5f);
        }
    }

    @Test
    void splittingOverThreadsGivesBitIdenticalResults() {
        // large enough that every product is split (32 × 300 × 64 multiply-adds)
        double[] x = new double[32 * 300];
        double[] dy = new double[32 * 64];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.8 ? 0 : random.nextDouble();
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = random.nextGaussian();
        }
        Result one = run(1, x, dy);
        Result four = run(4, x, dy);
        Result three = run(3, x, dy);

        assertThat(four.y).containsExactly(one.y);
        assertThat(four.dw).containsExactly(one.dw);
        assertThat(four.db).containsExactly(one.db);
        assertThat(four.dx).containsExactly(one.dx);
        assertThat(three.dw).containsExactly(one.dw);
        assertThat(three.dx).containsExactly(one.dx);
    }

    @Test
    void sameSeedSameWeightsAndHeLimitsRespected() {
        try (Workers w = Workers.single()) {
            Linear a = new Linear(50, 20, true, w);
            Linear b = new Linear(50, 20, true, w);
            a.initialise(Linear.Init.HE_UNIFORM, new Random(5));
            b.initialise(Linear.Init.HE_UNIFORM, new Random(5));
            assertThat(a.weight().values()).containsExactly(b.weight().values());
            double limit = Math.sqrt(6.0 / 50);
            // about uniform: the largest drawn weight is close to the limit, none beyond it
            double max = 0;
            for (double v : a.weight().values()) {
                max = Math.max(max, Math.abs(v));
            }
            assertThat(max).isLessThanOrEqualTo(limit).isGreaterThan(0.95 * limit);
            assertThat(a.bias().values()).containsOnly(0.0);
        }
    }

    @Test
    void rejectsBatchesOfTheWrongSize() {
        try (Workers w = Workers.single()) {
            Linear layer = new Linear(3, 2, true, w);
            assertThatThrownBy(() -> layer.forward(new double[5], 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected 2 × 3");
        }
    }

    private record Result(double[] y, double[] dw, double[] db, double[] dx) {}

    private static Result run(int threads, double[] x, double[] dy) {
        try (Workers workers = new Workers(threads)) {
            Linear layer = new Linear(300, 64, true, workers);
            layer.initialise(Linear.Init.HE_UNIFORM, new Random(9));
            double[] y = layer.forward(x, 32);
            double[] dx = layer.backward(dy, 32, true);
            return new Result(
                    y, layer.weight().gradient().clone(), layer.bias().gradient().clone(), dx);
        }
    }
}
