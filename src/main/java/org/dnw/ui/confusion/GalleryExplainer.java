package org.dnw.ui.confusion;

import org.dnw.train.InputSaliency;

/**
 * The network of the run whose evaluation is shown, asked why it answered as it did for one test
 * image. The application backs it with the network the Try-it tab loaded for that same run; it is
 * called on that network's single background thread.
 */
@FunctionalInterface
public interface GalleryExplainer {

    /**
     * @param uint8Image the test image's bytes (0–255), channel-first, as in {@link SampleImage}
     * @throws Exception when the network cannot say; its message is shown as a sentence
     */
    InputSaliency explain(byte[] uint8Image, int classIndex) throws Exception;
}
