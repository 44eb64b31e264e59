package org.dnw.engine.scratch;

import java.util.List;

/**
 * Plain stochastic gradient descent: {@code w ← w − lr · (g + λ·w)} for every value of every
 * parameter, with the L2 weight decay {@code λ} applied to all parameters as DJL's optimisers do.
 * The per-epoch rate comes from {@link org.dnw.train.Hyperparameters#learningRateAt}. Stateless.
 */
public final class Sgd {

    private Sgd() {}

    /**
     * One step.
     *
     * @param learningRate {@code lr}, &gt; 0
     * @param weightDecay {@code λ}, ≥ 0
     */
    public static void step(List<Parameter> parameters, double learningRate, double weightDecay) {
        for (Parameter p : parameters) {
            double[] w = p.values();
            double[] g = p.gradient();
            if (weightDecay == 0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= learningRate * g[i];
                }
            } else {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= learningRate * (g[i] + weightDecay * w[i]);
                }
            }
        }
    }
}
