package org.dnw.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnw.data.Samples;
import org.dnw.engine.BatchFiller;
import org.dnw.engine.LoadedNetwork;
import org.dnw.engine.scratch.ParamsArchive;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.engine.scratch.ScratchNetwork;
import org.dnw.spec.ModelSpec;
import org.dnw.train.LayerActivation;
import org.dnw.train.TrainedNetwork;

/** Opens the trained network of a saved run, whichever engine trained it. */
public final class SavedNetworks {

    private SavedNetworks() {}

    /** True when the run was trained by the from-scratch engine. */
    public static boolean isScratch(RunManifest manifest) {
        return manifest.environment() != null
                && ScratchEngine.ENGINE_NAME.equals(manifest.environment().get("engine"));
    }

    /**
     * Whether the run folder holds the files its engine loads the network from ({@code
     * model-NNNN.params} for DJL, the params archive for the from-scratch engine). Starts no
     * engine.
     */
    public static boolean hasNetwork(SavedRun run) {
        Path folder = run.folder();
        if (folder == null || !Files.isDirectory(folder) || run.manifest().spec() == null) {
            return false;
        }
        if (isScratch(run.manifest())) {
            return Files.isRegularFile(folder.resolve(ParamsArchive.FILE_NAME));
        }
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(folder, LoadedNetwork.MODEL_NAME + "-*.params")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every layer's output for some samples, computed by the run's saved network (opened and closed
     * here), each sample prepared as training prepares it.
     *
     * @param samples the samples, e.g. the run's test split
     * @param indices which of them, in the order wanted
     * @return per index, the layers' outputs as {@link TrainedNetwork#activations} gives them
     * @throws IOException with a sentence when the network cannot be loaded
     * @throws UnsupportedOperationException with a sentence when its engine cannot show its layers
     */
    public static List<List<LayerActivation>> activations(
            SavedRun run, Samples samples, int[] indices) throws IOException {
        List<List<LayerActivation>> out = new ArrayList<>(indices.length);
        try (TrainedNetwork network = open(run)) {
            float[] x = new float[BatchFiller.sampleSize(samples)];
            long[] label = new long[1];
            for (int index : indices) {
                BatchFiller.fill(samples, null, index, 1, x, label);
                out.add(network.activations(x));
            }
        }
        return out;
    }

    /**
     * The network of {@code run}, ready to predict; the caller closes it.
     *
     * @throws IOException with a sentence when its model files are missing or do not match its spec
     */
    public static TrainedNetwork open(SavedRun run) throws IOException {
        ModelSpec spec = run.manifest().spec();
        if (spec == null) {
            throw new IOException(
                    "the run " + run.folder().getFileName() + " has no network in its manifest");
        }
        if (!isScratch(run.manifest())) {
            return LoadedNetwork.load(spec, run.folder());
        }
        Path file = run.folder().resolve(ParamsArchive.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "the run " + run.folder().getFileName() + " lacks " + ParamsArchive.FILE_NAME);
        }
        ScratchNetwork network;
        try {
            network = ScratchNetwork.load(spec, file);
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "the saved network in "
                            + run.folder().getFileName()
                            + " does not match its spec ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        return new TrainedNetwork() {
            @Override
            public ModelSpec spec() {
                return spec;
            }

            @Override
            public synchronized float[] probabilities(float[] inputs, int count) {
                return network.predict(inputs, count);
            }

            @Override
            public synchronized float[] probabilities(Samples samples) {
                return network.predict(samples);
            }

            @Override
            public void close() {
                network.close();
            }
        };
    }
}
