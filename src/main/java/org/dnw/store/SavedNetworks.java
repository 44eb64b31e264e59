package org.dnw.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dnw.data.Samples;
import org.dnw.engine.LoadedNetwork;
import org.dnw.engine.scratch.ParamsArchive;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.engine.scratch.ScratchNetwork;
import org.dnw.spec.ModelSpec;
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
