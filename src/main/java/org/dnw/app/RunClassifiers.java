package org.dnw.app;

import java.util.List;
import org.dnw.spec.Shape;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.InputSaliency;
import org.dnw.train.TrainedNetwork;
import org.dnw.ui.tryit.Classifier;
import org.dnw.ui.tryit.ClassifierFactory;

/** The Try-it tab's classifiers: a saved run's network, whichever engine trained it. */
final class RunClassifiers implements ClassifierFactory {

    @Override
    public Classifier open(SavedRun run) throws Exception {
        Shape input = run.manifest().spec().input();
        if (!input.isImage()) {
            throw new IllegalArgumentException(
                    "the run "
                            + run.manifest().runName()
                            + " classifies table rows, not pictures — open an image run");
        }
        TrainedNetwork network = SavedNetworks.open(run);
        String dataset = run.manifest().dataset().name();
        List<String> names = run.classNames();
        String folder = run.folder().getFileName().toString();
        return new Classifier() {
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
            public float[] probabilities(byte[] uint8Image) {
                return network.probabilities(scaled(uint8Image), 1);
            }

            @Override
            public InputSaliency explain(byte[] uint8Image, int classIndex) {
                return network.saliency(scaled(uint8Image), classIndex);
            }

            @Override
            public String description() {
                return run.manifest().spec().name()
                        + " trained on "
                        + dataset
                        + " (run "
                        + folder
                        + ")";
            }

            @Override
            public void close() {
                network.close();
            }
        };
    }

    private static float[] scaled(byte[] uint8Image) {
        float[] x = new float[uint8Image.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (uint8Image[i] & 0xFF) / 255f;
        }
        return x;
    }
}
