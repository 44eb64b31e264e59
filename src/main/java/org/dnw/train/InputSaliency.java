package org.dnw.train;

import java.util.Arrays;
import java.util.Optional;
import org.dnw.spec.Shape;

/**
 * "Why this answer" for one input and one class: how the class's score (its logit, before softmax
 * or sigmoid) changes with each input value, and Grad-CAM on the last convolution layer. Read from
 * a trained network in inference mode (dropout off, batch norm with its running statistics).
 * Immutable: the accessors return copies; no engine type crosses into it, so the window and the
 * command line can use it. Safe to share between threads.
 *
 * <p>For a single sigmoid unit the score of class 1 is its logit z and the score of class 0 is −z.
 *
 * @param classIndex the class explained, 0 ≤ classIndex &lt; classes
 * @param input the input shape (C, H, W), or (n) for a table row
 * @param gradient d score / d input, {@code input.size()} values, channel-first (C, H, W) row-major
 * @param gradCam Grad-CAM upsampled to the input's H × W, row-major, every value ≥ 0; null when the
 *     network has no convolution layer
 * @param gradCamLayer 1-based position in the spec of the layer whose output Grad-CAM weighs: the
 *     last convolution, or the batch norm or activation right after it (the rectified maps); 0 when
 *     {@code gradCam} is null
 * @param gradCamAbsence one sentence saying why Grad-CAM is missing; null when it is present
 */
public record InputSaliency(
        int classIndex,
        Shape input,
        float[] gradient,
        float[] gradCam,
        int gradCamLayer,
        String gradCamAbsence) {

    /** The sentence when a network has no convolution layer. */
    public static final String NO_CONVOLUTION =
            "Grad-CAM needs a convolution layer and this network has none;"
                    + " the input gradients still show which pixels matter";

    public InputSaliency {
        if (gradient.length != input.size()) {
            throw new IllegalArgumentException(
                    gradient.length + " gradient values for input " + input);
        }
        if ((gradCam == null) == (gradCamAbsence == null)) {
            throw new IllegalArgumentException(
                    "either a Grad-CAM map or a sentence saying why there is none");
        }
        if (gradCam != null && gradCam.length != input.height() * input.width()) {
            throw new IllegalArgumentException(
                    gradCam.length + " Grad-CAM values for input " + input);
        }
        gradient = gradient.clone();
        gradCam = gradCam == null ? null : gradCam.clone();
    }

    /** d score / d input, a copy ({@code input.size()} values, channel-first). */
    @Override
    public float[] gradient() {
        return gradient.clone();
    }

    /** The raw Grad-CAM values, a copy; null when absent (see {@link #gradCamMap()}). */
    @Override
    public float[] gradCam() {
        return gradCam == null ? null : gradCam.clone();
    }

    /** Grad-CAM over the input's H × W (values ≥ 0), or empty with {@link #gradCamAbsence()}. */
    public Optional<float[]> gradCamMap() {
        return Optional.ofNullable(gradCam());
    }

    /**
     * The saliency map: per pixel the largest absolute gradient over the channels (Simonyan et al.
     * 2014), H × W values ≥ 0, row-major. A table row gives one value per feature.
     */
    public float[] saliencyMap() {
        int plane = input.height() * input.width();
        float[] map = new float[plane];
        for (int c = 0; c < input.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                map[i] = Math.max(map[i], Math.abs(gradient[c * plane + i]));
            }
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputSaliency s
                && s.classIndex == classIndex
                && s.input.equals(input)
                && Arrays.equals(s.gradient, gradient)
                && Arrays.equals(s.gradCam, gradCam)
                && s.gradCamLayer == gradCamLayer
                && java.util.Objects.equals(s.gradCamAbsence, gradCamAbsence);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(
                classIndex, input, Arrays.hashCode(gradient), Arrays.hashCode(gradCam));
    }

    @Override
    public String toString() {
        return "InputSaliency[class "
                + classIndex
                + ", input "
                + input
                + (gradCam == null ? ", no Grad-CAM" : ", Grad-CAM on layer " + gradCamLayer)
                + "]";
    }
}
