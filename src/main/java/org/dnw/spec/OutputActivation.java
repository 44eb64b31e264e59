package org.dnw.spec;

/**
 * How the output layer turns scores into predictions: softmax over the classes (one unit per
 * class), or one sigmoid unit for a two-class problem (probability of the second class).
 */
public enum OutputActivation {
    SOFTMAX,
    SIGMOID
}
