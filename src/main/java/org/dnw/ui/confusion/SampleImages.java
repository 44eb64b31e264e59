package org.dnw.ui.confusion;

import org.dnw.data.ImageSamples;

/**
 * The test images behind an evaluation, by sample index (the order of {@code
 * TestEvaluation.actual()}), for the gallery's thumbnails.
 */
public interface SampleImages {

    /** Image {@code index}, or null when there is none to show (e.g. table data). */
    SampleImage image(int index);

    /** No images: the gallery lists samples without thumbnails. */
    static SampleImages none() {
        return index -> null;
    }

    /** The images of an image split, e.g. {@code DataSplits.test()}. */
    static SampleImages of(ImageSamples samples) {
        int bytes = samples.imageBytes();
        return index -> {
            if (index < 0 || index >= samples.size()) {
                return null;
            }
            byte[] pixels = new byte[bytes];
            System.arraycopy(samples.pixels(), index * bytes, pixels, 0, bytes);
            return new SampleImage(samples.channels(), samples.height(), samples.width(), pixels);
        };
    }
}
