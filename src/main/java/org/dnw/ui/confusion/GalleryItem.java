package org.dnw.ui.confusion;

/**
 * One test sample in the gallery.
 *
 * @param sampleIndex position in the test split
 * @param actual true class
 * @param predicted predicted class
 * @param predictedProbability the network's probability for its prediction, in [0, 1] (NaN if
 *     unknown)
 * @param actualProbability the network's probability for the true class, in [0, 1] (NaN if unknown)
 * @param image the image, or null when there is none to show
 */
public record GalleryItem(
        int sampleIndex,
        int actual,
        int predicted,
        double predictedProbability,
        double actualProbability,
        SampleImage image) {}
