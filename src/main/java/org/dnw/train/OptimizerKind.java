package org.dnw.train;

/** Optimisers a run can use. */
public enum OptimizerKind {
    ADAM("Adam"),
    SGD("SGD"),
    /** SGD with classical momentum 0.9. */
    MOMENTUM("SGD + momentum"),
    /** SGD with Nesterov momentum 0.9. */
    NESTEROV("SGD + Nesterov"),
    RMSPROP("RMSProp"),
    ADAGRAD("AdaGrad");

    private final String label;

    OptimizerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
