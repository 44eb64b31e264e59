package org.dnw.ui.data;

/**
 * How many samples one class has.
 *
 * @param label the class index
 * @param name the class name
 * @param train samples in the training data (before validation is held out)
 * @param test samples in the test data
 * @param trainShare {@code train} as a share of the largest class's training count, 0–1, for the
 *     bar
 */
public record ClassCountRow(int label, String name, int train, int test, double trainShare) {}
