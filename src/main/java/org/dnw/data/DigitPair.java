package org.dnw.data;

import java.util.List;

/**
 * The two-digit task of the course: the images of two classes of a data set (e.g. the 3s and 8s of
 * MNIST), relabelled 0 for the first and 1 for the second, so that a network with one sigmoid
 * output unit can separate them. Pure: the source is not changed. Stateless.
 */
public final class DigitPair {

    private DigitPair() {}

    /**
     * The images of classes {@code digitA} and {@code digitB}, in their original order, with labels
     * 0 (was {@code digitA}) and 1 (was {@code digitB}) and class names {@code [name of A, name of
     * B]} (for MNIST "3" and "8").
     *
     * @throws IllegalArgumentException when a class is outside the data set or both are the same
     */
    public static ImageSamples select(ImageSamples mnist, int digitA, int digitB) {
        int classes = mnist.classCount();
        if (digitA < 0 || digitA >= classes || digitB < 0 || digitB >= classes) {
            throw new IllegalArgumentException(
                    "the digits must be classes 0 to "
                            + (classes - 1)
                            + " of the data set, not "
                            + digitA
                            + " and "
                            + digitB);
        }
        if (digitA == digitB) {
            throw new IllegalArgumentException(
                    "choose two different digits, not " + digitA + " twice");
        }
        int[] labels = mnist.labels();
        int count = 0;
        for (int label : labels) {
            if (label == digitA || label == digitB) {
                count++;
            }
        }
        int[] indices = new int[count];
        int[] pairLabels = new int[count];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == digitA || labels[i] == digitB) {
                indices[k] = i;
                pairLabels[k] = labels[i] == digitA ? 0 : 1;
                k++;
            }
        }
        ImageSamples picked = mnist.subset(indices);
        return new ImageSamples(
                picked.channels(),
                picked.height(),
                picked.width(),
                picked.pixels(),
                pairLabels,
                List.of(mnist.classNames().get(digitA), mnist.classNames().get(digitB)));
    }
}
