package org.dnw.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;

/** The network's raw outputs turned into class probabilities. Stateless. */
public final class Logits {

    private Logits() {}

    /** True when the spec ends in one sigmoid unit (two classes). */
    public static boolean isSigmoid(ModelSpec spec) {
        OutputSpec out = spec.output();
        return out != null && out.activation() == OutputActivation.SIGMOID;
    }

    /**
     * Probabilities (N, classes) from logits: softmax over (N, classes) logits, or [1 − p, p] with
     * p = sigmoid(z) for a single (N, 1) sigmoid unit. The result lands in the logits' manager.
     */
    public static NDArray probabilities(NDArray logits, boolean sigmoid) {
        if (sigmoid) {
            NDArray p = logits.getNDArrayInternal().sigmoid();
            return NDArrays.concat(new ai.djl.ndarray.NDList(p.neg().add(1), p), 1);
        }
        return logits.softmax(1);
    }
}
