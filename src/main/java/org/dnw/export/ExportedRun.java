package org.dnw.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dnw.store.NpyReader;
import org.dnw.store.RunFormatException;
import org.dnw.store.RunLayers;
import org.dnw.store.RunRecipe;
import org.dnw.store.SavedRun;
import org.dnw.train.ParameterValues;

/**
 * A saved run read for export: its manifest, its recipe (where the data came from; absent for runs
 * saved before recipes existed), and its network mapped to PyTorch from the run's {@code
 * weights.npz} — the one file both engines write every trained parameter to, so no engine is
 * started. Immutable.
 *
 * @param run the run as loaded
 * @param recipe how it was trained, when the run has {@code recipe.json}
 * @param network the network with its trained parameters under PyTorch names
 */
public record ExportedRun(SavedRun run, Optional<RunRecipe> recipe, TorchNetwork network) {

    /**
     * Reads what an export needs from {@code run}.
     *
     * @throws RunFormatException with a sentence when the run has no network, no {@code
     *     weights.npz}, or parameters that do not fit its network
     */
    public static ExportedRun of(SavedRun run) throws IOException {
        Path folder = run.folder();
        Path manifest = folder.resolve("manifest.json");
        if (run.manifest().spec() == null) {
            throw new RunFormatException(manifest, "holds no network to export");
        }
        Path weights = RunLayers.weightsFile(folder);
        if (!Files.isRegularFile(weights)) {
            throw new RunFormatException(
                    weights, "not found — the run's trained parameters are not there to export");
        }
        List<ParameterValues> parameters;
        try {
            parameters = NpyReader.readNpz(weights);
        } catch (RunFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RunFormatException(
                    weights, "unreadable (" + e.getMessage() + ") — the file is damaged", e);
        }
        if (parameters.isEmpty()) {
            throw new RunFormatException(weights, "holds no parameters — the file is damaged");
        }
        TorchNetwork network;
        try {
            network = TorchNetwork.of(run.manifest().spec(), parameters);
        } catch (IllegalArgumentException e) {
            throw new RunFormatException(
                    weights, "does not fit the run's network: " + e.getMessage());
        }
        return new ExportedRun(run, RunRecipe.readFrom(folder), network);
    }

    /** The run's folder name, e.g. "20261206-061236-seed-cnn-mnist-sample". */
    public String runName() {
        return run.folder().getFileName().toString();
    }
}
