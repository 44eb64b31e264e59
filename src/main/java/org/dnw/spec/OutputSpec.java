package org.dnw.spec;

/**
 * The output layer: a fully connected layer with one unit per class (softmax), or a single unit
 * (sigmoid, two classes). Its size follows the data set: {@link ModelSpec#adaptTo} sets {@code
 * classes}.
 *
 * @param classes number of classes of the data set, ≥ 2 for softmax; 2 for sigmoid
 * @param activation softmax or sigmoid
 * @param bias whether each unit has a bias term
 */
public record OutputSpec(int classes, OutputActivation activation, boolean bias)
        implements LayerSpec {

    public OutputSpec {
        if (activation == null) {
            activation = OutputActivation.SOFTMAX;
        }
    }

    public static OutputSpec softmax(int classes) {
        return new OutputSpec(classes, OutputActivation.SOFTMAX, true);
    }

    /** Number of units: one per class for softmax, one for sigmoid. */
    public int units() {
        return activation == OutputActivation.SIGMOID ? 1 : classes;
    }

    public OutputSpec withClasses(int value) {
        return new OutputSpec(value, activation, bias);
    }

    @Override
    public String kindName() {
        return "Output";
    }

    @Override
    public String summary() {
        return activation == OutputActivation.SIGMOID
                ? "1 sigmoid unit (2 classes)"
                : classes + " classes, softmax";
    }
}
