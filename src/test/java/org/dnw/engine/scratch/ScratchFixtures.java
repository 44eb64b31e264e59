package org.dnw.engine.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingFixtures;

/** Small learnable data sets and networks for the engine's tests. */
final class ScratchFixtures {

    private ScratchFixtures() {}

    /** See {@link TrainingFixtures#bands}. */
    static ImageSamples bands(int count, int classes, long seed) {
        return TrainingFixtures.bands(count, classes, seed);
    }

    /** Rows of 4 features around a centre per class (class c: feature c is 3, others 0; σ 0.5). */
    static TableSamples blobs(int count, int classes, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * 4];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(classes);
            labels[i] = c;
            for (int f = 0; f < 4; f++) {
                values[i * 4 + f] = (float) ((f == c ? 3 : 0) + 0.5 * random.nextGaussian());
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class " + c);
        }
        return new TableSamples(4, values, labels, names, List.of("a", "b", "c", "d"));
    }

    /** See {@link TrainingFixtures#imageSplits}. */
    static DataSplits imageSplits(int classes) {
        return TrainingFixtures.imageSplits(classes);
    }

    /** See {@link TrainingFixtures#imageNet}. */
    static ModelSpec imageNet(int classes) {
        return TrainingFixtures.imageNet(classes);
    }

    /** Dense 6, sigmoid, one sigmoid output unit, on 4 features. */
    static ModelSpec tableSigmoidNet() {
        return new ModelSpec(
                "blob-net",
                Shape.flat(4),
                List.of(
                        DenseSpec.of(6),
                        ActivationSpec.of(ActivationType.SIGMOID),
                        new OutputSpec(2, OutputActivation.SIGMOID, true)));
    }

    /** See {@link TrainingFixtures#sgd}. */
    static Hyperparameters sgd(double learningRate, int batch, int epochs) {
        return TrainingFixtures.sgd(learningRate, batch, epochs);
    }
}
