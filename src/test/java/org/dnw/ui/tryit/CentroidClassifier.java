package org.dnw.ui.tryit;

import java.util.List;
import org.dnw.data.ImageSamples;
import org.dnw.spec.Shape;

/**
 * A real if simple digit classifier without an engine, for showcases: each class is the mean of its
 * training images, and a picture's probabilities are a softmax over its cosine similarity to each
 * mean. Thread-safe (immutable).
 */
public final class CentroidClassifier implements Classifier {

    private final float[][] means;
    private final List<String> names;
    private final Shape input;
    private final String dataset;
    private final double sharpness;

    /**
     * @param samples one-channel images with their labels
     * @param sharpness the softmax's inverse temperature on cosine similarities, e.g. 40
     */
    public CentroidClassifier(ImageSamples samples, String dataset, double sharpness) {
        this.names = samples.classNames();
        this.input = samples.inputShape();
        this.dataset = dataset;
        this.sharpness = sharpness;
        int size = samples.imageBytes();
        means = new float[names.size()][size];
        int[] counts = new int[names.size()];
        for (int i = 0; i < samples.size(); i++) {
            int label = samples.labels()[i];
            counts[label]++;
            for (int p = 0; p < size; p++) {
                means[label][p] += samples.pixels()[i * size + p] & 0xFF;
            }
        }
        for (int c = 0; c < means.length; c++) {
            double norm = 0;
            for (int p = 0; p < size; p++) {
                means[c][p] /= Math.max(1, counts[c]);
                norm += means[c][p] * means[c][p];
            }
            norm = Math.sqrt(norm);
            for (int p = 0; p < size; p++) {
                means[c][p] /= (float) Math.max(1e-9, norm);
            }
        }
    }

    @Override
    public List<String> classNames() {
        return names;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public String datasetName() {
        return dataset;
    }

    @Override
    public String description() {
        return "class means of " + dataset + " (a stand-in for a trained network)";
    }

    @Override
    public float[] probabilities(byte[] image) {
        double norm = 0;
        for (byte b : image) {
            double v = b & 0xFF;
            norm += v * v;
        }
        norm = Math.sqrt(Math.max(1e-9, norm));
        double[] score = new double[means.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < means.length; c++) {
            double dot = 0;
            for (int p = 0; p < image.length; p++) {
                dot += (image[p] & 0xFF) * means[c][p];
            }
            score[c] = sharpness * dot / norm;
            max = Math.max(max, score[c]);
        }
        double sum = 0;
        for (int c = 0; c < score.length; c++) {
            score[c] = Math.exp(score[c] - max);
            sum += score[c];
        }
        float[] out = new float[score.length];
        for (int c = 0; c < score.length; c++) {
            out[c] = (float) (score[c] / sum);
        }
        return out;
    }
}
