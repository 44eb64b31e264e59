package org.dnw.ui.augment;

import org.dnw.data.AugmentationSpec;
import org.dnw.data.ImageSamples;

/**
 * A strip of sample images before and after augmentation.
 *
 * @param originals the chosen training images, in strip order
 * @param augmented the same images augmented with {@code spec} and {@code seed}, same order
 * @param spec what was applied ({@link AugmentationSpec#NONE} when augmentation is off)
 * @param seed the random seed of the augmentation
 */
public record AugmentationPreview(
        ImageSamples originals, ImageSamples augmented, AugmentationSpec spec, long seed) {

    /** Number of images in the strip. */
    public int size() {
        return originals.size();
    }
}
